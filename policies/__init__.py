"""Policy engine: policy files, access decisions, enforcement in Python and in the warehouse."""
