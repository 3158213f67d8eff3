"""Corpus stage: pages, articles and facts with provenance in one SQLite file (sqlite-utils)."""
from corpus.errors import CorpusError
from corpus.migrations import SCHEMA_VERSION
from corpus.store import Corpus
from corpus.urls import canonical_url, outlet_of

__all__ = ["Corpus", "CorpusError", "SCHEMA_VERSION", "canonical_url", "outlet_of"]
