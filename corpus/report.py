"""`warta report`: one static HTML file with matplotlib charts (base64 PNG) and the tables behind them."""
from __future__ import annotations

import base64
import datetime as dt
import html
import io
import logging
import re
from collections import defaultdict
from pathlib import Path

import sqlite_utils

from corpus.errors import CorpusError
from corpus.report_data import report_data

LOG = logging.getLogger(__name__)
TOP_OUTLETS = 6
WEEKLY_AFTER_DAYS = 92  # longer spans are charted per week: daily points become unreadable
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
STYLE = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:90%}
th{background:#f2f2f2}td.n{text-align:right}img{max-width:100%}.empty{color:#888}"""


def _pyplot():
    try:
        import matplotlib
    except ImportError as exc:
        raise CorpusError("warta report needs matplotlib: pip install matplotlib") from exc
    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt
    return plt


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    fig.clf()
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _bucket(day: str, weekly: bool) -> dt.date:
    date = dt.date.fromisoformat(day[:10])
    return date - dt.timedelta(days=date.weekday()) if weekly else date


def _per_day_charts(plt, rows) -> list[tuple[str, str]]:
    """Articles and flagged articles over time per outlet (top outlets; per week when the span is long)."""
    rows = [r for r in rows if DAY_RE.match(r["day"] or "")]
    if not rows:
        return []
    totals = defaultdict(int)
    for row in rows:
        totals[row["outlet"]] += row["articles"]
    outlets = sorted(totals, key=totals.get, reverse=True)[:TOP_OUTLETS]
    days = sorted({row["day"] for row in rows})
    weekly = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days > WEEKLY_AFTER_DAYS
    period = "week" if weekly else "day"
    charts = []
    for key, title in (("articles", f"Articles per {period} and outlet"),
                       ("flagged", f"Flagged articles per {period} and outlet")):
        series = defaultdict(lambda: defaultdict(int))
        for row in rows:
            name = row["outlet"] if row["outlet"] in outlets else "other outlets"
            series[name][_bucket(row["day"], weekly)] += row[key]
        buckets = sorted({_bucket(d, weekly) for d in days})
        fig, ax = plt.subplots(figsize=(10, 3.6))
        for name in sorted(series, key=lambda n: n == "other outlets"):
            ax.plot(buckets, [series[name].get(b, 0) for b in buckets], marker="o", markersize=2, linewidth=1,
                    label=name)
        ax.set_title(title)
        ax.set_ylabel(f"{key} per {period}")
        ax.tick_params(axis="x", labelrotation=30, labelsize=7)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
        charts.append((title, _png(fig)))
        plt.close(fig)
    return charts


def _barh(plt, title: str, labels: list[str], values: list[float], xlabel: str) -> tuple[str, str]:
    fig, ax = plt.subplots(figsize=(9, 0.35 * len(labels) + 1.2))
    ax.barh(labels[::-1], values[::-1], color="#4a7fb5")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.tick_params(axis="y", labelsize=8)
    chart = (title, _png(fig))
    plt.close(fig)
    return chart


def _health_chart(plt, rows) -> tuple[str, str]:
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(rows) + 1.2))
    names = [r["source"] for r in rows][::-1]
    left = [0] * len(rows)
    for key, color in (("articles", "#3a923a"), ("non_articles", "#b0b0b0"), ("extract_failed", "#e0a030"),
                       ("fetch_failed", "#c03030")):
        values = [r[key] or 0 for r in rows][::-1]
        ax.barh(names, values, left=left, color=color, label=key.replace("_", " "))
        left = [a + b for a, b in zip(left, values)]
    ax.set_title("Crawl health per source")
    ax.set_xlabel("pages")
    ax.legend(fontsize=7)
    chart = ("Crawl health per source", _png(fig))
    plt.close(fig)
    return chart


def _table(rows: list[dict]) -> str:
    if not rows:
        return '<p class="empty">Nothing yet.</p>'
    head = "".join(f"<th>{html.escape(k)}</th>" for k in rows[0])
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{v:g}</td>' if isinstance(v, (int, float)) else
                         f"<td>{html.escape(str(v if v is not None else ''))}</td>" for v in row.values()) + "</tr>"
        for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def build_charts(plt, data: dict) -> list[tuple[str, str]]:
    charts = _per_day_charts(plt, data["per_day"])
    if data["figures"]:
        labels = [f"{r['election']} · {r['institution']}" for r in data["figures"]]
        charts.append(_barh(plt, "Figures per election and institution", labels,
                            [r["figures"] for r in data["figures"]], "figures reported"))
    for key, title in (("officials", "Top officials"), ("institutions", "Top institutions")):
        if data[key]:
            charts.append(_barh(plt, title, [r["name"] for r in data[key]], [r["articles"] for r in data[key]],
                                "articles"))
    if data["health"]:
        charts.append(_health_chart(plt, data["health"]))
    return charts


def write_report(db: sqlite_utils.Database, out: Path, stats: dict) -> Path:
    """Write the HTML report to `out`; returns the path."""
    plt = _pyplot()
    data = report_data(db)
    charts = build_charts(plt, data)
    sections = [f"<h2>{html.escape(t)}</h2><img alt=\"{html.escape(t)}\" src=\"data:image/png;base64,{png}\">"
                for t, png in charts]
    tables = [("Figures per election and institution", data["figures"]), ("Top officials", data["officials"]),
              ("Top institutions", data["institutions"]), ("Crawl health per source", data["health"])]
    sections += [f"<h2>{html.escape(t)} (table)</h2>{_table(rows)}" for t, rows in tables]
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>warta corpus report</title>"
            f"<style>{STYLE}</style></head><body><h1>warta corpus report</h1>"
            f"<p>Generated {generated}; facts of extractor version {html.escape(str(data['version']))}.</p>"
            f"{_table([stats])}{''.join(sections)}</body></html>")
    try:
        Path(out).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise CorpusError(f"{out}: cannot write the report ({exc.strerror}); choose another --out") from exc
    return Path(out)
