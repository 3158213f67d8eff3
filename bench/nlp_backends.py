"""Articles/s and peak RSS of the NLP backends (rules-only, +spaCy NER, +stanza), as ratios to rules-only.

Each backend runs in its own child process (so peak RSS is its own) over the same article bodies,
read at run time from ../shared/eval/dev.jsonl and ../shared/data/html/truth.jsonl.

    python bench/nlp_backends.py [--repeat 2] [--limit 0] [--backends rules,ner,stanza] [--coverage]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BACKENDS = ("rules", "ner", "stanza")
DESCRIPTIONS = {
    "rules": "nlp.annotate (rules only)",
    "ner": "nlp.annotate + nlp.ner.entity_spans",
    "stanza": "nlp.annotate + nlp.stanza_backend.tag",
}


def load_articles(limit: int = 0) -> list[tuple[str, str | None]]:
    """(text, published) of every article body we may read from ../shared."""
    articles = []
    for path, key in ((SHARED / "eval" / "dev.jsonl", "text"), (SHARED / "data" / "html" / "truth.jsonl", "body")):
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get(key):
                articles.append((row[key], row.get("published")))
    return articles[:limit] if limit else articles


def run_backend(name: str, repeat: int, limit: int) -> dict:
    """Child side: load the backend, time `repeat` passes over the articles, report peak RSS."""
    sys.path.insert(0, str(REPO))
    import nlp

    articles = load_articles(limit)
    started = time.perf_counter()
    extra = None
    if name == "ner":
        from nlp import ner
        if ner.load_model() is None:
            return {"error": f"no NER model at {ner.model_path()}"}
        extra = ner.entity_spans
    elif name == "stanza":
        from nlp import stanza_backend
        nlp_stanza = stanza_backend.pipeline()
        extra = lambda text: stanza_backend.tag(text, nlp=nlp_stanza)  # noqa: E731
    load_seconds = time.perf_counter() - started
    errors = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for text, published in articles:
            facts = nlp.annotate(text, published)
            errors += facts.error is not None
            if extra is not None:
                extra(text)
    seconds = time.perf_counter() - started
    return {"articles": len(articles) * repeat, "seconds": seconds, "load_seconds": load_seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "errors": errors}


def measure(name: str, repeat: int, limit: int) -> dict:
    """Parent side: run one backend in a fresh interpreter and read its JSON line."""
    cmd = [sys.executable, __file__, "--child", name, "--repeat", str(repeat), "--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": tail[0]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _found(name: str, spans: list[str]) -> bool:
    low = name.lower()
    return any(low == s.lower() or low in s.lower() for s in spans)


def dev_coverage() -> str:
    """How many gold official names / institution names in dev.jsonl the rules, the NER and both find."""
    sys.path.insert(0, str(REPO))
    import nlp
    from nlp import ner

    counts = {key: [0, 0, 0, 0] for key in ("officials", "institutions")}  # gold, rules, ner, either
    for line in (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        facts = nlp.annotate(row["text"], row.get("published"))
        spans = ner.entity_spans(row["text"]) or []
        found = {"officials": ([o.name for o in facts.officials],
                               [row["text"][s:e] for s, e, lab in spans if lab == "PER"]),
                 "institutions": ([i.name for i in facts.institutions] +
                                  [a for i in facts.institutions for a in (i.aliases or [])],
                                  [row["text"][s:e] for s, e, lab in spans if lab == "ORG"])}
        for key, (rules, model) in found.items():
            for gold in row.get(key, []):
                names = [gold["name"], *gold.get("aliases", [])]
                by_rules = any(_found(n, rules) for n in names)
                by_model = any(_found(n, model) for n in names)
                for i, hit in enumerate((True, by_rules, by_model, by_rules or by_model)):
                    counts[key][i] += hit
    lines = ["dev.jsonl gold names found (exact or inside a span): rules / NER / either"]
    for key, (gold, rules, model, either) in counts.items():
        lines.append(f"  {key:12} {rules}/{gold}  {model}/{gold}  {either}/{gold}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the articles per backend")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (0: all)")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--coverage", action="store_true",
                        help="also print how many dev.jsonl officials/institutions rules and NER find")
    parser.add_argument("--child", choices=BACKENDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_backend(args.child, args.repeat, args.limit)))
        return 0
    if not load_articles(1):
        print(f"no articles: {SHARED} is absent", file=sys.stderr)
        return 1
    names = [n.strip() for n in args.backends.split(",") if n.strip()]
    results = {}
    for i, name in enumerate(names, 1):
        print(f"[{i}/{len(names)}] {name}: {DESCRIPTIONS[name]} ...", file=sys.stderr, flush=True)
        results[name] = measure(name, args.repeat, args.limit)
    base = results.get("rules", {})
    base_rate = base["articles"] / base["seconds"] if "seconds" in base else None
    print(f"{'backend':8} {'articles/s':>11} {'x rules':>8} {'load s':>7} {'peak RSS MB':>12} {'x rules':>8}")
    for name, res in results.items():
        if "error" in res:
            print(f"{name:8} error: {res['error']}")
            continue
        rate = res["articles"] / res["seconds"]
        speed_ratio = f"{rate / base_rate:.3f}" if base_rate else "-"
        rss_ratio = f"{res['peak_rss_mb'] / base['peak_rss_mb']:.2f}" if base_rate else "-"
        print(f"{name:8} {rate:11.1f} {speed_ratio:>8} {res['load_seconds']:7.1f} "
              f"{res['peak_rss_mb']:12.0f} {rss_ratio:>8}")
    print(f"({results and next(iter(results.values())).get('articles', 0)} articles per backend, "
          f"ratios against rules-only in this run)")
    if args.coverage:
        print(dev_coverage())
    return 0


if __name__ == "__main__":
    sys.exit(main())
