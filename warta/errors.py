"""One-line user errors for the command line."""
from __future__ import annotations

import functools

import click


class UserError(click.ClickException):
    """A mistake in the user's input: printed as one line, exit status 1."""

    exit_code = 1


def user_errors(func):
    """Corpus and review problems a user can fix (a missing or old database, a bad account) become UserErrors."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from corpus import CorpusError
        from corpus.reviews_users import ReviewError
        try:
            return func(*args, **kwargs)
        except (CorpusError, ReviewError) as exc:
            raise UserError(str(exc)) from exc
    return wrapper
