"""Canonical URLs: one key per article, whatever tracking, AMP or mobile variant was fetched."""
from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

DATA_DIR = Path(__file__).with_name("data")
AMP_PATH_SUFFIXES = ("/amp", "/amp/")
AMP_PATH_PREFIX = "/amp/"


def _read_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def _tracking_rules() -> tuple[frozenset[str], tuple[str, ...]]:
    names, prefixes = set(), []
    for rule in _read_lines("tracking_params.txt"):
        if rule.endswith("*"):
            prefixes.append(rule[:-1])
        else:
            names.add(rule)
    return frozenset(names), tuple(prefixes)


@functools.lru_cache(maxsize=1)
def _variant_host_prefixes() -> tuple[str, ...]:
    return tuple(_read_lines("variant_hosts.txt"))


def _is_tracking(name: str) -> bool:
    names, prefixes = _tracking_rules()
    name = name.lower()
    return name in names or name.startswith(prefixes)


def _canonical_host(netloc: str) -> str:
    netloc = netloc.lower()
    host, _, port = netloc.partition(":")
    if host.count(".") >= 2:  # never strip "m." off a two-label host such as m.id
        for prefix in _variant_host_prefixes():
            if host.startswith(prefix):
                host = host[len(prefix):]
                break
    return f"{host}:{port}" if port else host


def _canonical_path(path: str) -> str:
    if path.startswith(AMP_PATH_PREFIX):
        path = path[len(AMP_PATH_PREFIX) - 1:]
    for suffix in AMP_PATH_SUFFIXES:
        if path.endswith(suffix) and len(path) > len(suffix):
            path = path[: -len(suffix)]
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path or "/"


@functools.lru_cache(maxsize=65536)
def canonical_url(url: str) -> str:
    """The storage key of a URL: w3lib canonical form without tracking params, variants or trailing slash."""
    url = canonicalize_url(url.strip(), keep_fragments=False)
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit(
        (parts.scheme.lower(), _canonical_host(parts.netloc), _canonical_path(parts.path), urlencode(query), "")
    )


def outlet_of(url: str | None) -> str | None:
    """The outlet of a URL: its host without www./m./amp. prefixes and port (e.g. 'kompas.com')."""
    if not url:
        return None
    host = _canonical_host(urlsplit(url).netloc)
    return host.partition(":")[0] or None
