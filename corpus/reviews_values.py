"""Check and normalise a monitor's corrected fact values (Indonesian numbers, election names, ISO dates)."""
from __future__ import annotations

import datetime as dt
import re

from corpus.reviews_users import ReviewError

ELECTION_RE = re.compile(r"^(Pemilu|Pilkada) (\d{4})$", re.IGNORECASE)
THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")
CORRECTABLE = {
    "official": ("name", "position", "institution"),
    "institution": ("name", "aliases"),
    "date": ("value",),
    "figure": ("value", "unit", "violation", "election", "approx"),
}
REQUIRED = {"official": ("name",), "institution": ("name",), "date": ("value",), "figure": ("value",)}


def parse_number(text) -> int | float:
    """A figure value as typed: '1.010' and '1010' are 1010, '2,5' and '2.5' are 2.5 (Indonesian or plain)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return text
    raw = str(text or "").strip().replace(" ", "")
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif THOUSANDS_RE.match(raw):
        raw = raw.replace(".", "")
    try:
        value = float(raw)
    except ValueError:
        raise ReviewError(f"figure value {text!r}: write a number such as 433, 1.010 or 2,5") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise ReviewError(f"figure value {text!r}: must be a finite number of zero or more")
    return int(value) if value.is_integer() else value


def parse_election(text) -> str | None:
    raw = " ".join(str(text or "").split())
    if not raw:
        return None
    match = ELECTION_RE.match(raw)
    if not match:
        raise ReviewError(f"election {text!r}: write 'Pemilu YYYY' or 'Pilkada YYYY', or leave it empty")
    return f"{match.group(1).capitalize()} {match.group(2)}"


def parse_day(text) -> str:
    raw = str(text or "").strip()
    try:
        return dt.date.fromisoformat(raw).isoformat() if len(raw) == 10 else _bad_day(text)
    except ValueError:
        return _bad_day(text)


def _bad_day(text) -> str:
    raise ReviewError(f"date value {text!r}: write the day as YYYY-MM-DD")


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "true", "on", "yes", "ya")


def _text(value, limit: int = 300) -> str | None:
    text = " ".join(str(value or "").split())
    if len(text) > limit:
        raise ReviewError(f"value {text[:40]!r}...: longer than {limit} characters")
    return text or None


def _aliases(value) -> list[str]:
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [a for a in (_text(i) for i in items) if a]


PARSERS = {
    ("figure", "value"): parse_number, ("figure", "election"): parse_election, ("figure", "approx"): parse_bool,
    ("date", "value"): parse_day, ("institution", "aliases"): _aliases,
}


def clean_correction(kind: str, machine: dict, changes: dict) -> dict:
    """The machine fact with the monitor's changes applied, each changed field checked; unknown fields refused."""
    if kind not in CORRECTABLE:
        raise ReviewError(f"fact kind {kind!r}: choose official, institution, date or figure")
    unknown = sorted(set(changes) - set(CORRECTABLE[kind]))
    if unknown:
        raise ReviewError(f"{kind} has no correctable field(s) {', '.join(unknown)}")
    corrected = dict(machine)
    for field_name, raw in changes.items():
        corrected[field_name] = PARSERS.get((kind, field_name), _text)(raw)
    missing = [f for f in REQUIRED[kind] if corrected.get(f) in (None, "")]
    if missing:
        raise ReviewError(f"{kind} correction: {', '.join(missing)} may not be empty")
    return corrected
