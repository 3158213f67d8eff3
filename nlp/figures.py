"""Numbers that count election violations, with unit, violation, election and approx."""
from __future__ import annotations

from nlp.facts import ViolationFigure


def find_figures(text, sentences, published) -> list[ViolationFigure]:
    return []
