"""The `privacy` command line: wiring over library functions, no domain logic."""
