"""Benchmark: warta's extract_article against trafilatura alone on the shared real pages
(../shared/data/html with truth.jsonl): body F1, title/date/author accuracy, index pages, pages/s."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_scoring import leftover_lines, token_f1  # noqa: E402
from extract import extract_article  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "html"


def load_pages(directory: Path):
    truth = [json.loads(line) for line in (directory / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [(item, (directory / item["file"]).read_bytes()) for item in truth]


def trafilatura_alone(raw: bytes, url: str) -> dict:
    """The baseline: trafilatura with comments off and its own metadata (htmldate inside)."""
    import trafilatura

    doc = trafilatura.bare_extraction(raw.decode("utf-8", errors="replace"), url=url,
                                      include_comments=False, with_metadata=True)
    if doc is None:
        return dict(text="", title=None, published=None, author=None, is_article=False)
    return dict(text=doc.text or "", title=doc.title, published=doc.date, author=doc.author,
                is_article=bool((doc.text or "").strip()))


def warta(raw: bytes, url: str) -> dict:
    return extract_article(raw, url).to_json()


def timed_runs(pages, rounds: int):
    """Both extractors page by page, interleaved, timed in CPU seconds of this process: other load on the
    machine slows both alike and the figures are per core."""
    base_cpu = our_cpu = 0.0
    for _ in range(rounds):
        base_results, our_results = [], []
        for item, raw in pages:
            start = time.process_time()
            base_results.append(trafilatura_alone(raw, item["url"]))
            middle = time.process_time()
            our_results.append(warta(raw, item["url"]))
            base_cpu, our_cpu = base_cpu + middle - start, our_cpu + time.process_time() - middle
    done = rounds * len(pages)
    return base_results, done / base_cpu, our_results, done / our_cpu


def score(pages, results) -> dict:
    articles = [(item, res) for (item, _), res in zip(pages, results) if item["kind"] != "index"]
    indexes = [(item, res) for (item, _), res in zip(pages, results) if item["kind"] == "index"]
    n = len(articles)
    return {
        "body_f1": sum(token_f1(res["text"], item["body"]) for item, res in articles) / n,
        "title_exact": sum((res["title"] or "").strip() == item["title"] for item, res in articles) / n,
        "date_exact": sum(res["published"] == item["published"] for item, res in articles) / n,
        "author_exact": sum(res["author"] == item["author"] for item, res in articles) / n,
        "leftover_lines": sum(len(leftover_lines(res["text"])) for _, res in articles),
        "index_recognised": sum(not res["is_article"] for _, res in indexes) / max(len(indexes), 1),
        "articles_kept": sum(bool(res["is_article"]) for _, res in articles) / n,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder with *.html and truth.jsonl")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the pages for the speed figure")
    parser.add_argument("--details", action="store_true", help="print one line per page")
    args = parser.parse_args(argv)
    if not (args.dir / "truth.jsonl").exists():
        print(f"no truth.jsonl in {args.dir}: nothing to benchmark", file=sys.stderr)
        return 2
    pages = load_pages(args.dir)
    warta(pages[0][1], pages[0][0]["url"])  # warm up imports and data files for both
    trafilatura_alone(pages[0][1], pages[0][0]["url"])
    base_results, base_speed, our_results, our_speed = timed_runs(pages, args.rounds)
    base, ours = score(pages, base_results), score(pages, our_results)
    if args.details:
        for (item, _), b, o in zip(pages, base_results, our_results):
            print(f"{item['file']:24} {item['kind']:7} f1 {token_f1(b['text'], item['body']):.3f} -> "
                  f"{token_f1(o['text'], item['body']):.3f}  title={o['title'] == item['title']} "
                  f"date={o['published'] == item['published']} author={o['author']!r}/{item['author']!r}"
                  f" article={o['is_article']}")
    print(f"{len(pages)} pages ({sum(len(r) for _, r in pages) / len(pages) / 1024:.0f} KiB average), "
          f"{args.rounds} rounds, pages/s per core (CPU time of this process; {os.cpu_count()} cores)")
    print(f"{'metric':18} {'trafilatura':>12} {'warta':>10} {'delta':>8}")
    for key in base:
        print(f"{key:18} {base[key]:12.3f} {ours[key]:10.3f} {ours[key] - base[key]:+8.3f}")
    print(f"{'pages/s/core':18} {base_speed:12.1f} {our_speed:10.1f}   ratio warta/trafilatura = "
          f"{our_speed / base_speed:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
