"""Cheap pruning of the parsed page before trafilatura: drop scripts, navigation and boilerplate boxes,
then cut out the container that holds the article body."""
from __future__ import annotations

import copy
import logging
import re
from typing import Optional

from lxml import etree, html as lxml_html

from extract.paragraphs import wrap_loose_text
from extract.patterns import load_lines

LOG = logging.getLogger(__name__)

MIN_BODY_SCORE = 120  # characters of paragraph text below which no container counts as the body
_PROTECT_CHARS = 600  # a "share"/"related" box holding this much unlinked paragraph text is the body itself
_TEXT_CONTAINERS = ("div", "td", "article", "section", "main", "font", "center", "span")
_PARAGRAPHS = ("p", "pre", "blockquote", "h2", "h3", "h4")  # not li: teaser lists are lists


def _class_regex() -> re.Pattern:
    words = "|".join(load_lines("boilerplate_classes.txt"))
    return re.compile(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.I)


_CLASS_RE = None


def prune_tree(root: lxml_html.HtmlElement) -> None:
    """Remove non-content elements in place (tags from boilerplate_tags.txt, boilerplate containers,
    link lists)."""
    global _CLASS_RE
    if _CLASS_RE is None:
        _CLASS_RE = _class_regex()
    etree.strip_elements(root, *load_lines("boilerplate_tags.txt"), with_tail=False)
    for el in root.xpath("//*[@class or @id]"):  # XPath walks in C; only marked elements become proxies
        if el.tag in ("html", "body") or not _attached(el, root):
            continue
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        if _CLASS_RE.search(marks) and not _holds_body(el):
            el.drop_tree()
    for el in root.xpath("//ul | //ol | //table | //header"):
        if _attached(el, root) and _link_dense(el):
            el.drop_tree()


def _attached(el, root) -> bool:
    """False once an ancestor was dropped (then there is no need to look at EL at all)."""
    top = el
    for top in el.iterancestors():
        pass
    return top is root


def _unlinked_text_len(el) -> int:
    total = len(el.text_content())
    linked = sum(len(a.text_content()) for a in el.iter("a"))
    return total - linked


def _headline_links(el) -> int:
    """Links whose text is long enough to be another article's headline."""
    return sum(1 for a in el.iter("a") if len(a.text_content().strip()) >= 25)


def _holds_body(el) -> bool:
    """True when EL holds body-like text rather than a list of teasers (many headline links)."""
    if _headline_links(el) >= 4:
        return False
    chars = 0
    for p in el.iter("p"):
        chars += _unlinked_text_len(p)
        if chars >= _PROTECT_CHARS:
            return True
    return False


def _link_dense(el) -> bool:
    total = len(el.text_content().strip())
    if total == 0:
        return True
    linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return linked > 0.6 * total


def _body_like(el) -> bool:
    """A sibling of the body container that reads like a paragraph (readability's sibling rule)."""
    if not isinstance(el.tag, str) or _headline_links(el) >= 2:
        return False
    if el.tag != "p" and _direct_text_len(el) < 80:
        return False
    total = len(el.text_content())
    unlinked = _unlinked_text_len(el)
    return unlinked >= 80 and unlinked >= 0.75 * total


def _direct_text_len(el) -> int:
    """Text sitting directly in a container (bodies written as text separated by <br>)."""
    size = len((el.text or "").strip())
    for child in el:
        if child.tag in ("br", "b", "strong", "i", "em", "span", "u"):
            size += len((child.text or "").strip()) if child.tag != "br" else 0
        size += len((child.tail or "").strip())
    return size


def score_containers(root) -> dict:
    """Score each element by the unlinked paragraph text it holds (full for the parent, half for the
    grandparent), as readability-style extractors do."""
    scores: dict = {}
    for el in root.iter(*_PARAGRAPHS, *_TEXT_CONTAINERS):
        if el.tag in _TEXT_CONTAINERS:
            size, holder = _direct_text_len(el), el
        else:
            size, holder = _unlinked_text_len(el), el.getparent()
        if size < 25 or holder is None:
            continue
        scores[holder] = scores.get(holder, 0) + size
        grand = holder.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + size / 2
    return scores


def focus_body(root) -> Optional[lxml_html.HtmlElement]:
    """A new small document holding only the best body container (and body-like siblings), or None."""
    scores = score_containers(root)
    if not scores:
        return None
    best = max(scores, key=scores.get)
    if scores[best] < MIN_BODY_SCORE or best.tag in ("html", "body"):
        return None
    parent = best.getparent()
    while parent is not None and parent.tag not in ("html", "body") and _direct_text_len(parent) >= 60:
        best, parent = parent, parent.getparent()  # the body starts as loose text in the parent
    parts = [best]
    if parent is not None:
        threshold = max(0.2 * scores[best], 40)
        parts = [sib for sib in parent if sib is best or scores.get(sib, 0) >= threshold
                 or _body_like(sib)]
    doc = lxml_html.document_fromstring("<html><body><article></article></body></html>")
    holder = doc.find(".//article")
    for part in parts:
        clone = copy.deepcopy(part)
        clone.tail = None
        holder.append(clone)
    wrap_loose_text([holder, *holder])
    return doc
