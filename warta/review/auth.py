"""Login, logout and the guards every page uses: a server-side session token in a signed HttpOnly cookie."""
from __future__ import annotations

import functools
import logging

from flask import Blueprint, abort, g, redirect, render_template, request, session, url_for

from warta.review import reviews

LOG = logging.getLogger(__name__)
blueprint = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: a crafted ?next= must not send a monitor to another site after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("views.queue")


@blueprint.before_app_request
def load_user():
    if request.endpoint == "static":  # stylesheet and script need no session lookup
        return
    g.user = reviews().users.session_user(session.get("token")) if session.get("token") else None


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)
    return wrapped


def monitor_required(view):
    """Deciding views: viewers get 403, anonymous users the login page."""
    @functools.wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if g.user["role"] != "monitor":
            abort(403)
        return view(*args, **kwargs)
    return wrapped


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        name = request.form.get("name", "")
        user = reviews().users.verify(name, request.form.get("password", ""))
        if user is not None:
            old_token = session.get("token")
            reviews().users.close_session(old_token)
            session.clear()  # a fresh session on login: no fixation of a token set before
            session["token"] = reviews().users.open_session(user["id"])
            session.permanent = True
            LOG.info("login: %s", user["name"])
            return redirect(_safe_next(request.args.get("next")))
        LOG.warning("failed login for %r from %s", name[:64], request.remote_addr)
        error = "Wrong name or password."
    return render_template("login.html", error=error), (401 if error else 200)


@blueprint.route("/logout", methods=["POST"])
def logout():
    reviews().users.close_session(session.get("token"))
    session.clear()
    return redirect(url_for("auth.login"))
