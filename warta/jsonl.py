"""Read and write JSON Lines files for the command line, with one-line errors for bad input."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from warta.errors import UserError


@contextmanager
def open_text(path: str, mode: str = "r"):
    """Open `path` for text I/O; '-' is stdin/stdout. Failures become a UserError naming the path."""
    if path == "-":
        yield sys.stdin if "r" in mode else sys.stdout
        return
    try:
        fh = open(path, mode, encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file; check the path")
    except IsADirectoryError:
        raise UserError(f"{path}: is a directory, expected a JSON Lines file")
    except PermissionError:
        raise UserError(f"{path}: permission denied")
    with fh:
        yield fh


def read_records(path: str, required: tuple[str, ...] = ()) -> Iterator[dict]:
    """JSON objects of a JSON Lines file, one per non-blank line; bad lines raise UserError with the line number."""
    with open_text(path) as fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UserError(f"{path}: line {n} is not valid JSON ({exc.msg}); fix or remove that line")
                if not isinstance(record, dict):
                    raise UserError(f"{path}: line {n} is not a JSON object")
                missing = [k for k in required if k not in record]
                if missing:
                    raise UserError(f"{path}: line {n} lacks field(s) {', '.join(missing)}")
                yield record
        except UnicodeDecodeError:
            raise UserError(f"{path}: not UTF-8 text; save it as UTF-8 JSON Lines")


def load_by_id(path: str) -> dict[str, dict]:
    """Records of a JSON Lines file keyed by their `id`."""
    return {str(r["id"]): r for r in read_records(path, required=("id",))}


def dump(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def check_writable(path: str) -> None:
    """Fail early, before long work, when the output file can't be created."""
    if path == "-":
        return
    parent = Path(path).resolve().parent
    if not parent.is_dir():
        raise UserError(f"{path}: directory {parent} does not exist")
