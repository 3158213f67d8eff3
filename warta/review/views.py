"""Pages of the review app: the queue, one article with its evidence, and the decision forms' handlers."""
from __future__ import annotations

import functools
import logging

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for

from corpus.reviews import ReviewError
from corpus.reviews_facts import FACT_FIELDS
from corpus.reviews_values import CORRECTABLE
from warta.review import reviews
from warta.review.auth import login_required, monitor_required
from warta.review.highlight import marks_of, segments
from warta.review.regions import region_values

LOG = logging.getLogger(__name__)
blueprint = Blueprint("views", __name__)
FILTERS = ("outlet", "election", "institution", "region")
MAX_FILTER_LENGTH = 200


def _filters() -> dict[str, str]:
    """The queue filters of this request; values are only ever bound as SQL parameters."""
    return {k: request.args.get(k, "").strip()[:MAX_FILTER_LENGTH] for k in FILTERS if request.args.get(k, "").strip()}


def _order_cmp(a: dict, b: dict) -> int:
    """Queue order: newest published first, undated last, then higher id first."""
    ka = (a["published"] is None, a["published"] or "", a["id"])
    kb = (b["published"] is None, b["published"] or "", b["id"])
    if ka[0] != kb[0]:
        return -1 if not ka[0] else 1
    if ka[1] != kb[1]:
        return -1 if ka[1] > kb[1] else 1
    return (ka[2] < kb[2]) - (ka[2] > kb[2])


def _neighbours(article: dict, filters: dict) -> tuple[dict | None, dict | None]:
    """The queue items just before and after `article` (which may have left the queue by being decided)."""
    items = [q for q in reviews().queue(**filters) if q["id"] != article["id"]]
    before = [q for q in items if _order_cmp(q, article) < 0]
    after = [q for q in items if _order_cmp(q, article) > 0]
    return (before[-1] if before else None), (after[0] if after else None)


@blueprint.route("/")
@login_required
def queue():
    filters = _filters()
    show_reviewed = request.args.get("show") == "reviewed"
    items = reviews().queue(reviewed=show_reviewed, **filters)
    options = reviews().machine.filter_values()
    options["region"] = region_values(options["institution"])
    return render_template("queue.html", items=items, filters=filters, options=options,
                           show_reviewed=show_reviewed)


@blueprint.route("/article/<int:article_id>")
@login_required
def article(article_id: int):
    view = reviews().article_view(article_id)
    if view is None:
        abort(404)
    filters = _filters()
    prev_item, next_item = _neighbours(view["article"], filters)
    marks = marks_of(view["facts"], view["reasons"])
    return render_template("article.html", **view, segments=segments(view["article"]["text"], marks),
                           filters=filters, prev_item=prev_item, next_item=next_item, correctable=CORRECTABLE,
                           fact_fields=FACT_FIELDS)


def _decision(view):
    """Run a decision handler; a ReviewError becomes a flash message, never a traceback."""
    @functools.wraps(view)
    def wrapped(article_id: int):
        try:
            message = view(article_id)
            flash(message, "ok")
        except ReviewError as exc:
            flash(str(exc), "error")
        return redirect(url_for("views.article", article_id=article_id, **_form_filters()))
    return wrapped


def _form_filters() -> dict[str, str]:
    """Queue filters carried through a decision form, so next/prev keep walking the same filtered queue."""
    return {k: request.form[f"filter_{k}"][:MAX_FILTER_LENGTH] for k in FILTERS if request.form.get(f"filter_{k}")}


@blueprint.route("/article/<int:article_id>/flag", methods=["POST"])
@monitor_required
@_decision
def decide_flag(article_id: int) -> str:
    decision = request.form.get("decision", "")
    reviews().decide_flag(article_id, g.user, decision, request.form.get("note"))
    return "Flag confirmed." if decision == "confirm" else "Flag dismissed."


@blueprint.route("/article/<int:article_id>/note", methods=["POST"])
@monitor_required
@_decision
def add_note(article_id: int) -> str:
    reviews().add_note(article_id, g.user, request.form.get("note", ""))
    return "Note added."


@blueprint.route("/article/<int:article_id>/fact", methods=["POST"])
@monitor_required
@_decision
def review_fact(article_id: int) -> str:
    kind = request.form.get("kind", "")
    action = request.form.get("action", "")
    try:
        fact_id = int(request.form.get("fact_id", ""))
    except ValueError:
        raise ReviewError("fact id missing; reload the page") from None
    fact = reviews().machine.fact(kind, fact_id)
    if fact is None or fact["article_id"] != article_id:
        raise ReviewError(f"{kind} fact {fact_id} is not a fact of this article; reload the page")
    changes = {}
    if action == "correct":
        for name in CORRECTABLE.get(kind, ()):
            if name == "approx":
                changes[name] = request.form.get(name) == "on"
            elif name in request.form:
                changes[name] = request.form[name]
    reviews().review_fact(g.user, kind, fact_id, action, changes)
    return f"{kind.capitalize()} {action}ed." if action != "correct" else f"{kind.capitalize()} corrected."
