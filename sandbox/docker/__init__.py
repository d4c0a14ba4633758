"""The Docker implementation: one container per job (network none, read-only root, tmpfs /job, limits)."""
