"""Scoring helpers for the extraction benchmark: body token F1, leftover boilerplate lines."""
from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")
# lines that must never survive in a body (the "zero Baca juga / related / share lines")
LEFTOVER = re.compile(
    r"^\s*(baca( juga)?|lihat juga|simak( juga| video)?|berita terkait|artikel terkait|jangan lewatkan|"
    r"halaman selanjutnya|advertisement|scroll to resume content|bagikan|share)\b|\[gambas:",
    re.I | re.M,
)


def tokens(text: str | None) -> Counter:
    return Counter(_TOKEN.findall((text or "").lower()))


def token_f1(predicted: str | None, gold: str | None) -> float:
    """Bag-of-words F1 of PREDICTED against GOLD (1.0 when both are empty)."""
    pred, ref = tokens(predicted), tokens(gold)
    if not pred and not ref:
        return 1.0
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def leftover_lines(text: str | None) -> list[str]:
    return [m.group(0).strip() for m in LEFTOVER.finditer(text or "")]
