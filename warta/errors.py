"""One-line user errors for the command line."""
from __future__ import annotations

import click


class UserError(click.ClickException):
    """A mistake in the user's input: printed as one line, exit status 1."""

    exit_code = 1
