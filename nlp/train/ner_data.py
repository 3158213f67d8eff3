"""Read the third-party NER data sets (CoNLL-like BIO files) into spaCy Docs with PER/ORG/LOC entities."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

LOG = logging.getLogger(__name__)

# Every source label mapped onto warta's three entity types; labels not listed become O.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "PLACE": "LOC", "PLC": "LOC",
}
LABELS = ("PER", "ORG", "LOC")

_NO_SPACE_BEFORE = {",", ".", "!", "?", ";", ":", ")", "]", "}", "%", "”", "’", "'s"}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘"}


@dataclass(frozen=True)
class NerSource:
    """One split of one data set: its file, the column holding the BIO tag, and a short name."""

    name: str
    path: Path

    def sentences(self) -> Iterator[list[tuple[str, str]]]:
        """(token, BIO tag) pairs per sentence; the tag is always the last column."""
        yield from read_bio(self.path)


def default_data_dir() -> Path:
    """../shared/data/ner relative to the repository root (read at run time, never copied)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner"


def sources(data_dir: Path | None = None) -> dict[str, NerSource]:
    """The splits the recipe knows, by name (e.g. 'idner-train', 'nergrit-valid')."""
    root = Path(data_dir) if data_dir else default_data_dir()
    files = {
        "idner-train": "idner-news-2k/train.txt",
        "idner-dev": "idner-news-2k/dev.txt",
        "idner-test": "idner-news-2k/test.txt",
        "nergrit-train": "nergrit/train.txt",
        "nergrit-valid": "nergrit/valid.txt",
        "nerp-train": "nerp/train.txt",
        "nerp-valid": "nerp/valid.txt",
    }
    return {name: NerSource(name, root / rel) for name, rel in files.items()}


def read_bio(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of a whitespace-separated file, one token per line, tag last, blank line between."""
    sentence: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            cols = line.split()
            if not cols:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if len(cols) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token ... TAG', got {line.strip()!r}")
            sentence.append((cols[0], normalise_tag(cols[-1])))
    if sentence:
        yield sentence


def normalise_tag(tag: str) -> str:
    """A source BIO tag as B-/I- of PER, ORG or LOC; anything else as O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label.upper())
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def _spaces(words: list[str]) -> list[bool]:
    """Plausible whitespace after each token, so spaCy's own tokenizer sees natural text."""
    spaces = []
    quote_open = False
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        space = nxt is not None
        if word == '"':
            quote_open = not quote_open
            space = space and not quote_open
        if nxt is not None and (nxt in _NO_SPACE_BEFORE or (nxt == '"' and quote_open)):
            space = False
        if word in _NO_SPACE_AFTER:
            space = False
        spaces.append(space)
    return spaces


def _repair_iob(tags: list[str]) -> list[str]:
    """Turn an I- tag that does not continue an entity of the same label into B-."""
    fixed = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def sentence_to_doc(vocab: Vocab, sentence: list[tuple[str, str]]) -> Doc:
    """One gold sentence as a Doc with its entities set."""
    words = [w for w, _ in sentence]
    doc = Doc(vocab, words=words, spaces=_spaces(words))
    tags = iob_to_biluo(_repair_iob([t for _, t in sentence]))
    doc.ents = biluo_tags_to_spans(doc, tags)
    return doc


def docs_for(names: list[str], data_dir: Path | None = None, vocab: Vocab | None = None,
             limit: int = 0) -> list[Doc]:
    """Docs of the named splits, in order; `limit` > 0 keeps only that many per split."""
    vocab = vocab or Vocab()
    known = sources(data_dir)
    docs: list[Doc] = []
    for name in names:
        if name not in known:
            raise ValueError(f"unknown NER split {name!r}; known: {', '.join(sorted(known))}")
        source = known[name]
        if not source.path.exists():
            raise FileNotFoundError(f"NER data file {source.path} not found (is ../shared/data present?)")
        for i, sentence in enumerate(source.sentences()):
            if limit and i >= limit:
                break
            docs.append(sentence_to_doc(vocab, sentence))
    return docs


def write_docbin(docs: list[Doc], path: Path) -> Path:
    """Save docs as a .spacy DocBin file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], docs=docs).to_disk(path)
    LOG.info("wrote %d docs to %s", len(docs), path)
    return path
