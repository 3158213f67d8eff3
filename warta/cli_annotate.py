"""`warta annotate` and `warta eval`: facts for JSON Lines of articles, and their scores against gold."""
from __future__ import annotations

import json

import click

from nlp.backends import BACKENDS
from warta.config import load_settings
from warta.errors import UserError
from warta.jsonl import check_writable, dump, load_by_id, open_text, read_records
from warta.progress import Progress

FACT_TYPES = ("flag", "officials", "institutions", "dates", "figures")


def annotate_record(record: dict, backend: str = "rules") -> dict:
    """The gold-format record of one input record: input fields carried through, facts added."""
    from nlp import annotate

    facts = annotate(record.get("text") or "", record.get("published"), backend=backend)
    return {**record, **facts.to_json()}


def check_backend(backend: str) -> str:
    """Fail in one line, before any work, when the chosen backend's models cannot be loaded."""
    if backend == "stanza":
        from nlp.stanza_backend import available
        if not available():
            raise UserError("--backend stanza: no stanza models found; run `warta train stanza`, set "
                            "WARTA_STANZA_MODELS, or use --backend rules")
    if backend == "ner":
        from nlp.ner import load_model
        if load_model() is None:
            raise UserError("--backend ner: the spaCy NER model could not be loaded (WARTA_NER=0 or a bad "
                            "WARTA_NER_MODEL); use --backend rules")
    return backend


@click.command("annotate")
@click.argument("input_path", metavar="INPUT")
@click.argument("output_path", metavar="OUTPUT")
@click.option("--backend", type=click.Choice(BACKENDS), default=lambda: load_settings().backend,
              show_default="rules", help="rules; ner = rules with the spaCy NER confirming names; "
              "stanza = sentences from stanza's tokenizer.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
def annotate_command(input_path, output_path, backend, quiet):
    """Extract facts from articles in INPUT (JSON Lines with id, published, text).

    Writes OUTPUT in the gold format of the annotation guidelines, one line per
    input line, with provenance (sentence, start, end, extractor_version).
    `-` means stdin or stdout. A record that cannot be annotated gets an
    `error` field; it is never skipped.
    """
    check_writable(output_path)
    check_backend(backend)
    progress = Progress("annotate", enabled=not quiet)
    errors = flagged = 0
    records = read_records(input_path, required=("id",))
    with open_text(output_path, "w") as out:
        for record in records:
            result = annotate_record(record, backend)
            errors += bool(result.get("error"))
            flagged += bool(result.get("flag"))
            out.write(dump(result) + "\n")
            progress.step()
    progress.finish(f", {flagged} flagged, {errors} with errors")


@click.command("eval")
@click.argument("gold_path", metavar="GOLD")
@click.argument("pred_path", metavar="PRED")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--misses", is_flag=True, help="Also list every miss (article, kind, value).")
def eval_command(gold_path, pred_path, as_json, misses):
    """Score predictions PRED against GOLD (both JSON Lines keyed by id).

    Micro-averaged precision, recall and F1 per fact type as the annotation
    guidelines define them; the officials row adds the share with the right
    institution, the figures row the share with the right election.
    """
    from nlp.scoring import score

    result, missed = score(load_by_id(gold_path), load_by_id(pred_path))
    if misses:
        for row in missed:
            click.echo("\t".join(str(x) for x in row))
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(format_table(result))


def format_table(result: dict) -> str:
    lines = [f"articles: {result['articles']}  missing predictions: {result['missing_predictions']}",
             f"{'fact':<13}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}  extra"]
    for kind in FACT_TYPES:
        r = result[kind]
        extra = {"flag": "accuracy", "officials": "institution_acc", "figures": "election_acc"}.get(kind)
        tail = f"  {extra} {r[extra]:.3f}" if extra else ""
        lines.append(f"{kind:<13}{r['p']:>7.3f}{r['r']:>7.3f}{r['f1']:>7.3f}{r['tp']:>6}{r['pred']:>6}{r['gold']:>6}{tail}")
    return "\n".join(lines)


def register(group: click.Group) -> None:
    group.add_command(annotate_command)
    group.add_command(eval_command)
