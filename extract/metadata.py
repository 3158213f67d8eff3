"""Collect the metadata a page declares (JSON-LD, OpenGraph/meta tags, canonical link, headings) before
the tree is pruned."""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Optional

LOG = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset(
    t.lower() for t in (
        "NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BlogPosting", "LiveBlogPosting", "ReviewNewsArticle", "BackgroundNewsArticle", "Report",
        "TechArticle", "ScholarlyArticle", "SatiricalArticle", "PhotoStory",
    )
)
_SCRIPT_VAR = re.compile(
    r"""["']?(author|penulis|reporter|content_author|editor|content_editor)["']?\s*[:=]\s*["']([^"'\n]{2,80})["']""",
    re.I,
)
_WS = re.compile(r"\s+")


@dataclass
class PageMeta:
    jsonld: list[dict] = field(default_factory=list)  # article-typed JSON-LD objects
    jsonld_types: set[str] = field(default_factory=set)
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property/itemprop -> values
    canonical: Optional[str] = None
    title_tag: Optional[str] = None
    headings: list[str] = field(default_factory=list)  # h1/h2 texts and elements with a title class
    script_vars: dict[str, list[str]] = field(default_factory=dict)  # author/editor in dataLayer-style scripts
    html_lang: Optional[str] = None

    def first(self, *keys: str) -> Optional[str]:
        """The first non-empty meta value among KEYS."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return value.strip()
        return None

    def ld_values(self, key: str) -> list:
        return [obj[key] for obj in self.jsonld if obj.get(key)]


def collect_meta(root) -> PageMeta:
    """Read metadata from the full (unpruned) tree."""
    meta = PageMeta()
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value is not None:
            meta.meta.setdefault(key.strip().lower(), []).append(value)
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").strip():
            meta.canonical = link.get("href").strip()
    for el in root.iter("title"):
        meta.title_tag = _text(el)
        break
    meta.headings = [_text(h) for h in root.iter("h1", "h2") if _text(h)]
    meta.headings += [_text(el) for el in root.xpath("//*[contains(@class,'title')][not(self::meta)]")[:40] if _text(el)]
    meta.html_lang = (root.get("lang") or "").strip().lower() or None
    for script in root.iter("script"):
        body = script.text or ""
        kind = (script.get("type") or "").lower()
        if "ld+json" in kind:
            _add_jsonld(meta, body)
        elif "author" in body or "penulis" in body or "editor" in body:
            for key, value in _SCRIPT_VAR.findall(body[:200_000]):
                meta.script_vars.setdefault(key.lower(), []).append(value.strip())
    return meta


def _text(el) -> str:
    return _WS.sub(" ", el.text_content() or "").strip()


def _add_jsonld(meta: PageMeta, body: str) -> None:
    try:
        data = json.loads(body.strip().rstrip(";"), strict=False)
    except ValueError:
        LOG.debug("unreadable JSON-LD skipped")
        return
    for obj in _flatten(data):
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        names = {str(t).lower() for t in types if t}
        meta.jsonld_types |= names
        if names & ARTICLE_TYPES:
            meta.jsonld.append(obj)


def _flatten(data, depth: int = 0):
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
