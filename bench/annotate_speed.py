"""Benchmark: nlp.annotate articles per second on ~400-word articles, against spaCy's blank("id") tokenizer.

    python bench/annotate_speed.py [--articles N] [--words W] [--json]

Articles are built at run time from ../shared/eval/dev.jsonl (texts joined until they reach W words) or, when
that file is absent, from our own test articles in tests/fixtures/nlp/df_*.txt.  Both annotate and the spaCy
tokenizer run over the same articles in this process, after a warm-up, so the ratio holds on a busy machine.
Target (issue 4): rules path >= 200 articles/s per core, i.e. ratio >= 200/700 = 0.29 where spaCy's tokenizer
alone does ~700 articles/s; annotate's peak RSS <= 1 GB.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp import annotate  # noqa: E402
from nlp.dates import find_dates  # noqa: E402
from nlp.figures import find_figures  # noqa: E402
from nlp.flag import decide_flag  # noqa: E402
from nlp.institutions import find_institutions  # noqa: E402
from nlp.officials import find_officials  # noqa: E402
from nlp.sentences import split_sentences  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "nlp"
SPACY_REFERENCE = 700  # articles/s of spacy.blank("id") on an idle core (NOTES.md)


def source_texts() -> tuple[str, list[str]]:
    if DEV.exists():
        texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        return str(DEV), texts
    return str(FIXTURES), [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("df_*.txt"))]


def build_articles(texts: list[str], count: int, words: int) -> list[str]:
    """`count` articles of about `words` words, each a different rotation of the source texts."""
    articles = []
    for n in range(count):
        parts, total, k = [], 0, n
        while total < words:
            text = texts[k % len(texts)]
            parts.append(text)
            total += len(text.split())
            k += 1
        article = "\n\n".join(parts)
        articles.append(" ".join(article.split(" ")[:words]))
    return articles


def rate(fn, articles) -> float:
    start = time.perf_counter()
    for i, text in enumerate(articles, 1):
        fn(text)
        if i % 500 == 0:
            done = time.perf_counter() - start
            print(f"  {i}/{len(articles)} articles, {i / done:.0f}/s, ETA {(len(articles) - i) * done / i:.0f} s",
                  file=sys.stderr)
    return len(articles) / (time.perf_counter() - start)


def stage_ms(articles) -> dict[str, float]:
    """Milliseconds per article spent in each finder (one pass)."""
    totals = dict.fromkeys(("sentences", "institutions", "officials", "dates", "figures", "flag"), 0.0)
    anchor = dt.date(2024, 12, 3)
    for text in articles:
        t0 = time.perf_counter()
        sentences = split_sentences(text)
        t1 = time.perf_counter()
        inst = find_institutions(text, sentences)
        t2 = time.perf_counter()
        find_officials(text, sentences, inst)
        t3 = time.perf_counter()
        find_dates(text, sentences, anchor)
        t4 = time.perf_counter()
        figures = find_figures(text, sentences, anchor)
        t5 = time.perf_counter()
        decide_flag(text, sentences, figures)
        t6 = time.perf_counter()
        for key, a, b in (("sentences", t0, t1), ("institutions", t1, t2), ("officials", t2, t3),
                          ("dates", t3, t4), ("figures", t4, t5), ("flag", t5, t6)):
            totals[key] += (b - a) * 1000
    return {k: round(v / len(articles), 3) for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    import spacy

    origin, texts = source_texts()
    articles = build_articles(texts, args.articles, args.words)
    words = sum(len(a.split()) for a in articles) / len(articles)
    tokenizer = spacy.blank("id").tokenizer
    for text in articles[:50]:  # warm-up: caches, lazily built regexes and gazetteers
        tokenizer(text)
        annotate(text, "2024-12-03")
    spacy_rate = rate(tokenizer, articles)
    annotate_rate = rate(lambda t: annotate(t, "2024-12-03"), articles)
    ratio = annotate_rate / spacy_rate
    result = {
        "source": origin,
        "articles": len(articles),
        "words_per_article": round(words),
        "spacy_tokenizer_articles_per_s": round(spacy_rate, 1),
        "annotate_articles_per_s": round(annotate_rate, 1),
        "ratio_annotate_to_spacy": round(ratio, 3),
        "annotate_articles_per_s_at_idle_spacy": round(ratio * SPACY_REFERENCE),
        "stage_ms_per_article": stage_ms(articles[:200]),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:40} {value}")
    print(f"target: ratio >= {200 / SPACY_REFERENCE:.2f} (200 articles/s when spaCy does {SPACY_REFERENCE}/s); "
          f"{'MET' if ratio >= 200 / SPACY_REFERENCE else 'NOT MET'}")


if __name__ == "__main__":
    main()
