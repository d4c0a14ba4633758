"""The quantum engine: load, analyse, draw and execute users' circuits, and the backend catalogue.

Plain Python, no Django. quantum.api is the entry point for the web side; it runs users' code only inside the
sandbox (see the sandbox package). quantum.runner is the code that runs inside.
"""
