"""The files of the built site, read without a browser: the bundled spec, the pinned renderer
and its offline options, the changelog over a repository's history, and the pages for AI
coding assistants (llms.txt, one Markdown page per operation)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from scripts.docs import build, changelog, renderer
from scripts.pipeline.yamlio import load_yaml
from signly_sandbox import config
from tests.lib.gitrepo import ITEM, commit, git, init
from tests.lib.spec import operations_by_id

LINK = re.compile(r"^- \[([^\]]+)\]\(([^)]+)\): (.+)$")


@pytest.fixture(scope="module")
def variant(site_dir: Path) -> Any:
    text = (site_dir / "index.html").read_text(encoding="utf-8")
    start = text.index('type="application/json">') + len('type="application/json">')
    return json.loads(text[start : text.index("</script>", start)])


def test_the_console_is_prefilled_with_the_sandbox_example_tenant() -> None:
    assert (build.PAGE_TENANT_ID, build.PAGE_API_KEY, build.PAGE_ADMIN_TOKEN) == (
        config.PAGE_TENANT_ID, config.PAGE_API_KEY, config.PAGE_ADMIN_TOKEN
    )  # fmt: skip


def test_the_renderer_is_pinned_and_configured_offline() -> None:
    """The console calls servers directly and nothing else of Scalar's talks to the network."""
    assert renderer.VERSION == "1.76.0" and renderer.INTEGRITY.startswith("sha512-")
    options = renderer.OPTIONS
    assert options["withDefaultFonts"] is False and options["telemetry"] is False
    assert options["agent"] == {"disabled": True} and options["mcp"] == {"disabled": True}
    assert options["showDeveloperTools"] == "never" and options["hideClientButton"] is True
    assert options["hiddenClients"] is True, "only the tested samples are shown"
    assert "proxyUrl" not in options and options["persistAuth"] is False


@pytest.mark.slow
def test_the_site_ships_the_pinned_renderer_and_the_bundled_spec(site_dir: Path) -> None:
    bundle = (site_dir / renderer.BUNDLE).read_bytes()
    assert b"sourceMappingURL" not in bundle[-200:]
    assert "MIT License" in (site_dir / renderer.LICENSE).read_text(encoding="utf-8")
    yaml_file, json_file = site_dir / "openapi.yaml", site_dir / "openapi.json"
    spec = load_yaml(yaml_file)
    assert spec == json.loads(json_file.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1") and "x-codeSamples" not in yaml_file.read_text()
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    for href in ("openapi.yaml", "openapi.json", "llms.txt", "changelog.html"):
        assert f'href="{href}"' in index, href


@pytest.mark.slow
def test_the_console_defaults_to_the_sandbox(variant: Any) -> None:
    servers = [server["url"] for server in variant["servers"]]
    assert servers[0] == "http://127.0.0.1:{port}" and "https://api.signly.apologs.com" in servers


@pytest.mark.slow
def test_llms_txt_lists_every_operation_guide_and_file(site_dir: Path, variant: Any) -> None:
    """The llmstxt.org format: H1, blockquote, then H2 sections of links, Optional last."""
    text = (site_dir / "llms.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# {variant['info']['title']}" and lines[2].startswith("> ")
    sections = [line[3:] for line in lines if line.startswith("## ")]
    assert sections == ["Operations", "Guides", "Files", "Optional"]
    links = [LINK.match(line) for line in lines if line.startswith("- [")]
    assert all(links), "every list item is a `- [title](url): notes` link"
    urls = [match.group(2) for match in links if match]
    for url in urls:
        assert (site_dir / url).is_file(), url
    for operation_id in operations_by_id(variant):
        assert f"reference/{operation_id}.md" in urls, operation_id
    guides = {path.stem for path in (site_dir / "guides").glob("*.html")}
    assert {url[7:-3] for url in urls if url.startswith("guides/")} == guides


@pytest.mark.slow
def test_each_operation_has_a_markdown_page(site_dir: Path, variant: Any) -> None:
    for operation_id, operation in operations_by_id(variant).items():
        text = (site_dir / "reference" / f"{operation_id}.md").read_text(encoding="utf-8")
        assert text.startswith(f"# {operation['summary']}\n"), operation_id
        assert "## Responses" in text and "## Sample (curl)" in text, operation_id
        assert "sandbox-only" not in text and "_sandbox" not in text, operation_id
        if "requestBody" in operation:
            assert "## Request body" in text and "| property |" in text, operation_id
    publish = (site_dir / "reference" / "publish_document.md").read_text(encoding="utf-8")
    assert "`POST /v1/documents`" in publish
    assert "| `participants[].identity.email` | string (email) | no |" in publish
    assert "### 402" in publish and "`insufficient_credits`" in publish
    listing = (site_dir / "reference" / "list_documents.md").read_text(encoding="utf-8")
    assert "| `limit` | query | integer | no |" in listing
    guide = (site_dir / "guides" / "events-and-webhooks.md").read_text(encoding="utf-8")
    assert "](../reference/publish_document.md)" in guide and "](running-the-sandbox.md)" in guide


# --------------------------------------------------------------------------- changelog


@pytest.fixture
def history_repo(tmp_path: Path) -> Path:
    """A spec, then a breaking change (a response value added), then a change to a file of
    spec/ that is not the API."""
    repo = init(tmp_path / "repo")
    wider = ITEM.replace("[OPEN, CLOSED]", "[OPEN, CLOSED, ARCHIVED]")
    commit(repo, {"spec/components/schemas/Item.yaml": wider}, "widen status")
    commit(repo, {"spec/DECISIONS.md": "# Decisions\n"}, "notes")
    return repo


def test_the_changelog_compares_each_commit_that_changed_the_spec(
    history_repo: Path, tmp_path: Path
) -> None:
    entries = changelog.history(history_repo, tmp_path / "cache")
    listed, unlisted = changelog.split(entries)
    assert (len(listed), unlisted) == (1, 1)
    [entry] = listed
    assert entry.document["summary"]["error"] == 1
    assert [css for css, _, found in changelog.sections(entry) if found] == ["breaking"]
    text = changelog.markdown(listed, unlisted)
    assert "### Breaking changes" in text and 'value `"ARCHIVED"` added' in text
    assert "1 more revision of the contract changed its files without changing the API" in text
    page = changelog.html_body(listed, unlisted)
    assert f'id="{entry.anchor}"' in page and "Breaking changes" in page


def test_the_changelog_caches_each_commit_pair(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = changelog.history(history_repo, cache)
    commits = git(history_repo, "log", "--reverse", "--format=%H").split()
    names = sorted(path.name for path in cache.iterdir())
    assert names == sorted(f"{a}..{b}.json" for a, b in itertools.pairwise(commits))

    def recompute(*args: object) -> None:
        raise AssertionError("a cached pair was compared again")

    monkeypatch.setattr(changelog, "_compare", recompute)
    assert changelog.history(history_repo, cache) == first


def test_release_tags_are_the_revisions_when_there_are_any(history_repo: Path) -> None:
    git(history_repo, "tag", "v1.0.0", "HEAD~2")
    git(history_repo, "tag", "v1.1.0", "HEAD")
    assert [r.label for r in changelog.revisions(history_repo)] == ["v1.0.0", "v1.1.0"]


def test_uncommitted_spec_changes_are_the_unreleased_revision(
    history_repo: Path, tmp_path: Path
) -> None:
    path = history_repo / "spec/components/schemas/Item.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("note: ", "memo: "), "utf-8")
    listed, _ = changelog.split(changelog.history(history_repo, tmp_path / "cache"))
    assert changelog.title(listed[0]) == "Unreleased"
    assert any("property removed" in f["message"] for f in listed[0].findings)
    assert not any(".." in p.name and "None" in p.name for p in (tmp_path / "cache").iterdir())
