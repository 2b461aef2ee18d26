"""Build the offline API reference site into site/ (`nox -s docs`).

What a partner gets, opened from disk (file://) or any static host, with no network access:
- index.html: the reference of the docs variant (overlays/docs.yaml plus the code samples of
  docs/samples/, see scripts/pipeline/codesamples.py) rendered by Redoc's standalone bundle.
  The spec
  is embedded in the page as JSON, so nothing is fetched, not even from the site itself.
- guides/*.html: the Markdown guides of docs/guides/ rendered with the pinned `markdown`.
- openapi.yaml and openapi.json: the bundled spec, byte for byte what generated/ holds.

Redoc comes from the npm registry at build time, pinned by version and by the registry's
sha512 integrity, cached under build/docs-cache/ (`npm pack`, no install scripts run).
Redoc 3 (3.0.1) only takes a spec URL through its `<redoc spec-url>` element, which a file://
page cannot fetch, so we stay on Redoc 2.5, whose `Redoc.init` takes the spec object.
"""

from __future__ import annotations

import argparse
import base64
import copy
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

from scripts.pipeline.codesamples import with_code_samples
from scripts.pipeline.overlay import apply_overlay
from scripts.pipeline.partner_notes import with_partner_notes
from scripts.pipeline.validate_spec import validate_all, validate_bundled
from scripts.pipeline.yamlio import dump_json, dump_yaml, load_yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
GUIDES_DIR = REPO_ROOT / "docs" / "guides"
CACHE_DIR = REPO_ROOT / "build" / "docs-cache"
REDOC_VERSION = "2.5.4"
# `npm view redoc@2.5.4 dist.integrity`
REDOC_INTEGRITY = (
    "sha512-M6jWhG1qoBnH6TFmzJnstyCZ87HmOY/UzDm78mHiYihEdlV/"
    "YcS9ogOo1NlElnJMeLsyxHFe2yFc4sNjHTrABQ=="
)
REDOC_FILES = {
    "package/bundles/redoc.standalone.js": "assets/redoc.standalone.js",
    "package/bundles/redoc.standalone.js.LICENSE.txt": "assets/redoc.standalone.js.LICENSE.txt",
    "package/LICENSE": "assets/redoc.LICENSE.txt",
}
# The only thing Redoc 2.5.4 loads from the network: its sidebar's "API docs by Redocly" logo.
# The site must work offline with no console error, so the copy we ship shows an inline SVG.
REDOC_OFFLINE_PATCHES = {
    "https://cdn.redoc.ly/redoc/logo-mini.svg": (
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16'%3E"
        "%3Ccircle cx='8' cy='8' r='6' fill='%23d41f1c'/%3E%3C/svg%3E"
    ),
}
# Redoc options: https://redocly.com/docs/redoc/config (2.x).
REDOC_OPTIONS: dict[str, Any] = {
    "scrollYOffset": 48,
    "hideDownloadButton": True,  # the header links the bundled files instead
    "expandResponses": "200,201",
    "jsonSampleExpandLevel": 3,
    "pathInMiddlePanel": True,
    "requiredPropsFirst": True,
    "theme": {"sidebar": {"width": "280px"}},
}
_NUMBER_PREFIX = re.compile(r"^\d+[-_]")
_MD_LINK = re.compile(r'href="(?![a-z]+:|#)([^"#]+)\.md(#[^"]*)?"')


class DocsError(Exception):
    """The site cannot be built; the message says why."""


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    body_html: str


def docs_variant(spec_dir: Path, overlays_dir: Path, samples_dir: Path) -> tuple[Any, Any]:
    """(bundled spec, docs variant): what generate.py writes as openapi.yaml and .docs.yaml."""
    bundled = validate_all(spec_dir / "openapi.yaml")
    variant = apply_overlay(bundled, load_yaml(overlays_dir / "docs.yaml"))
    variant = with_partner_notes(with_code_samples(variant, samples_dir))
    validate_bundled(variant, "the docs variant")
    return bundled, variant


def for_redoc(variant: Any) -> Any:
    """The docs variant plus what only Redoc needs to show every component on the page.

    Redoc lists operations by tag; components appear only where an operation uses them. So
    the page gets a copy with three additions, built from the spec so none can go stale: the
    security schemes in the introduction (`<SecurityDefinitions />`), an *Errors* section
    listing every shared error response with its status, code and examples, and one
    *Schemas* entry per component schema (`<SchemaDefinition />`), in two tag groups.
    """
    page = copy.deepcopy(variant)
    components = page["components"]
    page["info"]["description"] = (
        page["info"].get("description", "").rstrip()
        + "\n\n# Security schemes\n\n<SecurityDefinitions />\n"
    )
    page.setdefault("tags", [])
    page["tags"].append(
        {
            "name": "errors",
            "x-displayName": "Errors",
            "x-traitTag": True,
            "description": _errors_markdown(page),
        }
    )
    for name in components.get("schemas", {}):
        page["tags"].append(
            {
                "name": f"schema-{name}",
                "x-displayName": name,
                "description": f'<SchemaDefinition schemaRef="#/components/schemas/{name}" />',
            }
        )
    page.setdefault("x-tagGroups", [])
    page["x-tagGroups"] += [
        {"name": "Reference", "tags": ["errors"]},
        {"name": "Schemas", "tags": [f"schema-{name}" for name in components.get("schemas", {})]},
    ]
    return page


def _resolve(document: Any, node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _errors_markdown(document: Any) -> str:
    rows = []
    for name, response in document["components"].get("responses", {}).items():
        content = response.get("content", {}).get("application/json", {})
        for example in content.get("examples", {}).values():
            value = _resolve(document, example).get("value", {})
            error = value.get("error") or {}
            cells = [
                str(value.get("status", "")),
                f"`{value.get('code', '')}`",
                f"`{error.get('type', '')}`",
                f"`{name}`",
                " ".join(str(response.get("description", "")).split()).replace("|", "\\|"),
            ]
            rows.append("| " + " | ".join(cells) + " |")
    return (
        "Every error is the same envelope as a success, with `success: false`, `data: null`"
        " and an `error` object (`type`, `details`). The shared error responses:\n\n"
        "| HTTP | code | error.type | response | when |\n|---|---|---|---|---|\n"
        + "\n".join(sorted(set(rows), key=lambda row: (row.split("|")[1], row)))
        + "\n"
    )


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def redoc_tarball(cache_dir: Path = CACHE_DIR) -> Path:
    """The pinned Redoc package from the npm registry (cached), checked against its integrity."""
    tarball = cache_dir / f"redoc-{REDOC_VERSION}.tgz"
    if not tarball.is_file() or _integrity(tarball.read_bytes()) != REDOC_INTEGRITY:
        npm = shutil.which("npm")
        if npm is None:
            raise DocsError("npm is needed once to fetch Redoc (Node.js 20 has it)")
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
            result = subprocess.run(
                [npm, "pack", f"redoc@{REDOC_VERSION}", "--pack-destination", tmp,
                 "--ignore-scripts", "--silent"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            packed = Path(tmp) / tarball.name
            if result.returncode != 0 or not packed.is_file():
                raise DocsError(f"npm pack redoc@{REDOC_VERSION} failed:\n{result.stderr}")
            packed.replace(tarball)
    if (got := _integrity(tarball.read_bytes())) != REDOC_INTEGRITY:
        raise DocsError(f"{tarball.name}: integrity {got} is not the pinned {REDOC_INTEGRITY}")
    return tarball


def _copy_redoc(tarball: Path, site: Path) -> None:
    with tarfile.open(tarball, "r:gz") as archive:
        for member, target in REDOC_FILES.items():
            source = archive.extractfile(member)
            if source is None:
                raise DocsError(f"{tarball.name} has no {member}")
            data = source.read()
            if target.endswith(".js"):
                data = _patch_offline(data, member)
            (site / target).parent.mkdir(parents=True, exist_ok=True)
            (site / target).write_bytes(data)


def _patch_offline(data: bytes, member: str) -> bytes:
    for url, replacement in REDOC_OFFLINE_PATCHES.items():
        if data.count(url.encode()) != 1:
            raise DocsError(f"{member}: expected {url} once; check REDOC_OFFLINE_PATCHES")
        data = data.replace(url.encode(), replacement.encode())
    return data


def load_guides(guides_dir: Path = GUIDES_DIR) -> list[Guide]:
    """Every docs/guides/*.md in file-name order; `01-auth.md` becomes guides/auth.html."""
    guides = []
    for path in sorted(guides_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heading = next((line for line in text.splitlines() if line.startswith("# ")), None)
        if heading is None:
            raise DocsError(f"docs/guides/{path.name} needs a `# Title` line")
        body = markdown.markdown(
            text, extensions=["fenced_code", "tables", "toc", "sane_lists"], output_format="html"
        )
        body = _MD_LINK.sub(lambda m: f'href="{_slug(m.group(1))}.html{m.group(2) or ""}"', body)
        guides.append(Guide(_slug(path.stem), heading[2:].strip(), body))
    return guides


def _slug(stem: str) -> str:
    return _NUMBER_PREFIX.sub("", stem.rsplit("/", 1)[-1])


def _header(title: str, root: str, guides: list[Guide], current: str) -> str:
    """The bar on every page: reference, a Guides menu (no script needed), the downloads."""
    items = "".join(
        f'<a href="{root}guides/{g.slug}.html"{_on(current == g.slug)}>{html.escape(g.title)}</a>'
        for g in guides
    )
    guides_menu = (
        f'<details class="menu"><summary{_on(current not in ("reference", ""))}>Guides</summary>'
        f'<div class="items">{items}</div></details>'
    )
    downloads = (
        f'<a class="download" href="{root}openapi.yaml" download>openapi.yaml</a>'
        f'<a class="download" href="{root}openapi.json" download>openapi.json</a>'
    )
    return (
        f'<header class="site-header"><span class="brand">{html.escape(title)}</span><nav>'
        f'<a href="{root}index.html"{_on(current == "reference")}>API reference</a>'
        f'{guides_menu}</nav><span class="downloads">{downloads}</span></header>'
    )


def _on(active: bool) -> str:
    return ' class="active"' if active else ""


STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2933; }
.site-header { position: fixed; top: 0; left: 0; right: 0; height: 48px; z-index: 100;
  display: flex; align-items: center; gap: 16px; padding: 0 16px; background: #10243e;
  color: #fff; font-size: 14px; white-space: nowrap; }
.site-header .brand { font-weight: 600; }
.site-header nav { display: flex; gap: 12px; flex: 1; }
.site-header a { color: #c9d6e8; text-decoration: none; }
.site-header a.active, .site-header a:hover, .site-header summary.active { color: #fff;
  text-decoration: underline; }
.site-header summary { cursor: pointer; color: #c9d6e8; list-style: none; }
.site-header summary::after { content: " \\25BE"; }
.site-header .menu { position: relative; }
.site-header .menu .items { position: absolute; top: 32px; left: 0; display: flex;
  flex-direction: column; background: #10243e; padding: 8px 0; min-width: 320px;
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.3); }
.site-header .menu .items a { padding: 6px 16px; }
.site-header .downloads { display: flex; gap: 8px; }
.site-header a.download { border: 1px solid #c9d6e8; border-radius: 4px; padding: 2px 8px; }
#redoc { padding-top: 48px; }
main.guide { max-width: 860px; margin: 0 auto; padding: 72px 24px 48px; line-height: 1.6; }
main.guide pre { background: #f4f6f8; padding: 12px; overflow-x: auto; border-radius: 4px; }
main.guide code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; }
main.guide table { border-collapse: collapse; }
main.guide th, main.guide td { border: 1px solid #d5dbe1; padding: 4px 8px; text-align: left; }
"""


def _page(title: str, head: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _script_json(data: Any) -> str:
    """JSON safe inside <script>: no `</script>` or `<!--` can end or change the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def reference_page(variant: Any, guides: list[Guide]) -> str:
    title = str(variant["info"]["title"])
    head = '<link rel="stylesheet" href="assets/site.css">\n'
    spec = _script_json(for_redoc(variant))
    body = (
        _header(title, "", guides, "reference")
        + '\n<div id="redoc"></div>\n'
        + f'<script id="openapi" type="application/json">{spec}</script>\n'
        + '<script src="assets/redoc.standalone.js"></script>\n'
        + "<script>\n"
        + "  const spec = JSON.parse(document.getElementById('openapi').textContent);\n"
        + f"  Redoc.init(spec, {json.dumps(REDOC_OPTIONS)}, document.getElementById('redoc'));\n"
        + "</script>"
    )
    return _page(title, head, body)


def guide_page(guide: Guide, title: str, guides: list[Guide]) -> str:
    head = '<link rel="stylesheet" href="../assets/site.css">\n'
    body = (
        _header(title, "../", guides, guide.slug)
        + f'\n<main class="guide">\n{guide.body_html}\n</main>'
    )
    return _page(f"{guide.title} · {title}", head, body)


def build_site(
    site: Path,
    spec_dir: Path = REPO_ROOT / "spec",
    overlays_dir: Path = REPO_ROOT / "overlays",
    samples_dir: Path = REPO_ROOT / "docs" / "samples",
    guides_dir: Path = GUIDES_DIR,
) -> None:
    """Write the whole site into `site` (replaced as a whole, never left half-built)."""
    bundled, variant = docs_variant(spec_dir, overlays_dir, samples_dir)
    guides = load_guides(guides_dir)
    tarball = redoc_tarball()
    site.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".site-", dir=site.parent) as tmp:
        fresh = Path(tmp) / "site"
        (fresh / "guides").mkdir(parents=True)
        _copy_redoc(tarball, fresh)
        (fresh / "assets" / "site.css").write_text(STYLE.lstrip(), encoding="utf-8")
        (fresh / "openapi.yaml").write_text(dump_yaml(bundled), encoding="utf-8")
        (fresh / "openapi.json").write_text(dump_json(bundled), encoding="utf-8")
        (fresh / "index.html").write_text(reference_page(variant, guides), encoding="utf-8")
        title = str(variant["info"]["title"])
        for guide in guides:
            page = guide_page(guide, title, guides)
            (fresh / "guides" / f"{guide.slug}.html").write_text(page, encoding="utf-8")
        if site.exists():
            shutil.rmtree(site)
        fresh.rename(site)


def site_size(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "site")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        build_site(args.out.resolve())
    except DocsError as error:
        print(f"docs failed: {error}", file=sys.stderr)
        return 1
    seconds, size = time.perf_counter() - began, site_size(args.out)
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {seconds:.1f} s")
    print(f"open {(args.out / 'index.html').resolve().as_uri()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
