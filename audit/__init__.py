"""Append-only, tamper-evident audit log. Imports nothing of the rest of the project."""
