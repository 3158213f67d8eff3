"""Named officials with their position and institution."""
from __future__ import annotations

from nlp.facts import Official


def find_officials(text, sentences, institutions) -> list[Official]:
    return []
