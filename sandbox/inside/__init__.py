"""Code that runs inside the sandbox. Standard library only: it must import before any third-party package."""
