"""Fill a real corpus database with our own Indonesian test articles and their facts, through corpus.Corpus."""
from __future__ import annotations

import json
import re
from pathlib import Path

from corpus import Corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review" / "articles.json"
VERSION = "test-0.1"
SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence_of(spans, start: int) -> int:
    return next((i for i, (s, e) in enumerate(spans) if s <= start < e), len(spans) - 1)


def _span(text: str, spans, needle: str, after: int = 0) -> dict:
    start = text.index(needle, after)
    return {"sentence": _sentence_of(spans, start), "start": start, "end": start + len(needle)}


def facts_of(item: dict) -> dict:
    """An nlp.Facts.to_json()-shaped dict with offsets found in the text."""
    text = item["text"]
    spans = sentence_spans(text)

    def mentions(finds):
        out, after = [], 0
        for needle in finds:
            out.append(_span(text, spans, needle, after))
            after = out[-1]["end"]
        return out

    return {
        "flag": item["flag"],
        "flag_reasons": [{"cue": r["cue"], **_span(text, spans, r["find"])} for r in item["flag_reasons"]],
        "officials": [{"name": o["name"], "position": o["position"], "institution": o["institution"],
                       "mentions": mentions(o["find"])} for o in item["officials"]],
        "institutions": [{"name": i["name"], "aliases": i["aliases"], "mentions": mentions(i["find"])}
                         for i in item["institutions"]],
        "dates": [{**d, **_span(text, spans, d["text"])} for d in item["dates"]],
        "figures": [{**f, **_span(text, spans, f["text"])} for f in item["figures"]],
        "sentences": [list(s) for s in spans],
        "extractor_version": VERSION,
        "error": None,
    }


def build_corpus(path) -> dict[str, int]:
    """Store the fixture articles in a corpus at `path`; returns article ids keyed by URL."""
    items = json.loads(FIXTURES.read_text(encoding="utf-8"))
    ids = {}
    with Corpus(path) as corpus:
        for item in items:
            page_id = corpus.store_page(item["url"], status=200, headers={"Content-Type": "text/html"},
                                        body=f"<html><body><p>{item['title']}</p></body></html>".encode(),
                                        fetched_at=item["published"] + "T10:00:00+00:00", source=item["source"])
            article = {"url": item["url"], "title": item["title"], "published": item["published"],
                       "author": item["author"], "text": item["text"], "language": "id", "is_article": True,
                       "error": None}
            article_id = corpus.store_article(page_id, article)
            corpus.store_facts(article_id, facts_of(item))
            ids[item["url"]] = article_id
    return ids
