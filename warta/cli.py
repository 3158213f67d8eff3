"""The `warta` command line: a click group whose subcommands live in warta/cli_*.py."""
from __future__ import annotations

import importlib
import logging
import sqlite3
import sys

import click

from warta import __version__

# Each module defines `register(group)`; a stage's commands stay beside its own code.
COMMAND_MODULES = (
    "warta.cli_annotate",
    "warta.cli_extract",
    "warta.cli_crawl",
    "warta.cli_demo",
    "warta.cli_corpus",
    "warta.cli_review",
    "warta.cli_models",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose):
    """Mine Indonesian-language news: crawl, extract, annotate, store, review."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _exc:
        if _exc.name != _name:
            raise
        continue
    _module.register(cli)


def main(argv=None):
    """Entry point: user mistakes end in one line on stderr, never a traceback."""
    try:
        return cli.main(args=argv, prog_name="warta", standalone_mode=True)
    except (OSError, sqlite3.Error) as exc:  # click handles its own errors inside standalone mode
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
