"""The built site, opened from disk in Debian's headless Chromium (Playwright, no download).

Checks what a partner sees: every operation and webhook of the docs variant is on the
reference page with its curl, Python and JavaScript samples, the console sends a request to
a running sandbox with the credentials typed into the form and shows the answer's status, a
dark theme can be chosen and holds on every page, search and deep links find operations and
guide sections, the changelog is linked from every page, and nothing is requested beyond
file:// (and data:/blob:) except the server chosen in the console. No page logs a console
error. Screenshots of the reference go to reports/docs/ (and the test's tmp_path).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from scripts.docs import renderer
from scripts.docs.ensure_chromium import CHROMIUM
from scripts.pipeline.codesamples import LANGUAGES
from signly_sandbox.config import PAGE_TENANT_ID, SECOND_API_KEY, SECOND_TENANT_ID
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
RENDERED = 30_000
LABELS = [label for _, label in LANGUAGES.values()]
WEBHOOK = "receive_process_event"


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

    def __init__(self, browser: Browser, *allowed: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page: Page = self.context.new_page()
        self.allowed = (*OFFLINE_SCHEMES, *allowed)
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.errors.append(f"failed: {request.url}"))
        self.page.on("response", self._response)

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "assert"):
            self.errors.append(f"console.{message.type}: {message.text}")

    def open_reference(self, site: Path, fragment: str = "") -> None:
        self.page.goto((site / "index.html").as_uri() + fragment)
        last = renderer.element_id(renderer.operation_fragment("events", "list_process_events"))
        self.page.locator(f"[id='{last}']").wait_for(state="attached", timeout=RENDERED)

    def check_clean(self) -> None:
        assert self.errors == []
        online = [url for url in self.requests if not url.startswith(self.allowed)]
        assert online == [], "the site must not touch the network"

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def variant(site_dir: Path) -> Any:
    text = (site_dir / "index.html").read_text(encoding="utf-8")
    start = text.index('type="application/json">') + len('type="application/json">')
    return json.loads(text[start : text.index("</script>", start)])


def _fragments(variant: Any) -> dict[str, str]:
    """operationId -> its deep link on the page (the URL fragment)."""
    found = {
        operation["operationId"]: renderer.operation_fragment(
            operation["tags"][0], operation["operationId"]
        )
        for item in variant["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    for name, item in variant.get("webhooks", {}).items():
        operation = item["post"]
        found[operation["operationId"]] = renderer.webhook_fragment(operation["tags"][0], name)
    return found


def _section(page: Page, fragment: str) -> Any:
    return page.locator(f"[id='{renderer.element_id(fragment)}']")


def test_reference_shows_every_operation_with_its_samples(
    browser: Browser, site_dir: Path, variant: Any, tmp_path: Path
) -> None:
    watched = Watched(browser)
    page = watched.page
    watched.open_reference(site_dir)
    operations = operations_by_id(variant)
    assert len(operations) >= 24
    fragments = _fragments(variant)
    for operation_id, operation in operations.items():
        section = _section(page, fragments[operation_id])
        assert section.count() == 1, f"{operation_id} is not on the page"
        section.scroll_into_view_if_needed()  # sections out of view are drawn lazily
        section.get_by_text(operation["summary"]).first.wait_for(timeout=RENDERED)
        if operation_id == WEBHOOK:  # Scalar has no picker on webhooks: they are inline
            text = section.inner_text()
            for sample in operation["x-codeSamples"]:
                assert sample["source"].splitlines()[-1].strip() in text, sample["label"]
            continue
        # The section shows the first of its samples, the others are in its language picker
        # (the page's spec gives every operation its three: tests/docs/test_samples.py).
        assert [s["label"] for s in operation["x-codeSamples"]] == LABELS, operation_id
        picker = section.get_by_role("button", name="Change code sample language: curl")
        assert picker.count() == 1, operation_id
    # The picker offers our samples and only them; the JavaScript one shows its code.
    section = _section(page, fragments["publish_document"])
    section.scroll_into_view_if_needed()
    section.get_by_role("button", name="Change code sample language").click()
    assert [o.strip() for o in page.get_by_role("option").all_inner_texts()] == LABELS
    page.get_by_role("option", name="JavaScript").click()
    assert "await fetch(`${baseUrl}/v1/documents`" in section.inner_text()
    assert "sandbox-only" not in section.inner_text()
    # Schemas, the security schemes and the error table are on the page too.
    for name in variant["components"]["schemas"]:
        assert _section(page, renderer.schema_fragment(name)).count() == 1, name
    assert page.get_by_text("X-Tenant-Signly", exact=True).count() >= 1
    assert page.get_by_role("table").filter(has_text="unauthorized").count() == 1
    page.wait_for_timeout(300)  # let the highlighted code settle for the picture
    REPORTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=tmp_path / "reference.png")
    shutil.copyfile(tmp_path / "reference.png", REPORTS / "reference.png")
    watched.check_clean()
    watched.close()


def _fill(page: Page, current: str, new: str) -> None:
    """Replace the value of the form field that holds `current`."""
    field = page.evaluate_handle(
        "value => [...document.querySelectorAll('input')].find(e => e.value === value)", current
    ).as_element()
    assert field is not None, f"no field holds {current!r}"
    field.fill(new)


def test_the_console_sends_a_request_to_the_sandbox(
    browser: Browser, site_dir: Path, variant: Any, console_sandbox_url: str, tmp_path: Path
) -> None:
    """The partner picks the sandbox's port, enters their tenant and key once and sends
    List templates from its console: the sandbox answers as that tenant and the console
    shows the status. Nothing but the chosen server is called."""
    port = console_sandbox_url.rsplit(":", 1)[1]
    watched = Watched(browser, console_sandbox_url)
    page = watched.page
    watched.open_reference(site_dir)
    assert page.get_by_text("http://127.0.0.1:{port}").first.is_visible()  # the default server
    _fill(page, "8080", port)
    _fill(page, PAGE_TENANT_ID, SECOND_TENANT_ID)
    key = page.evaluate("[...document.querySelectorAll('input')].map(e => e.value)")
    current_key = next(value for value in key if value.startswith("sk_"))
    _fill(page, current_key, SECOND_API_KEY)
    section = _section(page, _fragments(variant)["list_templates"])
    section.scroll_into_view_if_needed()
    with page.expect_response(re.compile(re.escape(console_sandbox_url) + "/v1/templates")) as sent:
        section.get_by_role("button", name="Test Request").click()
        page.get_by_role("button", name="Send").first.click()
    answer = sent.value
    assert answer.status == 200
    assert answer.request.headers["x-tenant-signly"] == SECOND_TENANT_ID
    assert answer.request.headers["x-auth-signly"] == SECOND_API_KEY
    assert answer.json()["meta"]["tenant_id"] == SECOND_TENANT_ID
    page.get_by_text("200 OK").first.wait_for(timeout=RENDERED)
    assert page.get_by_text('"templates_listed"').count() >= 1
    page.screenshot(path=tmp_path / "console.png")
    shutil.copyfile(tmp_path / "console.png", REPORTS / "console.png")
    watched.check_clean()
    watched.close()


def test_a_dark_theme_can_be_chosen_and_holds_on_every_page(
    browser: Browser, site_dir: Path
) -> None:
    watched = Watched(browser)
    page = watched.page
    watched.open_reference(site_dir)
    light = page.evaluate("getComputedStyle(document.querySelector('.scalar-app')).color")
    page.get_by_role("button", name="Dark theme").click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("document.body.classList.contains('dark-mode')")
    assert page.evaluate("getComputedStyle(document.querySelector('.scalar-app')).color") != light
    page.screenshot(path=REPORTS / "reference-dark.png")
    page.get_by_role("link", name="Changelog").click()
    page.wait_for_url("**/changelog.html")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    page.get_by_role("button", name="Light theme").click()
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    watched.check_clean()
    watched.close()


def test_search_and_deep_links_reach_operations_and_guide_sections(
    browser: Browser, site_dir: Path, variant: Any
) -> None:
    watched = Watched(browser)
    page = watched.page
    fragments = _fragments(variant)
    # Search from a guide: the first hit for an operation's summary is that operation.
    page.goto((site_dir / "guides" / "pagination.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("publish a signing document")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/index.html#{fragments['publish_document']}")
    _in_view(page, fragments["publish_document"])
    # From the reference itself, a hit scrolls the open page.
    page.fill("#site-search", "cancel a document")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/index.html#{fragments['cancel_document']}")
    _in_view(page, fragments["cancel_document"])
    # A guide section is found by its words and opened at its heading.
    page.fill("#site-search", "opaque cursor")
    hit = page.locator("#search-results a").first
    assert "Guide" in hit.inner_text()
    hit.click()
    page.wait_for_url("**/guides/pagination.html#*")
    fragment = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"main.page [id='{fragment}']").count() == 1
    # Every operation has a deep link; Redoc's old links still land on the operation.
    for operation_id in ("create_template", "receive_process_event"):
        watched.open_reference(site_dir, f"#{fragments[operation_id]}")
        _in_view(page, fragments[operation_id])
    page.goto("about:blank")  # a link from elsewhere: the page loads anew
    watched.open_reference(site_dir, "#tag/documents/operation/get_document")
    _in_view(page, fragments["get_document"])
    watched.check_clean()
    watched.close()


def _in_view(page: Page, fragment: str) -> None:
    """Wait until the section of `fragment` is scrolled to the top part of the window."""
    page.wait_for_function(
        "id => { const e = document.getElementById(id); if (!e) return false;"
        " const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < 300; }",
        arg=renderer.element_id(fragment),
        timeout=RENDERED,
    )


def test_guides_render_offline_with_deep_links(
    browser: Browser, site_dir: Path, variant: Any
) -> None:
    guides = sorted((site_dir / "guides").glob("*.html"))
    assert {g.stem for g in guides} >= {
        "authentication", "envelope-and-errors", "pagination", "uploading-a-template-pdf",
        "events-and-webhooks", "running-the-sandbox",
    }  # fmt: skip
    reference_links = set(_fragments(variant).values())
    watched = Watched(browser)
    for guide in guides:
        watched.page.goto(guide.as_uri())
        assert watched.page.locator("main.guide h1").count() == 1, guide.name
        for heading in watched.page.locator("main.guide :is(h2, h3)").all():
            anchor = heading.locator("a.anchor")
            assert anchor.get_attribute("href") == f"#{heading.get_attribute('id')}", guide.name
        for link in watched.page.locator("main.guide a[href]").all():
            href = link.get_attribute("href") or ""
            if href.startswith(("http", "#")):
                continue
            path, _, fragment = href.partition("#")
            target = (guide.parent / path).resolve()
            assert target.is_file(), f"{guide.name}: broken link {href}"
            if target.name == "index.html" and fragment:
                assert fragment in reference_links, f"{guide.name}: no operation at {href}"
    watched.page.goto((site_dir / "guides" / "authentication.html").as_uri())
    watched.page.get_by_role("link", name="API reference").click()
    watched.page.wait_for_selector("[id*='/tag/']", state="attached", timeout=RENDERED)
    watched.check_clean()
    watched.close()


def test_the_changelog_is_linked_and_lists_breaking_changes_first(
    browser: Browser, site_dir: Path
) -> None:
    watched = Watched(browser)
    page = watched.page
    for start in ("index.html", "guides/pagination.html"):
        page.goto((site_dir / start).as_uri())
        page.get_by_role("link", name="Changelog").click()
        page.wait_for_url("**/changelog.html")
    assert page.locator("h1").inner_text() == "API changelog"
    releases = page.locator("section.release")
    assert releases.count() >= 1
    for release in releases.all():
        headings = release.locator("h4").all_inner_texts()
        order = ["Breaking changes", "Warnings", "Other changes"]
        assert headings == [h for h in order if h in headings], headings
    watched.check_clean()
    watched.close()


def test_the_site_works_from_a_static_host(browser: Browser, site_dir: Path) -> None:
    """Served by a plain static server on loopback (where Scalar would switch on its agent
    and developer tools, were they not configured off), the pages load nothing from
    anywhere else and log no error."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        watched = Watched(browser, host)
        page = watched.page
        page.goto(host + "index.html")
        last = renderer.element_id(renderer.operation_fragment("events", "list_process_events"))
        page.locator(f"[id='{last}']").wait_for(state="attached", timeout=RENDERED)
        page.get_by_role("link", name="Changelog").click()
        page.wait_for_url("**/changelog.html")
        page.goto(host + "llms.txt")
        assert page.locator("body").inner_text().startswith("# Signly Partner API")
        watched.check_clean()
        watched.close()
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
