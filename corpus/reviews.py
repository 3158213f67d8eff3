"""Monitor reviews beside the machine facts: flag decisions, fact corrections, notes, audit trail, gold export."""
from __future__ import annotations

import json
import logging
from typing import IO, Optional

import sqlite_utils

from corpus.connection import write_transaction
from corpus.reviews_facts import FACT_FIELDS, FACT_TABLES, MachineFacts, fact_key_sql, number
from corpus.reviews_users import ROLES, ReviewError, Users, now_iso
from corpus.reviews_values import clean_correction

LOG = logging.getLogger(__name__)

FLAG_DECISIONS = ("confirm", "dismiss")
FACT_ACTIONS = ("accept", "reject", "correct")
GOLD_FIELDS = {  # the fields of each fact kind in a GUIDELINES gold record
    "official": ("name", "position", "institution"),
    "institution": ("name", "aliases"),
    "date": ("text", "value"),
    "figure": ("value", "text", "unit", "violation", "election", "approx"),
}
GOLD_LISTS = {"official": "officials", "institution": "institutions", "date": "dates", "figure": "figures"}

__all__ = ["Reviews", "ReviewError", "ROLES", "FLAG_DECISIONS", "FACT_ACTIONS"]


def ensure_review_tables(db: sqlite_utils.Database) -> None:
    """Create the review tables and the reviewed-value views (idempotent; machine tables are never touched)."""
    db["review_decisions"].create(
        {"article_id": int, "flag_decision": str, "flag_value": int, "machine_flag": int, "extractor_version": str,
         "note": str, "user_id": int, "decided_at": str},
        pk="article_id", foreign_keys=[("user_id", "users", "id")], if_not_exists=True,
    )
    db["fact_corrections"].create(
        {"id": int, "article_id": int, "fact_kind": str, "fact_key": str, "fact_id": int, "extractor_version": str,
         "action": str, "machine": str, "corrected": str, "user_id": int, "decided_at": str},
        pk="id", foreign_keys=[("user_id", "users", "id")], if_not_exists=True,
    )
    db["fact_corrections"].create_index(["article_id", "fact_kind", "extractor_version", "fact_key"],
                                        unique=True, if_not_exists=True)
    db["review_notes"].create(
        {"id": int, "article_id": int, "user_id": int, "user_name": str, "note": str, "at": str},
        pk="id", foreign_keys=[("user_id", "users", "id")], if_not_exists=True,
    )
    db["review_notes"].create_index(["article_id"], if_not_exists=True)
    db["audit_log"].create(
        {"id": int, "article_id": int, "user_id": int, "user_name": str, "action": str, "target": str,
         "previous": str, "new": str, "at": str},
        pk="id", if_not_exists=True,
    )
    db["audit_log"].create_index(["article_id", "id"], if_not_exists=True)
    if all(db[t].exists() for t in FACT_TABLES.values()):
        _create_views(db)


def _create_views(db: sqlite_utils.Database) -> None:
    """Views `reviewed_<table>`: every machine fact with its review action and reviewed values beside it."""
    for kind, table in FACT_TABLES.items():
        reviewed = ", ".join(
            f"case when c.action = 'correct' then json_extract(c.corrected, '$.{f}') else t.{f} end as reviewed_{f}"
            for f in FACT_FIELDS[kind])
        db.create_view(
            f"reviewed_{table}",
            f"select t.*, c.action as review_action, c.decided_at as reviewed_at, {reviewed} from {table} t "
            f"left join fact_corrections c on c.article_id = t.article_id and c.fact_kind = '{kind}' "
            f"and c.extractor_version = t.extractor_version and c.fact_key = {fact_key_sql(kind)}",
            replace=True)
    db.create_view(
        "reviewed_flags",
        "select f.*, d.flag_decision, d.flag_value as reviewed_flag, d.note, d.decided_at from flags f "
        "left join review_decisions d on d.article_id = f.article_id and d.extractor_version = f.extractor_version",
        replace=True)


def _insert(conn, table: str, row: dict, replace: bool = False) -> int:
    """One plain INSERT inside the caller's transaction (sqlite-utils' insert would commit on its own)."""
    names = ", ".join(f'"{name}"' for name in row)
    cursor = conn.execute(f"insert {'or replace ' if replace else ''}into {table} ({names}) "
                          f"values ({', '.join('?' * len(row))})", list(row.values()))
    return cursor.lastrowid


def _gold_fact(kind: str, fact: dict) -> dict:
    out = {f: fact.get(f) for f in GOLD_FIELDS[kind]}
    if kind == "figure":
        out["value"] = number(out["value"])
        out["approx"] = bool(out["approx"])
    if kind == "institution":
        out["aliases"] = list(out["aliases"] or [])
    return out


class Reviews:
    """The review API over one corpus database: users, queue, decisions, corrections, audit, export."""

    def __init__(self, db: sqlite_utils.Database, ensure: bool = True):
        self.db = db
        self.users = Users(db, ensure=ensure)
        if ensure:
            ensure_review_tables(db)
        self.machine = MachineFacts(db)

    # -- reading ---------------------------------------------------------------------------------------------
    def queue(self, **filters) -> list[dict]:
        return self.machine.queue(**filters)

    def decision(self, article_id: int) -> Optional[dict]:
        rows = list(self.db["review_decisions"].rows_where("article_id = ?", [article_id]))
        return rows[0] if rows else None

    def corrections(self, article_id: int, version: Optional[str]) -> dict[tuple[str, str], dict]:
        """Review rows of an article's facts keyed by (kind, fact key)."""
        rows = self.db["fact_corrections"].rows_where("article_id = ? and extractor_version is ?",
                                                      [article_id, version])
        out = {}
        for row in rows:
            row["corrected"] = json.loads(row["corrected"]) if row["corrected"] else None
            out[(row["fact_kind"], row["fact_key"])] = row
        return out

    def article_view(self, article_id: int) -> Optional[dict]:
        """Everything the article page shows: article, facts with their review, flag reasons, decision, audit."""
        article = self.machine.article(article_id)
        if article is None:
            return None
        version = article["extractor_version"]
        facts = self.machine.facts(article_id, version)
        reviews = self.corrections(article_id, version)
        for kind, items in facts.items():
            for fact in items:
                fact["review"] = reviews.get((kind, fact["key"]))
        return {"article": article, "facts": facts, "reasons": self.machine.flag_reasons(article_id, version),
                "decision": self.decision(article_id), "notes": self.notes(article_id),
                "audit": self.audit_trail(article_id)}

    def audit_trail(self, article_id: int) -> list[dict]:
        rows = self.db["audit_log"].rows_where("article_id = ?", [article_id], order_by="id desc")
        return [dict(r, previous=json.loads(r["previous"]) if r["previous"] else None,
                     new=json.loads(r["new"]) if r["new"] else None) for r in rows]

    # -- deciding --------------------------------------------------------------------------------------------
    def _require_monitor(self, user: dict) -> None:
        if not user or user.get("role") != "monitor":
            raise ReviewError("only a monitor may record review decisions")

    def _audit(self, article_id, user, action, target, previous, new) -> None:
        _insert(self.db.conn, "audit_log", {
            "article_id": article_id, "user_id": user["id"], "user_name": user["name"], "action": action,
            "target": target, "previous": None if previous is None else json.dumps(previous, ensure_ascii=False),
            "new": None if new is None else json.dumps(new, ensure_ascii=False), "at": now_iso()})

    def decide_flag(self, article_id: int, user: dict, decision: str, note: Optional[str] = None) -> dict:
        """Confirm or dismiss the machine flag of an article; the previous decision goes to the audit log."""
        self._require_monitor(user)
        if decision not in FLAG_DECISIONS:
            raise ReviewError(f"flag decision {decision!r}: choose confirm or dismiss")
        article = self.machine.article(article_id)
        if article is None:
            raise ReviewError(f"article {article_id} does not exist")
        machine_flag = bool(article["flag"])
        row = {"article_id": article_id, "flag_decision": decision,
               "flag_value": int(machine_flag if decision == "confirm" else not machine_flag),
               "machine_flag": int(machine_flag), "extractor_version": article["extractor_version"],
               "note": (note or "").strip() or None,
               "user_id": user["id"], "decided_at": now_iso()}
        with write_transaction(self.db.conn) as conn:  # read the previous decision under the write lock
            previous = self.decision(article_id)
            _insert(conn, "review_decisions", row, replace=True)
            self._audit(article_id, user, f"flag:{decision}", "flag",
                        _decision_summary(previous) if previous else {"flag": machine_flag, "source": "machine"},
                        _decision_summary(row))
            if row["note"]:
                self._note(conn, article_id, user, row["note"])
        return row

    def add_note(self, article_id: int, user: dict, note: str) -> int:
        """Append a note to an article (a note alone does not take the article off the queue)."""
        self._require_monitor(user)
        note = (note or "").strip()
        if not note:
            raise ReviewError("empty note: write something or leave the field blank")
        if self.machine.article(article_id) is None:
            raise ReviewError(f"article {article_id} does not exist")
        with write_transaction(self.db.conn) as conn:
            return self._note(conn, article_id, user, note)

    def _note(self, conn, article_id: int, user: dict, note: str) -> int:
        note_id = _insert(conn, "review_notes", {"article_id": article_id, "user_id": user["id"],
                                                 "user_name": user["name"], "note": note, "at": now_iso()})
        self._audit(article_id, user, "note", "note", None, {"note": note})
        return note_id

    def notes(self, article_id: int) -> list[dict]:
        return list(self.db["review_notes"].rows_where("article_id = ?", [article_id], order_by="id"))

    def review_fact(self, user: dict, kind: str, fact_id: int, action: str,
                    changes: Optional[dict] = None) -> dict:
        """Accept, reject or correct one machine fact; the machine row stays as it is."""
        self._require_monitor(user)
        if action not in FACT_ACTIONS:
            raise ReviewError(f"fact action {action!r}: choose accept, reject or correct")
        fact = self.machine.fact(kind, fact_id)
        if fact is None:
            raise ReviewError(f"{kind} fact {fact_id} does not exist")
        machine = _gold_fact(kind, fact)
        with write_transaction(self.db.conn) as conn:  # read the previous review under the write lock
            old = self.corrections(fact["article_id"], fact["extractor_version"]).get((kind, fact["key"]))
            # A second correction builds on the first: fields it leaves out keep their corrected values.
            base = old["corrected"] if old and old["corrected"] else machine
            corrected = clean_correction(kind, base, changes or {}) if action == "correct" else None
            row = {"article_id": fact["article_id"], "fact_kind": kind, "fact_key": fact["key"], "fact_id": fact_id,
                   "extractor_version": fact["extractor_version"], "action": action,
                   "machine": json.dumps(machine, ensure_ascii=False),
                   "corrected": json.dumps(corrected, ensure_ascii=False) if corrected else None,
                   "user_id": user["id"], "decided_at": now_iso()}
            previous = ({"action": old["action"], **(old["corrected"] or machine)} if old
                        else {"action": None, "source": "machine", **machine})
            _insert(conn, "fact_corrections", dict(row, id=old["id"]) if old else row, replace=bool(old))
            self._audit(fact["article_id"], user, f"fact:{action}", f"{kind}:{fact_id}", previous,
                        {"action": action, **(corrected or machine)})
        return row

    # -- exporting -------------------------------------------------------------------------------------------
    def reviewed_record(self, article_id: int) -> Optional[dict]:
        """The gold record of a reviewed article: reviewed flag, machine facts less rejected, corrections applied."""
        decision = self.decision(article_id)
        view = self.article_view(article_id) if decision else None
        if view is None:
            return None
        article = view["article"]
        record = {"id": f"warta-{article_id}", "published": article["published"], "text": article["text"] or "",
                  "flag": bool(decision["flag_value"])}
        for kind, items in view["facts"].items():
            facts = []
            for fact in items:
                review = fact["review"]
                if review and review["action"] == "reject":
                    continue
                facts.append(_gold_fact(kind, review["corrected"] if review and review["corrected"] else fact))
            record[GOLD_LISTS[kind]] = facts
        record.update({"url": article["url"], "outlet": article["outlet"],
                       "extractor_version": article["extractor_version"], "reviewed_at": decision["decided_at"]})
        return record

    def export_gold(self, out: IO[str]) -> int:
        """Write every reviewed article as one GUIDELINES gold line to `out`; returns the number written."""
        count = 0
        for article_id in self.machine.reviewed_article_ids():
            record = self.reviewed_record(article_id)
            if record is not None:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        return count


def _decision_summary(row: dict) -> dict:
    return {"decision": row["flag_decision"], "flag": bool(row["flag_value"]), "note": row.get("note")}


QUERY_TYPES = {"officials": "official", "institutions": "institution", "dates": "date", "figures": "figure"}


def apply_to_facts(db: sqlite_utils.Database, fact_type: Optional[str], rows: list[dict]) -> list[dict]:
    """Reviewed values for rows of corpus.query.find_facts: rejected facts and cues of dismissed flags drop out,
    corrected fields replace machine ones, and each row gains `review` (accept/reject/correct or None)."""
    if not {"review_decisions", "fact_corrections"} <= set(db.table_names()):
        return rows
    reviews = {}
    for row in db.execute("select article_id, fact_kind, fact_key, action, corrected from fact_corrections"):
        article_id, kind, key, action, corrected = row
        reviews[(article_id, kind, key.split(":", 1)[0])] = (action, json.loads(corrected) if corrected else None)
    decisions = dict(db.execute("select article_id, flag_decision from review_decisions").fetchall())
    out = []
    for row in rows:
        kind = QUERY_TYPES.get(fact_type or row.get("type"))
        if kind is None:  # flag cues: gone when a monitor dismissed the article's flag
            if decisions.get(row["article_id"]) == "dismiss":
                continue
            out.append(dict(row, review=decisions.get(row["article_id"])))
            continue
        action, corrected = reviews.get((row["article_id"], kind, f"{row.get('start')}-{row.get('end')}"),
                                        (None, None))
        if action == "reject":
            continue
        row = dict(row, review=action)
        if corrected:
            _apply_correction(row, kind, corrected, typed=fact_type is not None)
        out.append(row)
    return out


def _apply_correction(row: dict, kind: str, corrected: dict, typed: bool) -> None:
    if typed:
        for name, value in corrected.items():
            if name in row and name != "text":
                row[name] = json.dumps(value, ensure_ascii=False) if name == "aliases" else value
        return
    # The mixed listing shows one summary field per fact (see corpus.query.SUMMARY).
    if kind == "figure":
        row["fact"] = f"{number(corrected['value'])} {corrected.get('unit') or ''}".strip()
    else:
        row["fact"] = corrected.get("value") if kind == "date" else corrected.get("name")
