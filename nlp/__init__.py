"""NLP stage: one Indonesian news article's text to facts (officials, institutions, dates, figures, flag)."""
from nlp.annotate import annotate
from nlp.facts import (
    EXTRACTOR_VERSION,
    DateFact,
    Facts,
    FlagReason,
    Institution,
    Official,
    Span,
    ViolationFigure,
)

__all__ = [
    "annotate",
    "EXTRACTOR_VERSION",
    "DateFact",
    "Facts",
    "FlagReason",
    "Institution",
    "Official",
    "Span",
    "ViolationFigure",
]
