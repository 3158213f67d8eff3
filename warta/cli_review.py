"""`warta review` (the web app), `warta users add|list|disable` and `warta review-export` (gold JSON Lines)."""
from __future__ import annotations

import logging
import sys

import click

from warta.errors import UserError, user_errors
from warta.options import db_option, require_corpus

LOG = logging.getLogger(__name__)
DEFAULT_PORT = 8470


def _open_reviews(db_path: str, must_exist: bool = True):
    from corpus import Corpus
    from corpus.reviews import Reviews
    if must_exist:
        require_corpus(db_path)
    corpus = Corpus(db_path)
    return corpus, Reviews(corpus.db)


@click.command("review")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but localhost makes cookies Secure: serve it behind HTTPS.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True, help="TCP port.")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Worker threads.")
@user_errors
def review_command(db_path, host, port, threads):
    """Serve the review app: monitors log in, work through flagged articles, confirm or dismiss flags and
    accept, reject or correct facts; every decision goes to the audit trail."""
    from warta.review import create_app, is_local
    corpus, reviews = _open_reviews(db_path)
    with corpus:
        if not reviews.users.list():
            raise UserError(f"{db_path}: no review users yet; create one first with `warta users add NAME`")
    secure = not is_local(host)
    if secure:
        click.echo(f"Binding {host}: session cookies are Secure, so browsers send them over HTTPS only; "
                   "put the app behind an HTTPS reverse proxy.", err=True)
    app = create_app(db_path, secure_cookies=secure)
    _serve(app, host, port, threads)


def _serve(app, host: str, port: int, threads: int) -> None:
    try:
        from waitress import create_server
    except ImportError:  # waitress is the production server; werkzeug's is enough to try the app out
        from werkzeug.serving import run_simple
        click.echo(f"warta review on http://{host}:{port}/ (werkzeug; Ctrl-C stops)", err=True)
        run_simple(host, port, app, threaded=True)
        return
    try:
        server = create_server(app, host=host, port=port, threads=threads, ident="warta-review")
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port or --host")
    bound = server.effective_port if hasattr(server, "effective_port") else port
    click.echo(f"warta review on http://{host}:{bound}/ (Ctrl-C stops)", err=True)
    sys.stderr.flush()
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.close()


@click.group("users")
def users_group():
    """Accounts of the review app (monitor: may decide; viewer: read only)."""


@users_group.command("add")
@click.argument("name")
@db_option
@click.option("--role", type=click.Choice(["monitor", "viewer"]), default="monitor", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@user_errors
def users_add(name, db_path, role, password_stdin):
    """Create the user NAME; the password is prompted (twice) unless --password-stdin. Stored as an argon2 hash."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    corpus, reviews = _open_reviews(db_path, must_exist=False)
    with corpus:
        reviews.users.add(name, password, role)
    click.echo(f"added {role} {name}")


@users_group.command("list")
@db_option
@user_errors
def users_list(db_path):
    """Users of the review app with their roles."""
    corpus, reviews = _open_reviews(db_path)
    with corpus:
        for user in reviews.users.list():
            state = " (disabled)" if user["disabled"] else ""
            click.echo(f"{user['name']}\t{user['role']}\t{user['created_at']}{state}")


@users_group.command("disable")
@click.argument("name")
@db_option
@click.option("--enable", is_flag=True, help="Let a disabled user log in again.")
@user_errors
def users_disable(name, db_path, enable):
    """Lock NAME out of the review app (ends their sessions at once); --enable undoes it."""
    corpus, reviews = _open_reviews(db_path)
    with corpus:
        reviews.users.set_disabled(name, disabled=not enable)
    click.echo(f"{'enabled' if enable else 'disabled'} {name}")


@click.command("review-export")
@db_option
@click.option("--out", "out_path", default="-", show_default=True, help="Gold JSON Lines file ('-': stdout).")
@user_errors
def review_export_command(db_path, out_path):
    """Write every reviewed article as a gold record (annotation-guidelines format): the reviewed flag, machine
    facts less the rejected ones, corrections applied. Grows an evaluation set for `warta eval`."""
    from warta.jsonl import check_writable, open_text
    check_writable(out_path)
    corpus, reviews = _open_reviews(db_path)
    with corpus, open_text(out_path, "w") as out:
        count = reviews.export_gold(out)
    click.echo(f"exported {count} reviewed article{'' if count == 1 else 's'}", err=True)


def register(group: click.Group) -> None:
    for command in (review_command, users_group, review_export_command):
        group.add_command(command)
