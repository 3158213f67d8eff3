"""The one exception the corpus raises for problems a user can fix (path, schema version)."""


class CorpusError(Exception):
    """A corpus file that cannot be opened, written or upgraded; the message says which and what to do."""
