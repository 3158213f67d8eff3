"""Decide whether an article reports on election violations or neutrality, with reasons."""
from __future__ import annotations

from nlp.facts import FlagReason


def decide_flag(text, sentences, figures) -> tuple[bool, list[FlagReason]]:
    return False, []
