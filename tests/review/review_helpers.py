"""Accounts and form helpers shared by the review tests (imported by name; conftest only holds fixtures)."""
from __future__ import annotations

import re

MONITOR = ("ani", "rahasia-ani-123")
VIEWER = ("budi", "rahasia-budi-456")
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path="/login") -> str:
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client, name, password):
    token = csrf_token(client)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token})
