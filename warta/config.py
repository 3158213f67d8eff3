"""Settings for the command line: defaults, then warta.toml, then environment variables."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from warta.errors import UserError

CONFIG_NAMES = ("warta.toml", "~/.config/warta/warta.toml")


@dataclass
class Settings:
    db: str = "warta.db"  # the corpus every command uses unless given --db
    sources: str | None = None  # sources file for crawl/run; None = the one shipped in crawler/
    log_dir: str = "logs"  # one log file per `warta run`
    backend: str = "rules"  # NLP backend: rules (with the shipped NER when present) or stanza


def find_config() -> Path | None:
    explicit = os.environ.get("WARTA_CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise UserError(f"WARTA_CONFIG={explicit}: no such file")
        return path
    for name in CONFIG_NAMES:
        path = Path(name).expanduser()
        if path.is_file():
            return path
    return None


def load_settings() -> Settings:
    """Defaults that work with no file at all; a warta.toml and WARTA_* variables override them."""
    settings = Settings()
    path = find_config()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UserError(f"{path}: not valid TOML ({exc}); fix the file or remove it")
        known = {f.name for f in fields(Settings)}
        unknown = sorted(set(data.get("warta", data)) - known - {"warta"})
        if unknown:
            raise UserError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        for key, value in data.get("warta", data).items():
            if key in known:
                setattr(settings, key, value)
    for f in fields(Settings):
        value = os.environ.get(f"WARTA_{f.name.upper()}")
        if value:
            setattr(settings, f.name, value)
    return settings


def default_db() -> str:
    return load_settings().db
