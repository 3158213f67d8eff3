"""Review accounts and login sessions in the corpus database: argon2 password hashes, hashed session tokens."""
from __future__ import annotations

import functools
import hashlib
import logging
import secrets
from datetime import datetime, timedelta, timezone

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

LOG = logging.getLogger(__name__)

ROLES = ("monitor", "viewer")
MIN_PASSWORD_LENGTH = 8
SESSION_HOURS = 12
HASHER = PasswordHasher()


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verifying against a real hash for unknown names keeps login time the same whether or not the name exists."""
    return HASHER.hash(secrets.token_hex(16))


class ReviewError(ValueError):
    """A review request that cannot be carried out (unknown user, bad role, unknown fact, bad value)."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def ensure_user_tables(db: sqlite_utils.Database) -> None:
    db["users"].create(
        {"id": int, "name": str, "password_hash": str, "role": str, "created_at": str, "disabled": int},
        pk="id", not_null={"name", "password_hash", "role"}, defaults={"disabled": 0}, if_not_exists=True,
    )
    db["users"].create_index(["name"], unique=True, if_not_exists=True)
    # Only a SHA-256 of each token is stored: a copy of the database does not hand out live sessions.
    db["review_sessions"].create(
        {"token_hash": str, "user_id": int, "created_at": str, "expires_at": str},
        pk="token_hash", foreign_keys=[("user_id", "users", "id")], if_not_exists=True,
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _public(row: dict | None) -> dict | None:
    """A user row without its password hash."""
    if row is None:
        return None
    return {k: row[k] for k in ("id", "name", "role", "created_at", "disabled")}


class Users:
    """Accounts (monitor or viewer) and their server-side sessions."""

    def __init__(self, db: sqlite_utils.Database, ensure: bool = True):
        self.db = db
        if ensure:
            ensure_user_tables(db)

    def add(self, name: str, password: str, role: str = "monitor") -> int:
        name = (name or "").strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise ReviewError(f"user name {name!r}: use 1-64 characters without spaces")
        if role not in ROLES:
            raise ReviewError(f"role {role!r}: choose one of {', '.join(ROLES)}")
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise ReviewError(f"password for {name}: use at least {MIN_PASSWORD_LENGTH} characters")
        if self.by_name(name) is not None:
            raise ReviewError(f"user {name} exists already; pick another name")
        with self.db.conn:
            user_id = self.db["users"].insert(
                {"name": name, "password_hash": HASHER.hash(password), "role": role,
                 "created_at": now_iso(), "disabled": 0}
            ).last_pk
        LOG.info("added user %s (%s)", name, role)
        return user_id

    def set_disabled(self, name: str, disabled: bool = True) -> None:
        """Lock an account out (or let it back in); disabling also ends its open sessions."""
        user = self.by_name(name)
        if user is None:
            raise ReviewError(f"no user {name!r}; see `warta users list`")
        with self.db.conn:
            self.db.execute("update users set disabled = ? where id = ?", [int(disabled), user["id"]])
            if disabled:
                self.db.execute("delete from review_sessions where user_id = ?", [user["id"]])

    def by_name(self, name: str) -> dict | None:
        rows = list(self.db["users"].rows_where("name = ?", [name], limit=1))
        return rows[0] if rows else None

    def get(self, user_id: int) -> dict | None:
        rows = list(self.db["users"].rows_where("id = ?", [user_id], limit=1))
        return _public(rows[0]) if rows else None

    def list(self) -> list[dict]:
        return [_public(r) for r in self.db["users"].rows_where(order_by="name")]

    def verify(self, name: str, password: str) -> dict | None:
        """The user when `password` is right and the account is enabled, else None."""
        row = self.by_name(name or "")
        try:
            HASHER.verify(row["password_hash"] if row else _dummy_hash(), password or "")
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row["disabled"]:
            return None
        if HASHER.check_needs_rehash(row["password_hash"]):
            with self.db.conn:
                self.db["users"].update(row["id"], {"password_hash": HASHER.hash(password)})
        return _public(row)

    def open_session(self, user_id: int, hours: int = SESSION_HOURS) -> str:
        """A fresh random session token for `user_id` (returned once; only its hash is stored)."""
        token = secrets.token_urlsafe(32)
        start = datetime.now(timezone.utc)
        with self.db.conn:
            self.db["review_sessions"].insert(
                {"token_hash": _token_hash(token), "user_id": user_id, "created_at": start.isoformat(),
                 "expires_at": (start + timedelta(hours=hours)).isoformat()}
            )
        return token

    def session_user(self, token: str | None) -> dict | None:
        """The enabled user of a live session token, else None."""
        if not token:
            return None
        row = self.db.execute(
            "select u.id, u.name, u.role, u.created_at, u.disabled, s.expires_at from review_sessions s"
            " join users u on u.id = s.user_id where s.token_hash = ?", [_token_hash(token)]
        ).fetchone()
        if row is None:
            return None
        user = dict(zip(("id", "name", "role", "created_at", "disabled", "expires_at"), row))
        if user["disabled"] or user.pop("expires_at") < datetime.now(timezone.utc).isoformat():
            return None
        return user

    def close_session(self, token: str | None) -> None:
        if token:
            with self.db.conn:
                self.db.execute("delete from review_sessions where token_hash = ?", [_token_hash(token)])
