"""Score predicted facts against gold records by the rules of the annotation guidelines."""
from __future__ import annotations

import re
from collections import Counter

from nlp.lexicon import read_lines

# Titles, degrees and ranks that do not belong to a person's name when names are compared.
HONORIFICS = frozenset(read_lines("scoring_honorifics.txt"))


def normalise(text) -> str:
    """Lower-case, punctuation to spaces, honorifics dropped: the form names are compared in."""
    words = re.sub(r"[^\w\s]", " ", (text or "").lower()).split()
    return " ".join(w for w in words if w not in HONORIFICS)


def same_person(a, b) -> bool:
    """Equal names, or every word of the shorter name appears in the longer one."""
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return a == b or all(w in longer for w in shorter)


def institution_names(entry) -> set[str]:
    if isinstance(entry, str):
        return {normalise(entry)}
    return {normalise(entry.get("name"))} | {normalise(a) for a in entry.get("aliases") or []}


def as_number(value):
    try:
        return round(float(value), 3)
    except (TypeError, ValueError):
        return None


class Tally:
    """Counts of matches per fact type over many articles."""

    def __init__(self):
        self.n = Counter()
        self.misses: list[tuple[str, str, object]] = []

    def article(self, gid: str, gold: dict, pred: dict) -> None:
        self._flag(gold, pred)
        self._institutions(gid, gold, pred)
        self._officials(gid, gold, pred)
        self._dates(gid, gold, pred)
        self._figures(gid, gold, pred)

    def _flag(self, gold, pred):
        g, p = bool(gold.get("flag")), bool(pred.get("flag"))
        self.n["flag_ok"] += g == p
        self.n["flag_n"] += 1
        self.n["flag_tp"] += g and p
        self.n["flag_pred"] += p
        self.n["flag_gold"] += g

    def _institutions(self, gid, gold, pred):
        gold_sets = [institution_names(e) for e in gold.get("institutions") or []]
        pred_sets = [institution_names(e) for e in pred.get("institutions") or []]
        taken: set[int] = set()
        for names in pred_sets:
            k = next((k for k, g in enumerate(gold_sets) if k not in taken and names & g), None)
            if k is None:
                self.misses.append((gid, "inst_fp", sorted(names)))
            else:
                taken.add(k)
                self.n["inst_tp"] += 1
        self.misses += [(gid, "inst_fn", sorted(g)) for k, g in enumerate(gold_sets) if k not in taken]
        self.n["inst_pred"] += len(pred_sets)
        self.n["inst_gold"] += len(gold_sets)

    def _officials(self, gid, gold, pred):
        gold_off, pred_off = gold.get("officials") or [], pred.get("officials") or []
        aliases = {}
        for entry in gold.get("institutions") or []:
            names = institution_names(entry)
            for name in names:
                aliases[name] = names
        taken: set[int] = set()
        for po in pred_off:
            k = next((k for k, go in enumerate(gold_off)
                      if k not in taken and same_person(po.get("name"), go.get("name"))), None)
            if k is None:
                self.misses.append((gid, "off_fp", po.get("name")))
                continue
            taken.add(k)
            self.n["off_tp"] += 1
            gi, pi = normalise(gold_off[k].get("institution")), normalise(po.get("institution"))
            if gi == pi or pi in aliases.get(gi, {gi}):
                self.n["off_inst_ok"] += 1
            else:
                self.misses.append((gid, "off_inst", f"{po.get('name')}: {pi!r} != {gi!r}"))
        self.misses += [(gid, "off_fn", go.get("name")) for k, go in enumerate(gold_off) if k not in taken]
        self.n["off_pred"] += len(pred_off)
        self.n["off_gold"] += len(gold_off)

    def _dates(self, gid, gold, pred):
        g = {d["value"] for d in gold.get("dates") or [] if d.get("value")}
        p = {d.get("value") for d in pred.get("dates") or [] if d.get("value")}
        self.n["date_tp"] += len(g & p)
        self.n["date_pred"] += len(p)
        self.n["date_gold"] += len(g)
        self.misses += [(gid, "date_fp", d) for d in sorted(p - g)] + [(gid, "date_fn", d) for d in sorted(g - p)]

    def _figures(self, gid, gold, pred):
        g = {as_number(f.get("value")) for f in gold.get("figures") or []}
        p = {as_number(f.get("value")) for f in pred.get("figures") or []}
        self.n["fig_tp"] += len(g & p)
        self.n["fig_pred"] += len(p)
        self.n["fig_gold"] += len(g)
        self.misses += [(gid, "fig_fp", v) for v in sorted(p - g, key=str)]
        self.misses += [(gid, "fig_fn", v) for v in sorted(g - p, key=str)]
        elections: dict = {}
        for f in gold.get("figures") or []:
            elections.setdefault(as_number(f.get("value")), set()).add(normalise(f.get("election")))
        seen = set()
        for f in pred.get("figures") or []:
            v = as_number(f.get("value"))
            if v in seen or v not in elections:
                continue
            seen.add(v)
            self.n["fig_el_n"] += 1
            ok = normalise(f.get("election")) in elections[v]
            self.n["fig_el_ok"] += ok
            if not ok:
                self.misses.append((gid, "fig_election", f"{v}: {f.get('election')!r}"))

    def result(self, n_articles: int, missing: int) -> dict:
        n = self.n
        return {
            "articles": n_articles,
            "missing_predictions": missing,
            "flag": prf(n["flag_tp"], n["flag_pred"], n["flag_gold"]) | {"accuracy": ratio(n["flag_ok"], n["flag_n"])},
            "officials": prf(n["off_tp"], n["off_pred"], n["off_gold"])
            | {"institution_acc": ratio(n["off_inst_ok"], n["off_tp"])},
            "institutions": prf(n["inst_tp"], n["inst_pred"], n["inst_gold"]),
            "dates": prf(n["date_tp"], n["date_pred"], n["date_gold"]),
            "figures": prf(n["fig_tp"], n["fig_pred"], n["fig_gold"])
            | {"election_acc": ratio(n["fig_el_ok"], n["fig_el_n"])},
        }


def ratio(a: int, b: int) -> float:
    return round(a / max(b, 1), 3)


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Micro precision, recall and F1; an empty side counts as perfect."""
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold}


def score(gold: dict[str, dict], pred: dict[str, dict]) -> tuple[dict, list]:
    """Scores of predictions against gold, both keyed by article id; and the list of misses."""
    tally = Tally()
    for gid, g in gold.items():
        tally.article(gid, g, pred.get(gid, {}))
    return tally.result(len(gold), sum(1 for k in gold if k not in pred)), tally.misses
