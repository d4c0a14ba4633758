"""The bubblewrap implementation: one fresh sandbox per job (BubblewrapSandbox) and its warm pool (sandbox.pool)."""
