"""The web UI in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium):
paste the seed article, code it, see the two camps, click Russia -> Libyan National Army, read the
evidence; a screenshot goes to test-artifacts/browser-seed.png.

`make test` installs chromium (the `browser` target); without it this test fails with how to install it.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SEED_DATE = "2019-12-27"
LNA_CAMP = {"Libyan National Army", "Russia", "United Arab Emirates", "Egypt"}
GNA_CAMP = {"Government of National Accord", "Turkey"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    import uvicorn

    from konflikt.api import create_app
    from konflikt.config import Settings

    app = create_app(Settings(), str(tmp_path_factory.mktemp("web") / "k.duckdb"))
    app.state.konflikt._coder = coder
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM or not Path(CHROMEDRIVER).exists():
        pytest.fail("headless Chromium is needed: run `make browser` (as root: apt-get install -y chromium "
                    "chromium-driver)", pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1100", "--lang=en-US"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()


def test_seed_article_in_the_browser(server, browser, shared_dir):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    seed = (shared_dir / "seed" / "000_55b182ca055ce355.txt").read_text(encoding="utf-8")
    drv = browser
    wait = WebDriverWait(drv, 120)
    drv.get(server + "/")
    wait.until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))

    # paste the article (set the value: send_keys of 5,000 characters is slow) and a date
    drv.execute_script("const t = document.querySelector('#paste-text'); t.value = arguments[0];"
                       "t.dispatchEvent(new Event('input'));", seed)
    drv.execute_script("document.querySelector('#paste-date').value = arguments[0];", SEED_DATE)
    drv.find_element(By.ID, "paste-submit").click()
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "svg#network").get_attribute("data-mode") == "paste"
               and d.find_element(By.CSS_SELECTOR, "svg#network").get_attribute("data-state") == "ready")
    assert "error" not in drv.find_element(By.ID, "status").get_attribute("class")

    # the two camps: one colour for LNA/Russia/UAE/Egypt, another for GNA/Turkey
    nodes = {n.get_attribute("data-name"): (n.get_attribute("data-camp"), n.get_attribute("data-colour"))
             for n in drv.find_elements(By.CSS_SELECTOR, "svg#network g.node")}
    assert set(nodes) >= LNA_CAMP | GNA_CAMP, sorted(nodes)
    lna = {nodes[m] for m in LNA_CAMP}
    gna = {nodes[m] for m in GNA_CAMP}
    assert len(lna) == 1 and len(gna) == 1 and lna != gna, (lna, gna)
    assert all(camp != "" for camp, _colour in lna | gna)
    for n in drv.find_elements(By.CSS_SELECTOR, "svg#network g.node circle"):  # the colour is what is drawn
        assert n.get_attribute("fill") == n.find_element(By.XPATH, "..").get_attribute("data-colour")

    # click the Russia -> Libyan National Army edge; the evidence shows the sentence, trigger marked
    ids = {n.get_attribute("data-name"): n.get_attribute("data-node")
           for n in drv.find_elements(By.CSS_SELECTOR, "svg#network g.node")}
    edge = drv.find_element(By.CSS_SELECTOR,
                            f'svg#network [data-edge="{ids["Russia"]}->{ids["Libyan National Army"]}"]')
    assert edge.get_attribute("data-kind") == "cooperative"
    assert edge.get_attribute("stroke") == "#2ca02c"
    drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", edge)
    try:
        edge.click()
    except Exception:  # noqa: BLE001 - a label over the line's midpoint: click the line itself
        drv.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
    wait.until(EC.text_to_be_present_in_element((By.ID, "evidence"), "ryssarnas militära stöd"))
    items = drv.find_elements(By.CSS_SELECTOR, "#evidence li.event")
    hit = next(li for li in items if "ryssarnas militära stöd" in li.text)
    assert hit.find_element(By.CSS_SELECTOR, "mark.trigger").text.strip()
    assert SEED_DATE[:4] in hit.find_element(By.CSS_SELECTOR, ".meta").text

    # the map has outlines and event dots
    assert len(drv.find_elements(By.CSS_SELECTOR, "svg#map path.country")) > 100
    assert drv.find_elements(By.CSS_SELECTOR, "svg#map circle.event-dot")

    # the language switch
    from selenium.webdriver.support.ui import Select

    Select(drv.find_element(By.ID, "ui-lang")).select_by_value("sv")
    wait.until(lambda d: d.find_element(By.ID, "paste-submit").text == "Koda")
    ARTIFACTS.mkdir(exist_ok=True)
    drv.save_screenshot(str(ARTIFACTS / "browser-seed.png"))
    Select(drv.find_element(By.ID, "ui-lang")).select_by_value("en")
    wait.until(lambda d: d.find_element(By.ID, "paste-submit").text == "Code it")
