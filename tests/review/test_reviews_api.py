"""corpus.reviews on a real corpus file: queue, decisions, corrections beside machine facts, audit, gold export."""
from __future__ import annotations

import io
import json

import pytest

from corpus.query import apply_reviews, find_facts
from corpus.reviews import ReviewError
from corpus.reviews_values import parse_number

from review_helpers import MONITOR, VIEWER

PROBOLINGGO, SULSEL, SPORT, KASN = 1, 2, 3, 4


def user(reviews, creds):
    """The user row without a password check (argon2 is slow on purpose; login is tested on its own)."""
    return reviews.users.get(reviews.users.by_name(creds[0])["id"])


def figure(reviews, article_id, text):
    return next(f for f in reviews.article_view(article_id)["facts"]["figure"] if f["text"] == text)


def test_queue_lists_flagged_unreviewed_articles_newest_first(reviews):
    assert [q["id"] for q in reviews.queue()] == [SULSEL, PROBOLINGGO, KASN]


@pytest.mark.parametrize("filters, expected", [
    ({"outlet": "kabarjatim.example"}, [PROBOLINGGO]),
    ({"election": "Pemilu 2024"}, [KASN]),
    ({"institution": "BKN"}, [PROBOLINGGO]),
    ({"institution": "Bawaslu"}, [SULSEL, PROBOLINGGO]),  # a prefix finds every unit
    ({"election": "pilkada 2024"}, [SULSEL, PROBOLINGGO]),
    ({"region": "Probolinggo"}, [PROBOLINGGO]),
    ({"region": "Kota Probolinggo"}, [PROBOLINGGO]),
    ({"region": "Makassar"}, [SULSEL]),  # the dateline
    ({"region": "Sulawesi Selatan", "election": "Pilkada 2024"}, [SULSEL]),
])
def test_queue_filters(reviews, filters, expected):
    assert [q["id"] for q in reviews.queue(**filters)] == expected


@pytest.mark.parametrize("value", ["' OR 1=1 --", "%", "_", "\"; DROP TABLE articles; --", "\\", "Bawaslu%"])
def test_sql_metacharacters_in_filters_match_nothing(reviews, value):
    for name in ("outlet", "election", "institution", "region"):
        assert reviews.queue(**{name: value}) == []
    assert reviews.db["articles"].count == 4


def test_decision_takes_article_off_queue_and_keeps_machine_flag(reviews):
    ani = user(reviews, MONITOR)
    reviews.decide_flag(PROBOLINGGO, ani, "dismiss", note="Bukan pelanggaran, hanya imbauan.")
    assert PROBOLINGGO not in [q["id"] for q in reviews.queue()]
    assert [q["id"] for q in reviews.queue(reviewed=True)] == [PROBOLINGGO]
    assert reviews.db.execute("select flag from flags where article_id = ?", [PROBOLINGGO]).fetchone() == (1,)
    decision = reviews.decision(PROBOLINGGO)
    assert decision["flag_value"] == 0 and decision["machine_flag"] == 1
    reviews.decide_flag(PROBOLINGGO, ani, "confirm")
    trail = reviews.audit_trail(PROBOLINGGO)
    assert [a["action"] for a in trail] == ["flag:confirm", "note", "flag:dismiss"]
    assert trail[0]["previous"] == {"decision": "dismiss", "flag": False, "note": "Bukan pelanggaran, hanya imbauan."}
    assert trail[-1]["previous"] == {"flag": True, "source": "machine"}
    assert trail[0]["user_name"] == "ani" and trail[0]["at"]
    assert [n["note"] for n in reviews.notes(PROBOLINGGO)] == ["Bukan pelanggaran, hanya imbauan."]


def test_correction_is_stored_beside_the_machine_fact(reviews):
    ani = user(reviews, MONITOR)
    fact = figure(reviews, PROBOLINGGO, "12 ASN")
    reviews.review_fact(ani, "figure", fact["id"], "correct", {"value": "1.012", "election": "pilkada 2024"})
    machine = reviews.db["figures"].get(fact["id"])
    assert machine["value"] == 12 and machine["election"] is None
    again = figure(reviews, PROBOLINGGO, "12 ASN")
    assert again["review"]["corrected"]["value"] == 1012
    assert again["review"]["corrected"]["election"] == "Pilkada 2024"
    reviews.review_fact(ani, "figure", fact["id"], "correct", {"value": "13"})  # election stays corrected
    corrected = figure(reviews, PROBOLINGGO, "12 ASN")["review"]["corrected"]
    assert (corrected["value"], corrected["election"]) == (13, "Pilkada 2024")
    last = reviews.audit_trail(PROBOLINGGO)[0]
    assert last["previous"]["value"] == 1012 and last["new"]["value"] == 13 and last["target"] == f"figure:{fact['id']}"


def test_official_position_correction_and_reviewed_views(reviews):
    ani = user(reviews, MONITOR)
    official = reviews.article_view(SULSEL)["facts"]["official"][0]
    reviews.review_fact(ani, "official", official["id"], "correct", {"position": "Koordinator Divisi Hukum"})
    row = reviews.db.execute("select position, reviewed_position, review_action from reviewed_officials "
                             "where id = ?", [official["id"]]).fetchone()
    assert row == ("Anggota", "Koordinator Divisi Hukum", "correct")


@pytest.mark.parametrize("kind, changes, message", [
    ("figure", {"value": "banyak"}, "write a number"),
    ("figure", {"election": "Pilpres"}, "Pemilu YYYY"),
    ("figure", {"colour": "red"}, "no correctable field"),
    ("date", {"value": "27/11/2024"}, "YYYY-MM-DD"),
])
def test_bad_corrections_are_refused(reviews, kind, changes, message):
    fact = reviews.article_view(PROBOLINGGO)["facts"][kind][0]
    with pytest.raises(ReviewError, match=message):
        reviews.review_fact(user(reviews, MONITOR), kind, fact["id"], "correct", changes)
    assert reviews.db["fact_corrections"].count == 0 and reviews.db["audit_log"].count == 0


def test_viewer_cannot_decide(reviews):
    with pytest.raises(ReviewError, match="only a monitor"):
        reviews.decide_flag(PROBOLINGGO, user(reviews, VIEWER), "confirm")


def test_indonesian_number_parsing():
    assert [parse_number(t) for t in ("433", "1.010", "2,5", "1.234,5", "2.5", 7)] == [433, 1010, 2.5, 1234.5, 2.5, 7]


def test_passwords_are_argon2_and_sessions_close(reviews):
    stored = reviews.users.by_name("ani")["password_hash"]
    assert stored.startswith("$argon2id$") and MONITOR[1] not in stored
    assert reviews.users.verify("ani", "salah-sandi") is None and reviews.users.verify("nobody", "x" * 9) is None
    token = reviews.users.open_session(reviews.users.verify(*MONITOR)["id"])
    assert reviews.users.session_user(token)["name"] == "ani"
    assert token not in json.dumps(list(reviews.db["review_sessions"].rows))
    reviews.users.close_session(token)
    assert reviews.users.session_user(token) is None


def test_export_gold_records_follow_the_guidelines(reviews):
    ani = user(reviews, MONITOR)
    reviews.decide_flag(PROBOLINGGO, ani, "confirm")
    reviews.review_fact(ani, "figure", figure(reviews, PROBOLINGGO, "12 ASN")["id"], "correct",
                        {"election": "Pilkada 2024"})
    date = reviews.article_view(PROBOLINGGO)["facts"]["date"][0]
    reviews.review_fact(ani, "date", date["id"], "reject")
    reviews.decide_flag(SULSEL, ani, "dismiss")
    out = io.StringIO()
    assert reviews.export_gold(out) == 2
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    gold = records["warta-1"]
    assert gold["flag"] is True and gold["published"] == "2024-11-20" and gold["text"].startswith("PROBOLINGGO")
    assert {f["value"]: f["election"] for f in gold["figures"]} == {27: "Pilkada 2024", 12: "Pilkada 2024"}
    assert all(isinstance(f["value"], int) for f in gold["figures"])
    assert [d["value"] for d in gold["dates"]] == ["2024-11-20", "2024-11-27"]
    assert gold["officials"] == [{"name": "Siti Rahmawati", "position": "Ketua",
                                  "institution": "Bawaslu Kota Probolinggo"}]
    assert {"name": "BKN", "aliases": ["Badan Kepegawaian Negara"]} in gold["institutions"]
    assert records["warta-2"]["flag"] is False


def test_apply_reviews_hook_of_analyst_queries(reviews):
    ani = user(reviews, MONITOR)
    reviews.review_fact(ani, "figure", figure(reviews, KASN, "183 ASN")["id"], "correct", {"value": "185"})
    reviews.review_fact(ani, "figure", figure(reviews, KASN, "403 aduan pelanggaran netralitas ASN")["id"], "reject")
    reviews.decide_flag(SULSEL, ani, "dismiss")
    rows = apply_reviews(reviews.db, "figures", find_facts(reviews.db, "figures"))
    kasn = {(r["value"], r["review"]) for r in rows if r["article_id"] == KASN}
    assert kasn == {(185, "correct")}
    cues = apply_reviews(reviews.db, "flags", find_facts(reviews.db, "flags"))
    assert SULSEL not in {r["article_id"] for r in cues}
