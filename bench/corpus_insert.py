"""Benchmark: facts stored per second through Corpus.store_facts, against plain sqlite3 executemany.

    python bench/corpus_insert.py [ARTICLES]      (default 2000; target >= 5,000 facts/s)
"""
from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from corpus_synth import ArticleMaker  # noqa: E402
from corpus import Corpus  # noqa: E402
from corpus.rows import FACT_COLUMNS, fact_rows  # noqa: E402

BATCH = 50


def fact_count(facts: dict) -> int:
    return sum(len(facts[k]) for k in ("officials", "institutions", "dates", "figures", "flag_reasons")) + 1


def main(articles: int = 2000) -> None:
    maker = ArticleMaker(seed=11)
    pairs = [maker.make(n) for n in range(articles)]
    total_facts = sum(fact_count(f) for _, f in pairs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus(os.path.join(tmp, "bench.db"))
        ids = []
        for n, (article, _) in enumerate(pairs):
            page = corpus.store_page(article["url"], status=200, body=b"<html>")
            ids.append(corpus.store_article(page, article))
        started = time.perf_counter()
        for article_id, (_, facts) in zip(ids, pairs):
            corpus.store_facts(article_id, facts)
        ours = time.perf_counter() - started
        for n, (_, facts) in enumerate(pairs):  # the same facts under a new version, 50 articles a transaction
            pairs[n] = (None, facts | {"extractor_version": "0.2.0"})
        started = time.perf_counter()
        for start in range(0, len(ids), BATCH):
            corpus.store_facts_batch([(a, f) for a, (_, f) in zip(ids[start:start + BATCH],
                                                                   pairs[start:start + BATCH])])
        batched = time.perf_counter() - started
        corpus.close()

        # Baseline: the same fact rows into bare tables (no indexes, no foreign keys), one executemany each,
        # one transaction: the fastest sqlite3 can take them.
        conn = sqlite3.connect(os.path.join(tmp, "baseline.db"))
        conn.execute("PRAGMA journal_mode=WAL")
        for table, columns in FACT_COLUMNS.items():
            conn.execute(f"create table {table} ({', '.join(f'[{c}]' for c in columns)})")
        rows = {t: [] for t in FACT_COLUMNS}
        for article_id, (_, facts) in zip(ids, pairs):
            for table, table_rows in fact_rows(article_id, facts).items():
                rows[table].extend(table_rows)
        started = time.perf_counter()
        with conn:
            for table, columns in FACT_COLUMNS.items():
                marks = ", ".join("?" * len(columns))
                conn.executemany(f"insert into {table} values ({marks})", rows[table])
        baseline = time.perf_counter() - started
        conn.close()
    rate, base_rate = total_facts / ours, total_facts / baseline
    print(f"articles: {articles}, facts (incl. one flag row per article, not counting sentences): {total_facts}")
    print(f"Corpus.store_facts (one transaction per article, indexes, FKs, sentences): {rate:,.0f} facts/s "
          f"({ours:.2f} s) — target >= 5,000 facts/s: {'OK' if rate >= 5000 else 'MISSED'}")
    batch_rate = total_facts / batched
    print(f"Corpus.store_facts_batch ({BATCH} articles per transaction): {batch_rate:,.0f} facts/s ({batched:.2f} s)")
    print(f"baseline sqlite3 executemany, bare tables, one transaction: {base_rate:,.0f} facts/s ({baseline:.2f} s)")
    print(f"ratio corpus/baseline: {rate / base_rate:.3f} per article, {batch_rate / base_rate:.3f} batched")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
