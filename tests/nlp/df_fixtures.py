"""Load our own annotated test articles (tests/fixtures/nlp/df_*.txt with their .json expectations)."""
import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "nlp"


def load_fixtures():
    """[(name, text, expected)] for every df_ fixture."""
    out = []
    for path in sorted(FIXTURES.glob("df_*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.stem, path.with_suffix(".txt").read_text(encoding="utf-8"), expected))
    return out
