"""`warta annotate` and `warta eval` as a user runs them: subprocesses on JSON Lines files."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev.jsonl"


def warta(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


ARTICLES = [
    {"id": "a1", "published": "2024-10-08", "source": "kept",
     "text": "SEMARANG - Badan Pengawas Pemilu (Bawaslu) Kota Semarang mencatat 12 temuan dugaan "
             "pelanggaran netralitas ASN selama Pilkada 2024. Hal itu disampaikan Ketua Bawaslu Kota "
             "Semarang Arif Wicaksono, Senin (7/10/2024)."},
    {"id": "a2", "published": None, "text": ""},
    {"id": "a3", "published": "kemarin", "text": "Harga cabai naik di pasar tradisional."},
]


def test_annotate_writes_one_gold_record_per_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = warta("annotate", str(src), str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2", "a3"]
    for r in records:
        for key in ("flag", "officials", "institutions", "dates", "figures", "extractor_version"):
            assert key in r
    assert records[0]["source"] == "kept"  # other input fields are carried through
    assert records[1]["error"] == "empty text"
    assert "published" in records[2]["error"]


def test_annotate_reads_stdin_and_writes_stdout():
    result = warta("annotate", "-", "-", "--quiet", stdin=json.dumps(ARTICLES[0]) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "a1"


@pytest.mark.parametrize("content, message", [
    ('{"id": "x", "text": "a"}\n{"id": \n', "line 2 is not valid JSON"),
    ('["not", "an", "object"]\n', "line 1 is not a JSON object"),
    ('{"text": "no id"}\n', "lacks field(s) id"),
])
def test_bad_input_is_one_clear_line(tmp_path, content, message):
    src = tmp_path / "bad.jsonl"
    src.write_text(content, encoding="utf-8")
    result = warta("annotate", str(src), str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_input_and_unwritable_output(tmp_path):
    result = warta("annotate", str(tmp_path / "nope.jsonl"), "-")
    assert result.returncode == 1 and "no such file" in result.stderr
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLES[0]) + "\n")
    result = warta("annotate", str(src), str(tmp_path / "missing-dir" / "out.jsonl"))
    assert result.returncode == 1 and "does not exist" in result.stderr


def test_eval_scores_gold_against_itself_perfectly(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g", "flag": True,
        "officials": [{"name": "Arif Wicaksono", "position": "Ketua", "institution": "Bawaslu Kota Semarang"}],
        "institutions": [{"name": "Bawaslu Kota Semarang", "aliases": ["Bawaslu"]}],
        "dates": [{"text": "Senin (7/10/2024)", "value": "2024-10-07"}],
        "figures": [{"value": 12, "election": "Pilkada 2024"}]}) + "\n")
    result = warta("eval", str(gold), str(gold), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    for kind in ("officials", "institutions", "dates", "figures"):
        assert scores[kind]["f1"] == 1.0
    assert scores["flag"]["accuracy"] == 1.0


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev.jsonl is not present")
def test_annotate_and_eval_on_the_dev_set(tmp_path):
    pred = tmp_path / "pred.jsonl"
    result = warta("annotate", str(DEV), str(pred), "--quiet")
    assert result.returncode == 0, result.stderr
    table = warta("eval", str(DEV), str(pred))
    assert table.returncode == 0, table.stderr
    for kind in ("flag", "officials", "institutions", "dates", "figures"):
        assert kind in table.stdout
    assert "articles: 40" in table.stdout


@pytest.mark.parametrize("backend", ["ner", "stanza"])
def test_other_backends_find_the_same_facts_here(tmp_path, backend):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    rules = warta("annotate", "-q", str(src), "-")
    other = warta("annotate", "-q", "--backend", backend, str(src), "-")
    assert rules.returncode == 0 and other.returncode == 0, other.stderr
    keys = ("flag", "officials", "institutions", "dates", "figures")
    mine, theirs = json.loads(rules.stdout), json.loads(other.stdout)
    assert {k: mine[k] for k in keys} == {k: theirs[k] for k in keys}


def test_unknown_backend_is_a_usage_error():
    result = warta("annotate", "--backend", "bert", "-", "-", stdin="")
    assert result.returncode == 2 and "bert" in result.stderr
