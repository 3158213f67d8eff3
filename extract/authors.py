"""Choose the article's author: bylines on the page, then script data, JSON-LD and meta tags; labels
("Penulis:", "Pewarta:") removed, editors and organisations rejected."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from extract.metadata import PageMeta
from extract.patterns import load_lines, load_words
from extract.titles import norm

_MARKS = re.compile(r"author|penulis|reporter|byline|writer|jurnalis|wartawan|pewarta|kontributor", re.I)
_PHOTO_MARKS = re.compile(r"photo|foto|caption|gallery|galeri|image|figure", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\bdan\b|\band\b)\s*", re.I)
_CUT = re.compile(r"\s+[-–—|/]\s+|\s{3,}|\n")
_CONTRIBUTOR_PLACE = re.compile(r"^kontributor\s+[\w .]+?,\s*", re.I)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?: [\w.'’-]+){0,4}$")
MAX_CREDIT = 160


def _labels() -> dict[str, str]:
    return dict(line.split("\t") for line in load_lines("author_labels.tsv"))


def _label_regex() -> re.Pattern:
    names = sorted(_labels(), key=len, reverse=True)
    return re.compile(rf"^\s*({'|'.join(map(re.escape, names))})\b\s*[:：]?\s*", re.I)


def clean_credit(text: str, site: set[str] = frozenset()) -> Optional[str]:
    """'Penulis: Kontributor Lhokseumawe, Masriadi' -> 'Masriadi'; None for editors and organisations."""
    text = (text or "").strip()
    label = _label_regex().match(text)
    if label:
        if _labels()[label.group(1).lower()] != "author":
            return None
        text = text[label.end():]
    text = _CUT.split(text.strip(" :\n"))[0].strip(" :")
    text = _CONTRIBUTOR_PLACE.sub("", text)
    names = [n for n in (_person(part, site) for part in _NAME_SPLIT.split(text)) if n]
    return "; ".join(names) or None


def _person(name: str, site: set[str]) -> Optional[str]:
    name = name.strip(" .:-")
    if name.isupper() and len(name) > 3:
        name = name.title()
    if not _NAME.match(name) or len(name) < 3 or any(ch.isdigit() for ch in name):
        return None
    words = set(norm(name).split())
    if words & load_words("author_rejects.txt") or any(t in norm(name).replace(" ", "") for t in site):
        return None
    return name


def _first(candidates: Iterable[str], site: set[str]) -> Optional[str]:
    for text in candidates:
        if text and len(text) <= MAX_CREDIT and text.count("\n") < 4:
            found = clean_credit(text, site)
            if found:
                return found
    return None


def _element_text(el) -> str:
    return "\n".join(t.strip() for t in el.itertext() if t.strip())


def byline_candidates(root):
    """Bylines in page order: itemprop=author, then author-marked elements, then labelled credits."""
    for el in root.xpath("//*[@itemprop='author']"):
        yield _element_text(el)
    for el in root.xpath("//*[@class or @id]"):  # XPath walks in C; only marked elements become proxies
        if _MARKS.search(f"{el.get('class') or ''} {el.get('id') or ''}") and not _in_caption(el):
            yield _element_text(el)
    label = _label_regex()
    for text in root.xpath("//body//text()[string-length(.) < 80]"):
        if not label.match(text):
            continue
        el = text.getparent()
        for _ in range(3):
            credit = _element_text(el)
            if len(credit) > MAX_CREDIT or el.getparent() is None:
                break
            if label.match(credit) and label.sub("", credit, count=1).strip(" :\n"):
                yield credit
                break
            el = el.getparent()


def _in_caption(el) -> bool:
    """Photo credits ("Dok. X", agency names) sit in figures and captions, not in bylines."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("figure", "figcaption") or _PHOTO_MARKS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _jsonld_authors(meta: PageMeta):
    """One credit line per article object: its Person authors joined by '; '."""
    for value in meta.ld_values("author"):
        names = []
        for person in value if isinstance(value, list) else [value]:
            if isinstance(person, str):
                names.append(person)
            elif isinstance(person, dict) and str(person.get("@type", "Person")).lower() == "person":
                names.append(str(person.get("name") or ""))
        yield "; ".join(n for n in names if n)


def choose_author(meta: PageMeta, pruned_root, site: set[str], signature: Optional[str] = None,
                  page_bylines: Iterable[str] = ()) -> Optional[str]:
    script = [v for key in ("author", "penulis", "reporter", "content_author") for v in meta.script_vars.get(key, ())]
    metas = [meta.first("author"), meta.first("dc.creator"), meta.first("article:author")]
    return (_first(byline_candidates(pruned_root), site) or _first(script, site)
            or _first(_jsonld_authors(meta), site) or _first(page_bylines, site) or _first([m for m in metas if m and "://" not in m], site)
            or (clean_credit(signature, site) if signature else None))
