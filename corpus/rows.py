"""Turn nlp.Facts.to_json() and extract.Article.to_json() dicts into table rows with provenance."""
from __future__ import annotations

import hashlib
import json
from typing import Optional

from corpus.regions import region_of
from corpus.urls import canonical_url, outlet_of

# Column order of the fact tables, shared by the insert statements in corpus.store.
# published and flagged repeat the article's day and flag on every fact row: the analyst filters need no join.
PROVENANCE = ("article_id", "extractor_version", "published", "flagged", "sentence", "start", "end")
FACT_COLUMNS = {
    "officials": PROVENANCE + ("name", "position", "institution", "region", "mention_count", "mentions"),
    "institutions": PROVENANCE + ("name", "region", "aliases", "mention_count", "mentions"),
    "dates": PROVENANCE + ("text", "value"),
    "figures": PROVENANCE + ("value", "text", "unit", "violation", "election", "approx", "institution", "region"),
    "flag_reasons": PROVENANCE + ("cue",),
}
FACT_TABLES = tuple(FACT_COLUMNS) + ("sentences", "flags")


def text_hash(text: Optional[str]) -> Optional[str]:
    """A short digest of an article body, to spot the same story stored under two URLs."""
    if not text or not text.strip():
        return None
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:20]


def article_row(page_id: int, page_url: str, article: dict, now: str) -> dict:
    url = article.get("url") or page_url
    text = article.get("text") or ""
    return {
        "page_id": page_id, "url": url, "canonical_url": canonical_url(url) if url else None,
        "outlet": outlet_of(url), "title": article.get("title"), "published": article.get("published"),
        "author": article.get("author"), "text": text, "language": article.get("language"),
        "is_article": int(bool(article.get("is_article", True))), "error": article.get("error"),
        "text_hash": text_hash(text), "extracted_at": now,
    }


def _first(mentions: list[dict]) -> tuple[int, int, int]:
    if not mentions:
        return -1, -1, -1
    first = min(mentions, key=lambda m: (m["start"], m["end"]))
    return first["sentence"], first["start"], first["end"]


def _nearest_institution(figure: dict, mentions_by_sentence: dict[int, list[tuple[int, str]]]) -> Optional[str]:
    """The institution named in the figure's sentence, the closest one before the figure preferred."""
    candidates = mentions_by_sentence.get(figure.get("sentence", -1), [])
    if not candidates:
        return None
    before = [c for c in candidates if c[0] <= figure.get("start", 0)]
    return max(before)[1] if before else min(candidates)[1]


def fact_rows(article_id: int, facts: dict, published: Optional[str] = None) -> dict[str, list[tuple]]:
    """Rows per fact table, each tuple in FACT_COLUMNS order; `published` is the article's day."""
    version = facts.get("extractor_version") or "unknown"
    base = (article_id, version, published, int(bool(facts.get("flag"))))
    rows: dict[str, list[tuple]] = {name: [] for name in FACT_COLUMNS}
    mentions_by_sentence: dict[int, list[tuple[int, str]]] = {}
    for inst in facts.get("institutions") or []:
        mentions = inst.get("mentions") or []
        for m in mentions:
            mentions_by_sentence.setdefault(m["sentence"], []).append((m["start"], inst["name"]))
        rows["institutions"].append(base + _first(mentions) + (
            inst["name"], region_of(inst["name"]), json.dumps(inst.get("aliases") or [], ensure_ascii=False), len(mentions),
            json.dumps(mentions)))
    for off in facts.get("officials") or []:
        mentions = off.get("mentions") or []
        rows["officials"].append(base + _first(mentions) + (
            off["name"], off.get("position"), off.get("institution"), region_of(off.get("institution")),
            len(mentions), json.dumps(mentions)))
    for date in facts.get("dates") or []:
        rows["dates"].append(base + (date.get("sentence", -1), date.get("start", -1), date.get("end", -1),
                                     date.get("text"), date.get("value")))
    for fig in facts.get("figures") or []:
        institution = _nearest_institution(fig, mentions_by_sentence)
        rows["figures"].append(base + (fig.get("sentence", -1), fig.get("start", -1), fig.get("end", -1),
                                       fig.get("value"), fig.get("text"), fig.get("unit"), fig.get("violation"),
                                       fig.get("election"), int(bool(fig.get("approx"))), institution,
                                       region_of(institution)))
    for reason in facts.get("flag_reasons") or []:
        rows["flag_reasons"].append(base + (reason["sentence"], reason["start"], reason["end"], reason["cue"]))
    return rows


def sentence_rows(article_id: int, facts: dict) -> list[tuple]:
    version = facts.get("extractor_version") or "unknown"
    return [(article_id, version, i, s[0], s[1]) for i, s in enumerate(facts.get("sentences") or [])]
