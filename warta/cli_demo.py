"""`warta demo`: the whole pipeline, offline, against a generated local Indonesian news site."""
from __future__ import annotations

import click

from warta.errors import UserError


@click.command("demo")
@click.option("--db", "db_path", default="warta-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite corpus to fill (created if missing; a second run adds nothing).")
@click.option("--articles", "n_articles", default=40, show_default=True, type=click.IntRange(1, 5000),
              help="How many articles the generated site holds.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the generated site.")
def demo_command(db_path, n_articles, seed):
    """Serve a generated Indonesian news site on 127.0.0.1, crawl it with Scrapy, extract, annotate and store
    everything in an SQLite corpus, then print a summary. Offline; about half a minute."""
    from warta.demosite.demo import run_demo, summary_lines

    try:
        result = run_demo(db_path, n_articles, seed, echo=lambda line: click.echo(line, err=True))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    for line in summary_lines(result):
        click.echo(line)


def register(group: click.Group) -> None:
    group.add_command(demo_command)
