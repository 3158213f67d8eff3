"""Plain data types of the NLP stage: the facts of one article, with provenance."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

EXTRACTOR_VERSION = "0.1.0"


@dataclass
class Span:
    """Where a fact was read: sentence index and character offsets into the text."""

    sentence: int
    start: int
    end: int


@dataclass
class Institution:
    name: str  # canonical name (GUIDELINES: official acronym or full name, region kept)
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Official:
    name: str  # without honorifics, degrees and ranks
    position: Optional[str] = None
    institution: Optional[str] = None  # canonical name of an Institution of the same article
    mentions: list[Span] = field(default_factory=list)


@dataclass
class DateFact:
    text: str
    value: str  # YYYY-MM-DD
    sentence: int = -1
    start: int = -1
    end: int = -1


@dataclass
class ViolationFigure:
    value: float | int
    text: str
    unit: Optional[str] = None
    violation: Optional[str] = None
    election: Optional[str] = None  # "Pemilu YYYY" / "Pilkada YYYY"
    approx: bool = False
    sentence: int = -1
    start: int = -1
    end: int = -1


@dataclass
class FlagReason:
    cue: str  # the cue word or phrase that fired
    sentence: int
    start: int
    end: int


@dataclass
class Facts:
    """All facts of one article, serialisable to the GUIDELINES gold format."""

    flag: bool = False
    flag_reasons: list[FlagReason] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    figures: list[ViolationFigure] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    extractor_version: str = EXTRACTOR_VERSION
    error: Optional[str] = None

    def to_json(self) -> dict:
        """The gold-format record body (without id/published/text) plus provenance fields."""
        return asdict(self) | {"sentences": [list(s) for s in self.sentences]}

    @property
    def counts(self) -> dict[str, int]:
        return {
            "officials": len(self.officials),
            "institutions": len(self.institutions),
            "dates": len(self.dates),
            "figures": len(self.figures),
        }
