"""The review web app through Flask's test client: login, CSRF, roles, escaping, filters, decisions."""
from __future__ import annotations

import re

import pytest

from review_helpers import MONITOR, csrf_token, login

PROBOLINGGO, SULSEL = 1, 2


@pytest.mark.parametrize("path", ["/", "/article/1", "/?outlet=kabarjatim.example"])
def test_pages_need_login(app, path):
    response = app.test_client().get(path)
    assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")


def test_post_without_login_changes_nothing(app, reviews):
    client = app.test_client()
    token = csrf_token(client)
    response = client.post(f"/article/{PROBOLINGGO}/flag", data={"decision": "confirm", "csrf_token": token})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert reviews.decision(PROBOLINGGO) is None


def test_wrong_password_is_refused(app):
    client = app.test_client()
    response = login(client, MONITOR[0], "bukan-sandinya")
    assert response.status_code == 401 and "Wrong name or password" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302
    assert login(client, "tidak-ada", "apa-saja-123").status_code == 401


def test_login_sets_a_hardened_cookie_and_logout_ends_the_session(app):
    client = app.test_client()
    response = login(client, *MONITOR)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie
    assert client.get("/").status_code == 200
    stolen = client.get_cookie("warta_review").value
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    replay = app.test_client()
    replay.set_cookie("warta_review", stolen)
    assert replay.get("/").status_code == 302  # the server-side session is gone, the old cookie is worthless


def test_cookie_is_secure_when_not_on_localhost(corpus_path):
    from warta.review import create_app

    app = create_app(str(corpus_path), secure_cookies=True, secret_key="x" * 32)
    client = app.test_client()
    base = "https://review.example"
    page = client.get("/login", base_url=base).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"name": MONITOR[0], "password": MONITOR[1], "csrf_token": token},
                           base_url=base, headers={"Referer": base + "/login"})
    assert response.status_code == 302 and "Secure" in response.headers["Set-Cookie"]


def test_login_next_only_redirects_within_the_site(app):
    client = app.test_client()
    token = csrf_token(client)
    response = client.post("/login?next=//evil.example/x", data={"name": MONITOR[0], "password": MONITOR[1],
                                                                 "csrf_token": token})
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("data", [{}, {"csrf_token": "forged"}, {"csrf_token": "IjE2YjY.ZxYz.abc"}])
def test_forged_forms_without_a_valid_token_are_refused(monitor, reviews, data):
    response = monitor.post(f"/article/{PROBOLINGGO}/flag", data={"decision": "confirm", **data})
    assert response.status_code == 400 and "Form refused" in response.get_data(as_text=True)
    fact_id = reviews.article_view(PROBOLINGGO)["facts"]["figure"][0]["id"]
    response = monitor.post(f"/article/{PROBOLINGGO}/fact",
                            data={"kind": "figure", "fact_id": fact_id, "action": "correct", "value": "1", **data})
    assert response.status_code == 400
    assert reviews.decision(PROBOLINGGO) is None and reviews.db["fact_corrections"].count == 0


def test_token_of_another_session_is_refused(app, monitor, reviews):
    other = app.test_client()
    foreign_token = csrf_token(other)
    response = monitor.post(f"/article/{PROBOLINGGO}/flag", data={"decision": "confirm", "csrf_token": foreign_token})
    assert response.status_code == 400 and reviews.decision(PROBOLINGGO) is None


def test_script_in_a_body_is_escaped(monitor):
    page = monitor.get(f"/article/{SULSEL}").get_data(as_text=True)
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/review.js" defer>']


def test_pages_send_a_strict_content_security_policy(monitor):
    response = monitor.get(f"/article/{SULSEL}")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("value", ["' OR 1=1 --", "%", "_", "\"; DROP TABLE articles; --", "<script>x</script>"])
def test_sql_and_markup_in_filters(monitor, reviews, value):
    for name in ("outlet", "election", "institution", "region"):
        response = monitor.get("/", query_string={name: value})
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and "0 articles" in page and "<script>x" not in page
    assert reviews.db["articles"].count == 4


def test_queue_is_filtered_and_links_to_articles(monitor):
    page = monitor.get("/", query_string={"region": "Probolinggo"}).get_data(as_text=True)
    assert "1 article" in page and "/article/1?region=Probolinggo" in page and "Sulsel" not in page


def test_article_page_shows_evidence(monitor):
    page = monitor.get(f"/article/{PROBOLINGGO}").get_data(as_text=True)
    assert 'class="hl hl-official"' in page and 'class="hl hl-institution"' in page
    assert 'class="hl hl-date"' in page and "hl-figure" in page and "hl-cue" in page
    assert "test-0.1" in page and "pelanggaran netralitas ASN" in page
    assert 'href="https://www.kabarjatim.example/pilkada/bawaslu-probolinggo-catat-27-laporan"' in page
    assert "s0 [80–124)" in page  # the figure's sentence and character offsets


def test_monitor_confirms_flag_and_corrects_a_figure(monitor, reviews):
    token = csrf_token(monitor, f"/article/{PROBOLINGGO}")
    response = monitor.post(f"/article/{PROBOLINGGO}/flag", data={"decision": "confirm", "note": "Sesuai laporan.",
                                                                  "csrf_token": token})
    assert response.status_code == 302
    fact = next(f for f in reviews.article_view(PROBOLINGGO)["facts"]["figure"] if f["text"] == "12 ASN")
    response = monitor.post(f"/article/{PROBOLINGGO}/fact", follow_redirects=True, data={
        "kind": "figure", "fact_id": fact["id"], "action": "correct", "value": "13", "unit": "ASN",
        "violation": "netralitas ASN", "election": "Pilkada 2024", "csrf_token": token})
    page = response.get_data(as_text=True)
    assert "Figure corrected." in page
    assert '<ins class="corrected">13</ins>' in page and "flag:confirm" in page and "fact:correct" in page
    assert reviews.decision(PROBOLINGGO)["flag_decision"] == "confirm"


def test_bad_correction_shows_a_message(monitor, reviews):
    token = csrf_token(monitor, f"/article/{PROBOLINGGO}")
    fact = reviews.article_view(PROBOLINGGO)["facts"]["figure"][0]
    page = monitor.post(f"/article/{PROBOLINGGO}/fact", follow_redirects=True, data={
        "kind": "figure", "fact_id": fact["id"], "action": "correct", "value": "banyak", "csrf_token": token,
    }).get_data(as_text=True)
    assert "write a number" in page and reviews.db["fact_corrections"].count == 0


def test_fact_of_another_article_is_refused(monitor, reviews):
    token = csrf_token(monitor, f"/article/{PROBOLINGGO}")
    other = reviews.article_view(SULSEL)["facts"]["figure"][0]
    page = monitor.post(f"/article/{PROBOLINGGO}/fact", follow_redirects=True, data={
        "kind": "figure", "fact_id": other["id"], "action": "reject", "csrf_token": token}).get_data(as_text=True)
    assert "not a fact of this article" in page and reviews.db["fact_corrections"].count == 0


def test_viewer_reads_but_cannot_decide(viewer, reviews):
    page = viewer.get(f"/article/{PROBOLINGGO}").get_data(as_text=True)
    assert "confirm-flag" not in page and "Save correction" not in page
    token = csrf_token(viewer, "/")
    response = viewer.post(f"/article/{PROBOLINGGO}/flag", data={"decision": "confirm", "csrf_token": token})
    assert response.status_code == 403 and reviews.decision(PROBOLINGGO) is None


def test_unknown_article_is_404(monitor):
    assert monitor.get("/article/999").status_code == 404


def test_decisions_keep_the_queue_filters(monitor, reviews):
    token = csrf_token(monitor, f"/article/{PROBOLINGGO}?region=Probolinggo")
    fact = next(f for f in reviews.article_view(PROBOLINGGO)["facts"]["figure"] if f["text"] == "12 ASN")
    response = monitor.post(f"/article/{PROBOLINGGO}/fact", data={
        "kind": "figure", "fact_id": fact["id"], "action": "correct", "value": "12", "election": "Pilkada 2024",
        "filter_region": "Probolinggo", "csrf_token": token})
    assert response.headers["Location"] == f"/article/{PROBOLINGGO}?region=Probolinggo"
