"""Wrap loose text of body containers (text separated by <br>, mixed with blocks) into <p> elements,
since trafilatura drops text that sits directly in a <div> beside block children."""
from __future__ import annotations

from lxml import html as lxml_html

INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var".split()
)
_CONTAINERS = ("div", "td", "article", "section", "main", "font", "center", "body", "span")


def wrap_loose_text(containers) -> None:
    """In place: every run of text and inline elements directly inside one of CONTAINERS becomes a <p>."""
    for el in containers:
        if el.tag in _CONTAINERS and _has_loose_text(el):
            _wrap_runs(el)


def _has_loose_text(el) -> bool:
    if (el.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in el)


def _wrap_runs(el) -> None:
    children = list(el)
    leading = el.text
    el.text = None
    for child in children:
        el.remove(child)
    run = _new_run(leading)
    for child in children:
        tail, child.tail = child.tail, None
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS:
            if run is None:
                run = _new_run(None)
            run.append(child)
        else:
            _flush(el, run)
            run = None
            if child.tag != "br":
                el.append(child)
        if tail is not None:
            if run is None:
                run = _new_run(tail)
            elif len(run):
                run[-1].tail = (run[-1].tail or "") + tail
            else:
                run.text = (run.text or "") + tail
    _flush(el, run)


def _new_run(text):
    para = lxml_html.Element("p")
    para.text = text
    return para


def _flush(el, run) -> None:
    if run is not None and (run.text_content() or "").strip():
        el.append(run)
