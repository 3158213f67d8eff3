"""Multi-page articles: find the next part of an article and merge all parts into one HTML document."""
from __future__ import annotations

import functools
import importlib.util
import logging
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html

LOG = logging.getLogger(__name__)

PAGE_PARAMS = {"page", "halaman", "hal", "p", "pg", "paging"}
NEXT_TEXT = r"^\s*(?:(?:halaman\s+)?(?:selanjutnya|berikutnya)|next|[›»>]+)\s*»?\s*$"
PAGE_SUFFIX = re.compile(r"(/|-)(\d{1,3})/?$")
MAX_PARTS = 20


@functools.lru_cache(maxsize=1)
def next_label() -> re.Pattern:
    """Link texts meaning "next page": the extract stage's data file when present (one list for both stages),
    read by path so the crawler process does not import the extract stage (trafilatura and friends)."""
    spec = importlib.util.find_spec("extract")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "data" / "pagination_labels.txt"
        if path.is_file():
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#")]
            return re.compile(r"^\s*(?:" + "|".join(f"(?:{line})" for line in lines) + r")\s*»?\s*$", re.I)
    return re.compile(NEXT_TEXT, re.I)


def article_stem(url: str) -> str:
    """The URL without its page marker (?page=2, /2, -2): parts of one article share a stem."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in PAGE_PARAMS]
    path = PAGE_SUFFIX.sub("", parts.path.rstrip("/")) or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(query), ""))


def page_number(url: str) -> int:
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in PAGE_PARAMS and value.isdigit():
            return int(value)
    match = PAGE_SUFFIX.search(parts.path)
    return int(match.group(2)) if match and "?" not in url else 1


def _candidates(root, url: str):
    for elem in root.iter("link", "a"):
        if "next" in (elem.get("rel") or "").lower().split() and elem.get("href"):
            yield elem.get("href")
    label, following = next_label(), str(page_number(url) + 1)
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href or href.startswith(("#", "javascript:")):
            continue
        text = anchor.text_content()
        if len(text) < 40 and (label.match(text) or text.strip() == following):
            yield href


def next_part_url(html, url: str) -> str | None:
    """The URL of the next part of this article, or None. `html` is the page's text or its parsed lxml root
    (e.g. `response.selector.root`: no second parse). Only links with the same article stem count, so a
    "Berita Selanjutnya" link to another story is not taken for page 2."""
    if isinstance(html, (str, bytes)):
        try:
            html = lxml.html.document_fromstring(html)
        except (lxml.etree.ParserError, ValueError):
            return None
    stem = article_stem(url)
    for href in _candidates(html, url):
        target = urljoin(url, href.strip()).split("#")[0]
        if target != url and article_stem(target) == stem:
            return target
    return None


def _paragraph_container(doc):
    """The element with the most direct <p> children: the article body on news pages."""
    best, best_count = None, 0
    for elem in doc.iter("div", "article", "section", "main", "td"):
        count = sum(1 for child in elem if child.tag == "p" and (child.text_content() or "").strip())
        if count > best_count:
            best, best_count = elem, count
    return best


def merge_parts(parts: list[tuple[str, str]]) -> bytes:
    """One UTF-8 HTML document: page 1 with the article paragraphs of pages 2..n appended to its body
    container (or, when no container is found, each part's body appended in a <div data-warta-part>)."""
    first_url, first_html = parts[0]
    doc = lxml.html.document_fromstring(first_html)
    for meta in doc.xpath("//meta[@charset] | //meta[translate(@http-equiv,'CONTENT-YP','content-yp')"
                          "='content-type']"):
        meta.getparent().remove(meta)
    head = doc.find("head")
    if head is not None:
        head.insert(0, lxml.html.Element("meta", charset="utf-8"))
    target = _paragraph_container(doc)
    for number, (url, html) in enumerate(parts[1:], 2):
        part = lxml.html.document_fromstring(html)
        source = _paragraph_container(part)
        if target is not None and source is not None:
            target.extend([child for child in source if child.tag in ("p", "h2", "h3", "blockquote", "ul", "ol")])
            continue
        wrapper = lxml.html.Element("div", {"data-warta-part": str(number), "data-warta-url": url})
        body = part.find("body")
        wrapper.extend(list(body) if body is not None else [])
        (doc.find("body") if doc.find("body") is not None else doc).append(wrapper)
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>").encode("utf-8")
