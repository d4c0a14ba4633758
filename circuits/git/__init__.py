"""Git over smart HTTP: each circuit is a repository derived from its stored versions (dulwich, no git binary)."""
