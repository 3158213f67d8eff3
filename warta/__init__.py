"""warta: mine Indonesian-language news into an SQLite corpus of facts."""
__version__ = "0.1.0"
