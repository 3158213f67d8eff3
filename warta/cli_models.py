"""`warta train ner|stanza` and `warta models eval|info`: train, score and locate warta's NLP models."""
from __future__ import annotations

import logging
import time
from pathlib import Path

import click

from warta.errors import UserError

LOG = logging.getLogger(__name__)

_DIR = click.Path(file_okay=False, path_type=Path)


def _need_dir(path: Path | None, what: str) -> None:
    if path is not None and not path.is_dir():
        raise UserError(f"{what} {path} is not a directory: give the folder of the data set")


@click.group("train")
def train_group():
    """Train warta's models from the public data sets in ../shared/data."""


@train_group.command("ner")
@click.option("--output", type=_DIR, default=None, help="Model directory to write [default: nlp/models/ner-id].")
@click.option("--data-dir", type=_DIR, default=None, help="Folder with idner-news-2k/, nergrit/ [default: ../shared/data/ner].")
@click.option("--max-steps", type=int, default=None, help="Stop after this many updates (config: 6000).")
@click.option("--max-epochs", type=int, default=None, help="Stop after this many epochs (config: 30).")
@click.option("--with-nerp", is_flag=True, help="Also train on NERP (lower-cased news).")
@click.option("--eval/--no-eval", "run_eval", default=True, help="Score the result on the held-out splits.")
def train_ner_command(output, data_dir, max_steps, max_epochs, with_nerp, run_eval):
    """Train the spaCy NER (PER/ORG/LOC) with nlp/train/ner.cfg."""
    from nlp.ner import SHIPPED_MODEL
    from nlp.train import ner_eval, ner_train

    _need_dir(data_dir, "NER data folder")
    output = output or SHIPPED_MODEL
    started = time.perf_counter()
    try:
        ner_train.train_ner(output, data_dir, max_steps=max_steps, max_epochs=max_epochs,
                            extra=("nerp",) if with_nerp else ())
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"NER model written to {output} in {time.perf_counter() - started:.0f} s")
    if run_eval:
        click.echo(ner_eval.format_scores(ner_eval.evaluate(output, data_dir=data_dir)))


@train_group.command("stanza")
@click.option("--output", type=_DIR, default=None, help="Model directory [default: nlp/models/stanza-id].")
@click.option("--ud-dir", type=_DIR, default=None, help="Folder with csui/ and gsd/ [default: ../shared/data/ud].")
@click.option("--tokenize-steps", type=int, default=None, help="Tokenizer training steps [default: 1500].")
@click.option("--pos-steps", type=int, default=None, help="POS tagger training steps [default: 400].")
@click.option("--lemma-epochs", type=int, default=None, help="0: dictionary lemmatizer; N: seq2seq epochs [default: 2].")
@click.option("--eval/--no-eval", "run_eval", default=True, help="Score the result on GSD test.")
def train_stanza_command(output, ud_dir, tokenize_steps, pos_steps, lemma_epochs, run_eval):
    """Train stanza tokenize/mwt/pos/lemma models with stanza's own trainers."""
    from nlp.stanza_backend import SHIPPED_MODELS
    from nlp.train import stanza_eval, stanza_train

    _need_dir(ud_dir, "UD data folder")
    defaults = stanza_train.Budget()
    budget = stanza_train.Budget(
        tokenize_steps=tokenize_steps or defaults.tokenize_steps,
        pos_steps=pos_steps or defaults.pos_steps,
        lemma_epochs=defaults.lemma_epochs if lemma_epochs is None else lemma_epochs,
    )
    output = output or SHIPPED_MODELS
    started = time.perf_counter()
    try:
        stanza_train.train_stanza(output, ud_dir, budget=budget)
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"stanza models written to {output} in {time.perf_counter() - started:.0f} s")
    if run_eval:
        click.echo(stanza_eval.format_scores(stanza_eval.gold_word_scores(output, ud_dir),
                                             stanza_eval.end_to_end_scores(output, ud_dir)))


@click.group("models")
def models_group():
    """Inspect and score the NLP models warta uses."""


@models_group.command("eval")
@click.option("--ner-model", type=_DIR, default=None, help="spaCy NER directory [default: the one in use].")
@click.option("--stanza-models", type=_DIR, default=None, help="stanza model directory [default: the one in use].")
@click.option("--data-dir", type=_DIR, default=None, help="NER data folder [default: ../shared/data/ner].")
@click.option("--ud-dir", type=_DIR, default=None, help="UD data folder [default: ../shared/data/ud].")
@click.option("--only", type=click.Choice(["ner", "stanza", "all"]), default="all", show_default=True)
def eval_command(ner_model, stanza_models, data_dir, ud_dir, only):
    """Print per-label P/R/F1 of the NER on held-out splits and stanza's UPOS on GSD test."""
    from nlp import ner

    _need_dir(data_dir, "NER data folder")
    _need_dir(ud_dir, "UD data folder")
    try:
        if only in ("ner", "all"):
            from nlp.train import ner_eval
            path = ner_model or ner.model_path()
            if not (path / "config.cfg").exists():
                raise UserError(f"no spaCy model at {path}: run `warta train ner` or pass --ner-model")
            click.echo(f"NER model: {path}")
            click.echo(ner_eval.format_scores(ner_eval.evaluate(path, data_dir=data_dir)))
        if only in ("stanza", "all"):
            from nlp import stanza_backend
            from nlp.train import stanza_eval
            click.echo(f"\nstanza: {stanza_backend.describe(stanza_models)}")
            click.echo(stanza_eval.format_scores(stanza_eval.gold_word_scores(stanza_models, ud_dir),
                                                 stanza_eval.end_to_end_scores(stanza_models, ud_dir)))
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None
    except Exception as exc:  # a stanza/spaCy load failure is a setup problem, say which
        if exc.__class__.__name__ == "StanzaUnavailable":
            raise UserError(str(exc)) from None
        raise


@models_group.command("info")
def info_command():
    """Say which NER and stanza models would be loaded, and whether they load."""
    from nlp import ner, stanza_backend

    nlp = ner.load_model()
    state = "off (WARTA_NER=0)" if not ner.enabled() else ("loads" if nlp is not None else "cannot be loaded")
    click.echo(f"NER: {ner.model_path()} - {state}")
    click.echo(f"stanza: {stanza_backend.describe()}")


def register(group: click.Group) -> None:
    """Add the `train` and `models` command groups to the warta CLI."""
    group.add_command(train_group)
    group.add_command(models_group)
