"""Person, organisation and place spans from warta's shipped spaCy NER model (loaded lazily, once)."""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Iterable, Optional

LOG = logging.getLogger(__name__)

SHIPPED_MODEL = Path(__file__).resolve().parent / "models" / "ner-id"
MODEL_ENV = "WARTA_NER_MODEL"  # a spaCy pipeline directory to use instead of the shipped one
SWITCH_ENV = "WARTA_NER"  # "0" turns the model off: entity_spans() then returns None
LABELS = ("PER", "ORG", "LOC")

EntitySpan = tuple[int, int, str]

_lock = threading.Lock()
_state: dict = {"loaded": False, "nlp": None, "path": None}


def model_path() -> Path:
    """The model directory in use: $WARTA_NER_MODEL if set, else the one shipped in the package."""
    override = os.environ.get(MODEL_ENV, "").strip()
    return Path(override).expanduser() if override else SHIPPED_MODEL


def enabled() -> bool:
    """False when the user switched the model off with WARTA_NER=0 (or 'false', 'no', 'off')."""
    return os.environ.get(SWITCH_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def load_model():
    """The spaCy pipeline, loaded on first use; None (logged once) when it is off or cannot be loaded."""
    if not enabled():
        return None
    path = model_path()
    with _lock:
        if _state["loaded"] and _state["path"] == path:
            return _state["nlp"]
        _state.update(loaded=True, path=path, nlp=_load(path))
        return _state["nlp"]


def _load(path: Path):
    try:
        import spacy
    except ImportError as exc:  # spaCy is a declared dependency; keep the rules-only path alive anyway
        LOG.warning("NER model off: spaCy cannot be imported (%s)", exc)
        return None
    if not (path / "config.cfg").exists():
        LOG.warning("NER model off: no spaCy pipeline at %s (set %s to a model directory)", path, MODEL_ENV)
        return None
    try:
        # The saved tokenizer holds the same ~32k Indonesian special cases the language defaults
        # build anyway; reading them twice costs seconds per load. The recipe never customises them.
        nlp = spacy.load(path, exclude=["tokenizer", "parser", "tagger", "lemmatizer", "attribute_ruler"])
    except (OSError, ValueError) as exc:
        LOG.warning("NER model off: cannot load %s: %s", path, exc)
        return None
    if "ner" not in nlp.pipe_names:
        LOG.warning("NER model off: pipeline at %s has no 'ner' component", path)
        return None
    LOG.debug("loaded NER model from %s (%s)", path, ", ".join(nlp.pipe_names))
    return nlp


def reset() -> None:
    """Forget the loaded model so the next call reads the environment again (for tests and long runs)."""
    with _lock:
        _state.update(loaded=False, nlp=None, path=None)


def _spans(doc) -> list[EntitySpan]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in LABELS]


def entity_spans(text: str) -> Optional[list[EntitySpan]]:
    """(start, end, label) character spans of PER/ORG/LOC entities in text; None if no model is available."""
    nlp = load_model()
    if nlp is None:
        return None
    if not text or not text.strip():
        return []
    return _spans(nlp(text))


def entity_spans_many(texts: Iterable[str], batch_size: int = 32) -> Optional[list[list[EntitySpan]]]:
    """entity_spans() for many texts at once (faster: spaCy batches them); None if no model is available."""
    nlp = load_model()
    if nlp is None:
        return None
    return [_spans(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
