"""Third held-out scanner accuracy set (see README.md)."""
