"""Extraction stage: one HTML page to an Article (clean body and metadata)."""
from extract.article import Article, extract_article

__all__ = ["Article", "extract_article"]
