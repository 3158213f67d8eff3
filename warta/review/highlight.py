"""Cut an article body into plain-text segments, each tagged with the facts whose offsets cover it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mark:
    """One highlighted span: a fact mention or a flag cue."""

    kind: str  # official, institution, date, figure, cue
    ref: str  # anchor of the fact's row on the page, e.g. "figure-12"
    label: str  # what the tooltip says
    start: int
    end: int


@dataclass
class Segment:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        kinds = sorted({f"hl-{m.kind}" for m in self.marks})
        return " ".join(["hl"] + kinds) if kinds else ""

    @property
    def title(self) -> str:
        return "; ".join(m.label for m in self.marks)

    @property
    def refs(self) -> str:
        return " ".join(m.ref for m in self.marks)


def _label(kind: str, fact: dict) -> str:
    if kind == "official":
        return f"official: {fact.get('name')} ({fact.get('position') or '-'}, {fact.get('institution') or '-'})"
    if kind == "institution":
        return f"institution: {fact.get('name')}"
    if kind == "date":
        return f"date: {fact.get('value')}"
    return f"figure: {fact.get('value')} {fact.get('unit') or ''} ({fact.get('election') or '-'})"


def marks_of(facts: dict[str, list[dict]], reasons: list[dict]) -> list[Mark]:
    """Marks for every mention of every fact (officials and institutions have several) and every flag cue."""
    marks = []
    for kind, items in facts.items():
        for fact in items:
            spans = fact.get("mentions") or [{"start": fact.get("start"), "end": fact.get("end")}]
            for span in spans:
                marks.append(Mark(kind, f"{kind}-{fact['id']}", _label(kind, fact), span.get("start", -1),
                                  span.get("end", -1)))
    for reason in reasons:
        marks.append(Mark("cue", f"cue-{reason['id']}", f"flag cue: {reason['cue']}", reason["start"],
                          reason["end"]))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text split at every mark boundary; offsets outside the text or empty spans are ignored."""
    text = text or ""
    valid = [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int)
             and 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in valid} | {m.end for m in valid})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        out.append(Segment(text[start:end], covering))
    return out
