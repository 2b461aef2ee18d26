"""The built site, opened from disk in Debian's headless Chromium (Playwright, no download).

Checks what a partner sees with no network: every operation and webhook of the docs variant
is on the reference page with its curl and Python samples, the guides render, the bundled
spec is downloadable, nothing is requested beyond file:// (and Redoc's own blob: worker),
and no page logs a console error. A screenshot of the reference goes to reports/docs/ (and
the test's tmp_path).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from scripts.docs.ensure_chromium import CHROMIUM
from scripts.pipeline.yamlio import load_yaml
from tests.lib import REPO_ROOT
from tests.lib.spec import operations_by_id

pytestmark = pytest.mark.slow

# The flags that work on these machines (env/machines/python.md); Playwright adds
# --headless and a fresh temporary profile (user data dir) itself.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
OFFLINE_SCHEMES = ("file:", "data:", "blob:")
REPORTS = REPO_ROOT / "reports" / "docs"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `python -m scripts.docs.ensure_chromium` (root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class Watched:
    """A page with every console error, page error and request it made recorded."""

    def __init__(self, browser: Browser) -> None:
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.errors.append(f"failed: {request.url}"))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "assert"):
            self.errors.append(f"console.{message.type}: {message.text}")

    def check_clean(self) -> None:
        assert self.errors == []
        online = [url for url in self.requests if not url.startswith(OFFLINE_SCHEMES)]
        assert online == [], "the site must not touch the network"


@pytest.fixture(scope="module")
def variant(site_dir: Path) -> Any:
    text = (site_dir / "index.html").read_text(encoding="utf-8")
    start = text.index('type="application/json">') + len('type="application/json">')
    return json.loads(text[start : text.index("</script>", start)])


def test_reference_shows_every_operation_with_its_samples(
    browser: Browser, site_dir: Path, variant: Any, tmp_path: Path
) -> None:
    watched = Watched(browser)
    page = watched.page
    page.goto((site_dir / "index.html").as_uri())
    page.wait_for_selector("[data-section-id^='operation/']", timeout=30_000)
    operations = operations_by_id(variant)
    assert len(operations) >= 24
    for operation_id, operation in operations.items():
        section = page.locator(f"[data-section-id='operation/{operation_id}']")
        assert section.count() == 1, f"{operation_id} is not on the page"
        assert operation["summary"] in section.inner_text(), operation_id
        tabs = section.get_by_role("tab")
        assert tabs.filter(has_text="curl").count() == 1, f"{operation_id}: no curl tab"
        assert tabs.filter(has_text="Python").count() == 1, f"{operation_id}: no Python tab"
    # Show one operation's Python sample and check its code is really visible.
    section = page.locator("[data-section-id='operation/publish_document']")
    section.scroll_into_view_if_needed()
    section.get_by_role("tab").filter(has_text="Python").click()
    code = section.get_by_role("tabpanel").filter(has_text="client.publish_document(")
    assert code.first.is_visible()
    assert "signly_client" in code.first.inner_text()
    # Schemas, security schemes and the error table are on the page too.
    for name in variant["components"]["schemas"]:
        assert page.locator(f"[data-section-id='tag/schema-{name}']").count() == 1, name
    for name in variant["components"]["securitySchemes"]:
        assert page.locator(f"[data-section-id='section/Authentication/{name}']").count() == 1
    assert page.locator("[data-section-id='tag/errors'] table").count() == 1
    page.wait_for_timeout(300)  # let the highlighted code settle for the picture
    REPORTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=tmp_path / "reference.png")
    shutil.copyfile(tmp_path / "reference.png", REPORTS / "reference.png")
    watched.check_clean()
    watched.page.close()


def test_guides_render_offline(browser: Browser, site_dir: Path) -> None:
    guides = sorted((site_dir / "guides").glob("*.html"))
    assert {g.stem for g in guides} >= {
        "authentication", "envelope-and-errors", "pagination", "uploading-a-template-pdf",
        "events-and-webhooks", "running-the-sandbox",
    }  # fmt: skip
    watched = Watched(browser)
    for guide in guides:
        watched.page.goto(guide.as_uri())
        assert watched.page.locator("main.guide h1").count() == 1, guide.name
        for link in watched.page.locator("main.guide a[href]").all():
            href = link.get_attribute("href") or ""
            if not href.startswith(("http", "#")):
                target = (guide.parent / href.split("#")[0]).resolve()
                assert target.is_file(), f"{guide.name}: broken link {href}"
    watched.page.goto((site_dir / "guides" / "authentication.html").as_uri())
    watched.page.get_by_role("link", name="API reference").click()
    watched.page.wait_for_selector("[data-section-id^='operation/']", timeout=30_000)
    watched.check_clean()
    watched.page.close()


def test_the_bundled_spec_is_published(site_dir: Path) -> None:
    yaml_file, json_file = site_dir / "openapi.yaml", site_dir / "openapi.json"
    spec = load_yaml(yaml_file)
    assert spec == json.loads(json_file.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1") and "x-codeSamples" not in yaml_file.read_text()
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="openapi.yaml"' in index and 'href="openapi.json"' in index
    redoc = (site_dir / "assets" / "redoc.standalone.js").read_text(encoding="utf-8")
    assert "cdn.redoc.ly" not in redoc, "the offline patch of Redoc was not applied"
