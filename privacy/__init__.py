"""privacy: find, protect and erase personal data across a data platform."""

__version__ = "0.1.0"
