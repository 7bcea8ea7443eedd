"""The desk in a real headless Chromium, beside the real pipeline: feed articles, watch an incident appear live,
open it, and see conflicting figures side by side and a claim highlighted at its offsets."""

import asyncio
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from claimwire.components import components_for
from claimwire.desk import serve_desk
from claimwire.embedded import free_port
from claimwire.settings import Settings
from claimwire.streams import publish_all
from tests.data.dedup.wire_set import ARTICLES, received

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1300,1800",
)
#: The wire set's hospital march: police say 3 arrested, the organisers 40 detained (a real conflict).
MARCH = ("mpa-dunmere-march", "ledger-dunmere-march", "vbc-dunmere-minister")

pytestmark = [
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="needs Debian's chromium and chromium-driver (bash .ci/run installs them: apt-get install chromium "
        "chromium-driver)",
    ),
]


@pytest.fixture
def desk_url(settings: Settings) -> Iterator[str]:
    """The desk with the ingest worker and dedup service on one broker, in a thread of its own, on a free port."""
    port, ready = free_port(), threading.Event()
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    pipeline = [*components_for("ingest", settings), *components_for("dedup", settings)]
    serving = threading.Thread(
        target=loop.run_until_complete,
        args=(serve_desk(settings, "127.0.0.1", port, also=pipeline, stop=stop, announce=lambda _: ready.set()),),
        daemon=True,
    )
    serving.start()
    assert ready.wait(60), "the desk did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        loop.call_soon_threadsafe(stop.set)
        serving.join(30)
        loop.close()


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    """Chromium through Debian's chromedriver; Selenium's own driver download is switched off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="desk-chromium-", dir=tmp_path)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.save_screenshot(str(tmp_path / "last.png"))
        driver.quit()


def _feed(settings: Settings, ids: tuple[str, ...]) -> None:
    async def publish() -> None:
        client = Redis.from_url(settings.url)
        try:
            articles = [received(a) for a in ARTICLES if a.article_id in ids]
            await publish_all(client, [(settings.articles_stream, a, a.article_id) for a in articles], maxlen=None)
        finally:
            await client.aclose()

    asyncio.run(publish())


def test_an_incident_appears_live_and_its_page_shows_conflicting_sources_and_claim_spans(
    settings: Settings, desk_url: str, browser: object
):
    """Fed while the list is open, the march shows up without a reload; its page sets the police's 3 beside the
    organisers' 40, marked conflicting, and highlights a claim exactly as its offsets say."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(browser, WebDriver)
    browser.get(desk_url + "/")
    WebDriverWait(browser, 20).until(ec.text_to_be_present_in_element((By.ID, "live"), "live"))
    assert "No incident yet" in browser.find_element(By.ID, "incidents").text
    browser.execute_script("window.__sameDocument = 'yes'")

    _feed(settings, MARCH)
    row = WebDriverWait(browser, 90).until(
        ec.presence_of_element_located((By.XPATH, "//tr[contains(@class,'incident')][.//a[contains(.,'Dunmere')]]"))
    )
    assert "yes" == browser.execute_script("return window.__sameDocument"), "the row came without a reload"
    # Let the three articles settle into their incident (each one is a new version), then open it.
    assert httpx.get(desk_url + "/readyz", timeout=5).status_code == 200
    deadline = time.monotonic() + 60
    while "3 articles" not in browser.find_element(By.ID, "incidents").text:
        assert time.monotonic() < deadline, browser.find_element(By.ID, "incidents").text
        time.sleep(0.3)
    row = browser.find_element(By.XPATH, "//tr[contains(@class,'incident')][contains(.,'3 articles')]")
    row.find_element(By.CSS_SELECTOR, "a.title").click()

    figure = WebDriverWait(browser, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".figure.conflicting[data-kind='arrested']"))
    )
    current = figure.find_elements(By.CSS_SELECTOR, ".report:not(.superseded)")
    by_value = {r.find_element(By.CLASS_NAME, "value").text: r for r in current}
    assert {"3", "40"} <= set(by_value)
    police, organisers = by_value["3"], by_value["40"]
    assert "police" in police.text.lower() and "maternity" in organisers.text.lower()
    assert abs(police.rect["y"] - organisers.rect["y"]) < 2, "the two sources' values stand on one line"
    assert police.rect["x"] != organisers.rect["x"], "side by side"

    marks = browser.find_elements(By.CSS_SELECTOR, "mark.claim")
    assert marks, "claims are highlighted in their article's text"
    claim_id = marks[0].get_attribute("data-claims").split()[0]
    claim = httpx.get(f"{desk_url}/api/claims/{claim_id}", timeout=5).json()
    highlighted = "".join(
        m.text for m in marks if claim_id in (m.get_attribute("data-claims") or "").split()
    )
    assert claim["text"].replace("\n", " ").split() == highlighted.replace("\n", " ").split()
