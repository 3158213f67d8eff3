"""Offline stanza backend: sentences, UPOS and lemmas from official or warta-trained Indonesian models."""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

LOG = logging.getLogger(__name__)

SHIPPED_MODELS = Path(__file__).resolve().parent / "models" / "stanza-id"
MODELS_ENV = "WARTA_STANZA_MODELS"  # a directory holding tokenize.pt, mwt.pt, pos.pt, lemma.pt
DEFAULT_PROCESSORS = ("tokenize", "mwt", "pos", "lemma")
MODEL_FILES = {"tokenize": "tokenize.pt", "mwt": "mwt.pt", "pos": "pos.pt", "lemma": "lemma.pt",
               "depparse": "depparse.pt"}


@dataclass(frozen=True)
class TaggedWord:
    """One syntactic word; start/end are its token's character span (an MWT's words share it)."""

    text: str
    upos: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence as a character span of the input plus its words."""

    start: int
    end: int
    words: list[TaggedWord] = field(default_factory=list)


class StanzaUnavailable(RuntimeError):
    """No usable stanza models: the message says where they were looked for and what to do."""


def official_resources_dir() -> Path:
    """Where `stanza.download("id")` puts the official models ($STANZA_RESOURCES_DIR or stanza's cache)."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get("STANZA_RESOURCES_DIR", DEFAULT_MODEL_DIR))


def has_official_models(resources_dir: Path | None = None) -> bool:
    """True when stanza's resources.json lists Indonesian and its model folder exists."""
    root = Path(resources_dir) if resources_dir else official_resources_dir()
    index = root / "resources.json"
    if not (index.exists() and (root / "id").is_dir()):
        return False
    try:
        return "id" in json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def model_dir() -> Path:
    """Our own model directory: $WARTA_STANZA_MODELS if set, else the one shipped in the package."""
    override = os.environ.get(MODELS_ENV, "").strip()
    return Path(override).expanduser() if override else SHIPPED_MODELS


def build_pipeline(models: Path | None = None, processors=DEFAULT_PROCESSORS, prefer_official: bool = True):
    """A stanza.Pipeline that never touches the network.

    With `models` (or $WARTA_STANZA_MODELS) it loads tokenize.pt, mwt.pt, pos.pt, lemma.pt from that
    directory; otherwise the official models from stanza's resources dir when present; otherwise
    warta's shipped models under nlp/models/stanza-id/.
    """
    import stanza

    explicit = models is not None or os.environ.get(MODELS_ENV, "").strip()
    processors = tuple(processors)
    if not explicit and prefer_official and has_official_models():
        root = official_resources_dir()
        LOG.info("stanza: official Indonesian models from %s", root)
        return stanza.Pipeline("id", dir=str(root), processors=",".join(processors),
                               download_method=None, logging_level="WARN")
    root = Path(models) if models is not None else model_dir()
    paths = {name: root / MODEL_FILES[name] for name in processors}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise StanzaUnavailable(
            f"stanza models missing: {', '.join(missing)}; run `warta train stanza`, set {MODELS_ENV}, "
            'or on a machine with internet run python -c \'import stanza; stanza.download("id")\'')
    kwargs = {f"{name}_model_path": str(path) for name, path in paths.items()}
    if "pos" in processors:
        kwargs["pos_pretrain_path"] = None  # trained with --no_pretrain
    LOG.info("stanza: warta models from %s", root)
    # Our resources.json is "{}": every path is given, so stanza need not know "id" from its index
    # (its "unsupported language" warning is expected here, hence ERROR).
    return stanza.Pipeline("id", dir=str(root), processors=",".join(processors), download_method=None,
                           logging_level="ERROR", allow_unknown_language=True, **kwargs)


_lock = threading.Lock()
_cache: dict = {}


def pipeline(models: Path | None = None, processors=DEFAULT_PROCESSORS):
    """The pipeline for these arguments, built once per process."""
    key = (str(models) if models else os.environ.get(MODELS_ENV, ""), tuple(processors))
    with _lock:
        if key not in _cache:
            _cache[key] = build_pipeline(models, processors)
        return _cache[key]


def available(models: Path | None = None) -> bool:
    """True when a pipeline can be built (official models, $WARTA_STANZA_MODELS or shipped ones)."""
    try:
        pipeline(models)
    except (StanzaUnavailable, OSError, ValueError) as exc:
        LOG.warning("stanza backend unavailable: %s", exc)
        return False
    return True


def tag(text: str, models: Path | None = None, nlp=None) -> list[TaggedSentence]:
    """Sentences of `text` with each word's UPOS, lemma and character span."""
    if not text or not text.strip():
        return []
    doc = (nlp or pipeline(models))(text)
    return [_sentence(sentence) for sentence in doc.sentences]


def _sentence(sentence) -> TaggedSentence:
    words = []
    for token in sentence.tokens:
        for word in token.words:
            words.append(TaggedWord(word.text, word.upos or "X", word.lemma or word.text,
                                    token.start_char, token.end_char))
    return TaggedSentence(sentence.tokens[0].start_char, sentence.tokens[-1].end_char, words)


def sentences_and_pos(text: str, models: Path | None = None) -> list[tuple[tuple[int, int], list[tuple[str, str]]]]:
    """((start, end), [(word, UPOS), ...]) per sentence: the shape the facts stage needs most often."""
    return [((s.start, s.end), [(w.text, w.upos) for w in s.words]) for s in tag(text, models)]


def split_sentences(text: str, models: Path | None = None) -> list[tuple[int, int]]:
    """Sentence spans like nlp.sentences.split_sentences, but from stanza's trained tokenizer."""
    return [(s.start, s.end) for s in tag(text, models)]


def describe(models: Optional[Path] = None) -> str:
    """One line saying which models the backend would use."""
    if models is None and not os.environ.get(MODELS_ENV) and has_official_models():
        return f"official stanza models in {official_resources_dir()}"
    return f"warta stanza models in {Path(models) if models else model_dir()}"
