"""End to end in headless Chromium: log in, queue, article, confirm the flag (key c), correct a figure, audit trail."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from review_helpers import MONITOR

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
STARTUP_S = 30

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                       reason="Debian chromium and chromium-driver are not installed "
                              "(apt-get install -y chromium chromium-driver)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(corpus_path, tmp_path):
    """`warta review` as a real subprocess on a free port; stopped (by its own pid) after the test."""
    port = free_port()
    log = open(tmp_path / "server.log", "w+")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "review", "--db", str(corpus_path),
                             "--port", str(port)], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            pytest.fail(f"warta review exited early: {log.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("warta review did not start listening in time")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,1700", f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    # An explicit driver path: selenium-manager never runs, nothing is downloaded.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def artifact_path(name: str) -> Path:
    folder = Path(os.environ.get("WARTA_ARTIFACTS") or REPO / "tests" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def wait_for(driver, condition, timeout=15):
    """Poll `condition`; elements of a page being replaced by the next one are simply looked up again."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait
    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, timeout, ignored_exceptions=ignored).until(condition)


def test_monitor_reviews_an_article_in_chromium(server, browser, corpus_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    found = lambda css: browser.find_element(By.CSS_SELECTOR, css)  # noqa: E731
    browser.get(server + "/")
    wait_for(browser, lambda d: "/login" in d.current_url)
    found("#name").send_keys(MONITOR[0])
    found("#password").send_keys(MONITOR[1] + Keys.ENTER)
    wait_for(browser, lambda d: d.find_elements(By.ID, "queue"))
    assert found("#queue-count").text == "3 articles"

    # The Sulsel article's body carries a <script>: it must show as text and never run.
    found("body").send_keys("j")  # select the first (newest) row, then open it
    assert "Bawaslu Sulsel Temukan" in found("tr.queue-item.selected").text
    found("body").send_keys("o")
    wait_for(browser, lambda d: "/article/2" in d.current_url and d.find_elements(By.ID, "article-body"))
    assert "<script>alert('xss')</script>" in found("#article-body").text
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text

    found("body").send_keys("j")  # next in the queue: the Probolinggo article
    wait_for(browser, lambda d: "/article/1" in d.current_url
             and "Bawaslu Kota Probolinggo" in d.find_element(By.ID, "article-title").text)
    assert found("mark.hl-figure").text.startswith("27 laporan")
    assert found("#extractor-version").text.startswith("test-0.1")

    found("body").send_keys("c")  # confirm the flag
    wait_for(browser, lambda d: "confirmed" in d.find_element(By.ID, "decision-state").text)
    assert found("#next-link").get_attribute("href").endswith("/article/4")  # the queue goes on past this one

    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#facts-figure tr.fact") if "12 ASN" in r.text)
    row_id = row.get_attribute("id")
    row.find_element(By.CSS_SELECTOR, "details.correct summary").click()
    value = row.find_element(By.NAME, "value")
    value.clear()
    value.send_keys("13")
    election = row.find_element(By.NAME, "election")
    election.clear()
    election.send_keys("Pilkada 2024")
    row.find_element(By.CSS_SELECTOR, "button.btn-correct").click()
    wait_for(browser, lambda d: "Figure corrected." in d.find_element(By.TAG_NAME, "body").text)

    assert found("#next-link").get_attribute("href").endswith("/article/4")  # no filter picked up from the form
    corrected = found(f"#{row_id}")
    assert corrected.find_element(By.CSS_SELECTOR, "ins.corrected").text == "13"
    assert "corrected" in corrected.find_element(By.CSS_SELECTOR, "td.state").text
    audit = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#audit tr.audit-row")]
    assert len(audit) == 2 and "fact:correct" in audit[0] and "flag:confirm" in audit[1]
    assert '"value": 12' in audit[0] and '"value": 13' in audit[0] and "ani" in audit[0]

    # The whole page in one picture: highlights, flag decision, corrected figure and audit trail.
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, min(int(height) + 150, 6000))
    shot = artifact_path("review_article.png")
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000

    # The correction reaches analysts' queries: `warta facts figures --reviewed`.
    facts = subprocess.run([sys.executable, "-m", "warta.cli", "facts", "figures", "--db", str(corpus_path),
                            "--reviewed", "--format", "json"], cwd=REPO, capture_output=True, text=True,
                           timeout=60, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert facts.returncode == 0, facts.stderr
    values = {(r["article_id"], r["value"]) for r in json.loads(facts.stdout)}
    assert (1, 13) in values and (1, 12) not in values and (1, 12.0) not in values
