"""Indonesian cleanup of extracted body text: drop cross-links, related-headline boxes, credits,
captions and page furniture, using the patterns in extract/data/."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extract.patterns import load_alternation, load_regexes

MAX_BOX_LINES = 15
_SENTENCE_END = re.compile(r"""[.:;,]["'”’)\]]*$""")
# a closing signature in capitals on its own line ("ANDI WIJAYA"), the Tempo convention for the reporter
_SIGNATURE = re.compile(r"^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){1,3}$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]* +[A-Z(\"“]")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


@dataclass
class CleanBody:
    text: str
    signature: Optional[str] = None  # reporter name found as a closing signature line
    removed: list[str] = field(default_factory=list)


def clean_body(raw: str, title: Optional[str] = None) -> CleanBody:
    """Paragraphs of RAW (one a line) without boilerplate, joined by blank lines."""
    lines = [_SPACES.sub(" ", line).strip() for line in (raw or "").splitlines()]
    lines = [line for line in lines if line]
    result = CleanBody(text="")
    kept = _drop_boxes(lines, result.removed)
    kept = [line for line in kept if not _is_boilerplate(line, result.removed)]
    kept = _drop_title(kept, title, result.removed)
    if kept and _SIGNATURE.match(kept[-1]) and len(kept) > 1:
        result.signature = kept.pop()
        result.removed.append(result.signature)
    result.text = "\n\n".join(kept)
    return result


def _is_boilerplate(line: str, removed: list) -> bool:
    for pattern in load_regexes("boilerplate_patterns.txt"):
        if pattern.search(line):
            removed.append(line)
            return True
    return False


def _drop_boxes(lines: list[str], removed: list) -> list[str]:
    """Remove each box header line and the headline-like lines that follow it."""
    header = load_alternation("box_headers.txt", r"^{}$")
    kept, skipping = [], 0
    for line in lines:
        if header.match(line):
            skipping = MAX_BOX_LINES
            removed.append(line)
            continue
        if skipping and _headline_like(line):
            skipping -= 1
            removed.append(line)
            continue
        skipping = 0
        kept.append(line)
    return kept


def _headline_like(line: str) -> bool:
    """Short, no closing full stop, no sentence break inside: a linked headline, not a paragraph."""
    return (len(line) < 140 and len(line.split()) <= 18 and not _SENTENCE_END.search(line)
            and not _SENTENCE_BREAK.search(line))


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text or "").strip().lower()


def _drop_title(lines: list[str], title: Optional[str], removed: list) -> list[str]:
    """The headline repeated at the top of the body is not body text."""
    if not title:
        return lines
    wanted = _norm(title)
    head = [line for line in lines[:3] if _norm(line) == wanted]
    for line in head:
        lines.remove(line)
        removed.append(line)
    return lines
