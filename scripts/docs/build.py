"""Build the offline API reference site into site/ (`nox -s docs`).

What a partner gets, opened from disk (file://) or any static host, with nothing fetched from
the network except the requests they send themselves from the console:
- index.html: the reference of the docs variant (overlays/docs.yaml plus the code samples of
  docs/samples/ in curl, Python and JavaScript, see scripts/pipeline/codesamples.py), rendered
  by Scalar's API reference (scripts/docs/renderer.py). The spec is embedded in the page as
  JSON, so nothing is fetched, not even from the site itself. Every operation has a console
  ("Test Request"): the server is the local sandbox by default (`http://127.0.0.1:{port}`,
  port editable) or production, the security schemes give the credential form (pre-filled
  with the sandbox's example tenant), parameters and bodies start from the spec's examples,
  and the answer shows its status, headers and envelope.
- guides/*.html: the Markdown guides of docs/guides/, rendered with the pinned `markdown`;
  every heading has an id and a link to itself.
- changelog.html: every change to the API over the spec's history, breaking changes first,
  from the breaking-change gate (scripts/docs/changelog.py).
- llms.txt, reference/<operationId>.md, guides/<slug>.md, changelog.md: the same content
  as Markdown for AI coding assistants (scripts/docs/assistants.py).
- openapi.yaml and openapi.json: the bundled spec, byte for byte what generated/ holds.
Every page has the same header: the reference, the guides, the changelog, a search box over
operations, schemas, guide sections and changelog revisions (assets/search-index.js), a
light/dark switch shared by every page (assets/site.js), and the downloads.

The renderer, measured (Chromium 1400x900 headless on the 2-core build machine, the docs
variant embedded, from file://; render = navigation until the last operation's section
exists, median of 3):

| renderer | shipped | render | console | dark | search | deep links | x-codeSamples |
|---|---|---|---|---|---|---|---|
| Redoc 2.5.4 (before) | 1.1 MB | 1.8 s | no | no | yes | yes | yes |
| Stoplight Elements 9.0.25 | 2.4 MB | 1.3 s (one operation per page) | yes | no | no | yes | yes |
| Scalar API reference 1.76.0 | 4.9 MB | 1.8 s (all tags open) | yes | yes | yes | yes | yes |

All three rendered from file:// and from `python -m http.server` with no request leaving
the machine once configured (Scalar: the options in scripts/docs/renderer.py), and all are
one pinned npm tarball. Scalar is the only one with a console, a dark theme and search
together; its console sent the request straight to the sandbox and showed status, headers
and body, and it shows our samples (and only them, `hiddenClients: true`) in a language
picker. Redoc would have needed a console and a dark theme of our own (its community
edition has neither), Elements has neither dark theme nor search. The price is size: 4.9 MB
of script instead of 1.1 MB, loaded once; render time is the same as Redoc's.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import re
import shutil
import struct
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown

from scripts.docs import assistants, changelog, renderer
from scripts.pipeline.codesamples import SAMPLES_DIR, shown_source, with_code_samples
from scripts.pipeline.overlay import apply_overlay
from scripts.pipeline.partner_notes import with_partner_notes
from scripts.pipeline.validate_spec import validate_all, validate_bundled
from scripts.pipeline.yamlio import dump_json, dump_yaml, load_yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
GUIDES_DIR = REPO_ROOT / "docs" / "guides"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
SANDBOX_SERVER = "http://127.0.0.1:{port}"
# The sandbox's seeded example tenant (the reference page's own example values, as in
# signly_sandbox.config; a test keeps them equal). Not imported: importing the sandbox
# package loads the whole app, which would double the build's time.
PAGE_TENANT_ID = "58bff266-cdad-46db-b373-1b06476146cd"
PAGE_API_KEY = "sk_live_partner_abc123"
PAGE_ADMIN_TOKEN = "eyJhbGciOi..."
_NUMBER_PREFIX = re.compile(r"^\d+[-_]")
_MD_LINK = re.compile(r'href="(?![a-z]+:|#)([^"#]+)\.md(#[^"]*)?"')
_MD_SOURCE_LINK = re.compile(r"\]\((?![a-z]+:|#)([^)#\s]+)\.md(#[^)\s]*)?\)")
_MD_REFERENCE_LINK = re.compile(r"\]\(\.\./index\.html#tag/[^/)]+/([a-z_]+)\)")
_HEADING = re.compile(r'<h([1-3]) id="([^"]+)">(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
# Redoc's deep links (#tag/<tag>/operation/<id>, #tag/schema-<Name>) still work: the page
# sends them to the same operation or schema in Scalar (#tag/<tag>/<id>, #models/<Name>).
REDIRECT = (
    "redirect: (hash) => hash"
    ".replace(/^#tag\\/([^/]+)\\/operation\\/([^/]+)$/, '#tag/$1/$2')"
    ".replace(/^#tag\\/schema-([^/]+)$/, '#models/$1'),"
)
FAVICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16'%3E"
    "%3Ccircle cx='8' cy='8' r='6' fill='%23d41f1c'/%3E%3C/svg%3E"
)


def favicon_ico(size: int = 16) -> bytes:
    """/favicon.ico: the pages name a data: icon, but a browser showing llms.txt or a .md
    file asks the host for /favicon.ico (a 404 in its console). A red dot, PNG in ICO."""
    center, radius = (size - 1) / 2, size * 3 / 8
    rows = b"".join(
        b"\0"
        + b"".join(
            b"\xd4\x1f\x1c\xff" if (x - center) ** 2 + (y - center) ** 2 <= radius**2 else b"\0" * 4
            for x in range(size)
        )
        for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


class DocsError(Exception):
    """The site cannot be built; the message says why."""


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    body_html: str
    source: str  # the Markdown, links rewritten for the site's guides/<slug>.md


def docs_variant(spec_dir: Path, overlays_dir: Path, samples_dir: Path) -> tuple[Any, Any]:
    """(bundled spec, docs variant): what generate.py writes as openapi.yaml and .docs.yaml."""
    bundled = validate_all(spec_dir / "openapi.yaml")
    variant = apply_overlay(bundled, load_yaml(overlays_dir / "docs.yaml"))
    variant = with_partner_notes(with_code_samples(variant, samples_dir))
    validate_bundled(variant, "the docs variant")
    return bundled, variant


def for_reference(variant: Any) -> Any:
    """The docs variant plus what only the rendered page needs, built from the spec so none
    of it can go stale: the sandbox as the first (default) server of the console, how to try
    the API from the page, and an *Errors* section listing every shared error response with
    its status, code and examples."""
    page = copy.deepcopy(variant)
    servers = page.get("servers", [])
    page["servers"] = sorted(servers, key=lambda server: server["url"] != SANDBOX_SERVER)
    page["info"]["description"] = (
        page["info"].get("description", "").rstrip()
        + "\n\n"
        + TRY_IT
        + "\n\n## Errors\n\n"
        + _errors_markdown(page)
    )
    for item in page.get("webhooks", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("x-codeSamples"):
                operation["description"] = (
                    str(operation.get("description", "")).rstrip()
                    + "\n\n"
                    + _samples_markdown(operation["x-codeSamples"])
                )
    return page


# Scalar shows no code samples on a webhook: its section gets them in its description.
_FENCE = {"Shell": "sh", "Python": "python", "JavaScript": "javascript"}


def _samples_markdown(samples: list[dict[str, str]]) -> str:
    blocks = [
        f"**{sample['label']}**\n\n```{_FENCE.get(sample['lang'], '')}\n"
        f"{sample['source'].rstrip()}\n```"
        for sample in samples
    ]
    return "Code samples: a receiver that checks the signature, and a signed test delivery.\n\n" + (
        "\n\n".join(blocks)
    )


TRY_IT = f"""## Try it

Every operation has a **Test Request** button: it opens a console that sends the request
from your browser to the server chosen under *Server*, the local sandbox by default
(`signly-sandbox serve`, port 8080; edit the port if yours differs). The credentials under
*Authentication* are the sandbox's example tenant (`{PAGE_TENANT_ID}`); enter yours once
and every operation of the page uses them until you reload it (they are not stored).
Parameters and bodies start from the examples of this reference; the answer shows its
status, headers and envelope.

Requests go straight from your browser to the server, through no proxy: the sandbox allows
it (CORS). Against production the browser sends them only if Signly's server allows your
page's origin; if it does not, copy the operation's curl sample instead. Every code sample
(curl, Python, JavaScript) is a file that runs as it is against the sandbox."""


def _resolve(document: Any, node: Any) -> Any:
    return assistants.resolve(document, node)


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


# --------------------------------------------------------------------------- guides


def load_guides(guides_dir: Path = GUIDES_DIR) -> list[Guide]:
    """Every docs/guides/*.md in file-name order; `01-auth.md` becomes guides/auth.html."""
    guides = []
    for path in sorted(guides_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        heading = next((line for line in text.splitlines() if line.startswith("# ")), None)
        if heading is None:
            raise DocsError(f"docs/guides/{path.name} needs a `# Title` line")
        body = markdown.markdown(
            text,
            extensions=["fenced_code", "tables", "toc", "sane_lists"],
            extension_configs={
                "toc": {
                    "permalink": "#",
                    "permalink_class": "anchor",
                    "permalink_title": "Link to this section",
                }
            },
            output_format="html",
        )
        body = _MD_LINK.sub(lambda m: f'href="{_slug(m.group(1))}.html{m.group(2) or ""}"', body)
        source = _MD_SOURCE_LINK.sub(lambda m: f"]({_slug(m.group(1))}.md{m.group(2) or ''})", text)
        source = _MD_REFERENCE_LINK.sub(lambda m: f"](../reference/{m.group(1)}.md)", source)
        guides.append(Guide(_slug(path.stem), heading[2:].strip(), body, source))
    return guides


def _slug(stem: str) -> str:
    return _NUMBER_PREFIX.sub("", stem.rsplit("/", 1)[-1])


def guide_sections(guide: Guide) -> list[tuple[str, str, str]]:
    """(id, heading, text) of every h1-h3 of a rendered guide."""
    found = []
    matches = list(_HEADING.finditer(guide.body_html))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(guide.body_html)
        heading = html.unescape(_TAG.sub("", match.group(3))).rstrip("#").strip()
        text = html.unescape(_TAG.sub(" ", guide.body_html[match.end() : end]))
        found.append((match.group(2), heading, " ".join(text.split())))
    return found


# --------------------------------------------------------------------------- pages


def _header(title: str, root: str, guides: list[Guide], current: str) -> str:
    """The bar on every page: reference, a Guides menu (no script needed), the changelog,
    search, the theme switch and the downloads."""
    items = "".join(
        f'<a href="{root}guides/{g.slug}.html"{_on(current == g.slug)}>{html.escape(g.title)}</a>'
        for g in guides
    )
    guide_slugs = {g.slug for g in guides}
    guides_menu = (
        f'<details class="menu"><summary{_on(current in guide_slugs)}>Guides</summary>'
        f'<div class="items">{items}</div></details>'
    )
    search = (
        '<div class="search" role="search"><input id="site-search" type="search"'
        ' placeholder="Search (press /)" aria-label="Search the reference, guides and changelog"'
        ' autocomplete="off"><ol id="search-results" hidden></ol></div>'
    )
    downloads = (
        f'<a class="download" href="{root}openapi.yaml" download>openapi.yaml</a>'
        f'<a class="download" href="{root}openapi.json" download>openapi.json</a>'
        f'<a class="download" href="{root}llms.txt" title="For AI coding assistants">llms.txt</a>'
    )
    return (
        f'<header class="site-header"><span class="brand">{html.escape(title)}</span><nav>'
        f'<a href="{root}index.html"{_on(current == "reference")}>API reference</a>'
        f'{guides_menu}<a href="{root}changelog.html"{_on(current == "changelog")}>'
        f'Changelog</a></nav><span class="spacer"></span>{search}'
        '<button id="theme-toggle" class="theme" type="button" aria-pressed="false">'
        f'Dark theme</button><span class="downloads">{downloads}</span></header>'
    )


def _on(active: bool) -> str:
    return ' class="active"' if active else ""


def _page(title: str, root: str, body: str, anchor_prefix: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="icon" href="{FAVICON}">\n'
        f'<link rel="stylesheet" href="{root}assets/site.css">\n'
        f'<script src="{root}assets/site.js"></script>\n'
        f'<script src="{root}assets/search-index.js" defer></script>\n'
        f'</head>\n<body data-root="{root}" data-anchor-prefix="{anchor_prefix}">\n{body}\n'
        "</body>\n</html>\n"
    )


def _script_json(data: Any) -> str:
    """JSON safe inside <script>: no `</script>` or `<!--` can end or change the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


AUTHENTICATION = {
    "preferredSecurityScheme": [["partnerTenant", "partnerKey"]],
    "securitySchemes": {
        "partnerTenant": {"value": PAGE_TENANT_ID},
        "partnerKey": {"value": PAGE_API_KEY},
        "adminSession": {"value": f"Bearer {PAGE_ADMIN_TOKEN}"},
    },
}


def reference_page(variant: Any, guides: list[Guide]) -> str:
    title = str(variant["info"]["title"])
    spec = _script_json(for_reference(variant))
    options = json.dumps(renderer.OPTIONS)
    body = (
        _header(title, "", guides, "reference")
        + '\n<div id="reference"></div>\n'
        + f'<script id="openapi" type="application/json">{spec}</script>\n'
        + f'<script src="{renderer.BUNDLE}"></script>\n'
        + "<script>\n"
        + "  const spec = JSON.parse(document.getElementById('openapi').textContent);\n"
        + f"  Scalar.createApiReference('#reference', Object.assign({options}, {{\n"
        + "    content: spec,\n"
        + f"    authentication: {json.dumps(AUTHENTICATION)},\n"
        + f"    {renderer.SLUG_FUNCTIONS}\n"
        + f"    {REDIRECT}\n"
        + "  }));\n"
        + "</script>"
    )
    return _page(title, "", body, anchor_prefix=renderer.element_id(""))


def guide_page(guide: Guide, title: str, guides: list[Guide]) -> str:
    body = (
        _header(title, "../", guides, guide.slug)
        + f'\n<main class="page guide">\n{guide.body_html}\n</main>'
    )
    return _page(f"{guide.title} · {title}", "../", body)


def changelog_page(body_html: str, title: str, guides: list[Guide]) -> str:
    body = _header(title, "", guides, "changelog") + f'\n<main class="page">\n{body_html}\n</main>'
    return _page(f"Changelog · {title}", "", body)


# --------------------------------------------------------------------------- assistants


def _tag_names(variant: Any) -> dict[str, str]:
    return {tag["name"]: tag.get("x-displayName", tag["name"]) for tag in variant.get("tags", [])}


def _fragment(operation: assistants.Operation) -> str:
    if operation.webhook:
        return renderer.webhook_fragment(operation.tag, operation.webhook)
    return renderer.operation_fragment(operation.tag, operation.operation_id)


def _curl(operation: assistants.Operation, samples_dir: Path) -> str | None:
    path = samples_dir / f"{operation.operation_id}.sh"
    return shown_source(path.read_text(encoding="utf-8")) if path.is_file() else None


def write_assistant_pages(site: Path, variant: Any, guides: list[Guide], samples_dir: Path) -> None:
    """llms.txt, reference/<operationId>.md, guides/<slug>.md (the guides' Markdown)."""
    tag_names = _tag_names(variant)
    (site / "reference").mkdir(exist_ok=True)
    operation_links = []
    for operation in assistants.operations(variant):
        text = assistants.operation_markdown(
            variant, operation, _curl(operation, samples_dir), tag_names
        )
        (site / "reference" / f"{operation.operation_id}.md").write_text(text, encoding="utf-8")
        node = operation.node
        operation_links.append(
            assistants.Link(
                str(node.get("summary", operation.operation_id)),
                f"reference/{operation.operation_id}.md",
                f"{operation.method.upper()} {operation.path}. "
                + assistants.first_sentence(str(node.get("description", ""))),
            )
        )
    guide_links = []
    for guide in guides:
        (site / "guides" / f"{guide.slug}.md").write_text(guide.source, encoding="utf-8")
        sections = guide_sections(guide)
        first = sections[1][2] if len(sections) > 1 else (sections[0][2] if sections else "")
        intro = guide.source.split("\n\n", 2)[1] if "\n\n" in guide.source else first
        notes = assistants.first_sentence(intro) if intro else guide.title
        guide_links.append(assistants.Link(guide.title, f"guides/{guide.slug}.md", notes))
    files = [
        assistants.Link(
            "OpenAPI document (YAML)", "openapi.yaml", "the whole contract, every $ref bundled"
        ),
        assistants.Link("OpenAPI document (JSON)", "openapi.json", "the same, as JSON"),
        assistants.Link(
            "Changelog",
            "changelog.md",
            "every change to the API, newest first, breaking changes first",
        ),
    ]
    optional = [
        assistants.Link(
            "Interactive reference", "index.html", "the same reference with a console (HTML)"
        )
    ]
    text = assistants.llms_txt(variant, operation_links, guide_links, files, optional)
    (site / "llms.txt").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- search


def search_index(
    variant: Any, guides: list[Guide], entries: list[changelog.Entry]
) -> list[dict[str, str]]:
    """What the header's search box finds: operations, schemas, guide sections, revisions."""
    found = []
    for operation in assistants.operations(variant):
        node = operation.node
        found.append(
            {
                "t": str(node.get("summary", operation.operation_id)),
                "u": f"index.html#{_fragment(operation)}",
                "k": "Webhook" if operation.webhook else "Operation",
                "w": f"{operation.method.upper()} {operation.path}",
                "x": f"{operation.operation_id} {' '.join(str(node.get('description')).split())}",
            }
        )
    for name, schema in variant.get("components", {}).get("schemas", {}).items():
        description = " ".join(str(schema.get("description", "")).split())
        found.append(
            {
                "t": name,
                "u": f"index.html#{renderer.schema_fragment(name)}",
                "k": "Schema",
                "w": "Schemas",
                "x": description[:300],
            }
        )
    for guide in guides:
        for anchor, heading, text in guide_sections(guide):
            found.append(
                {
                    "t": heading,
                    "u": f"guides/{guide.slug}.html#{anchor}",
                    "k": "Guide",
                    "w": guide.title,
                    "x": text,
                }
            )
    for entry in entries:
        found.append(
            {
                "t": changelog.title(entry),
                "u": f"changelog.html#{entry.anchor}",
                "k": "Changelog",
                "w": entry.revision.day.isoformat(),
                "x": changelog.summary(entry),
            }
        )
    return found


# --------------------------------------------------------------------------- the site


def build_site(
    site: Path,
    spec_dir: Path = REPO_ROOT / "spec",
    overlays_dir: Path = REPO_ROOT / "overlays",
    samples_dir: Path = SAMPLES_DIR,
    guides_dir: Path = GUIDES_DIR,
    repo: Path = REPO_ROOT,
) -> None:
    """Write the whole site into `site` (replaced as a whole, never left half-built)."""
    bundled, variant = docs_variant(spec_dir, overlays_dir, samples_dir)
    guides = load_guides(guides_dir)
    entries, unlisted = changelog.split(changelog.history(repo))
    title = str(variant["info"]["title"])
    site.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".site-", dir=site.parent) as tmp:
        fresh = Path(tmp) / "site"
        (fresh / "guides").mkdir(parents=True)
        try:
            renderer.copy_into(fresh)
        except renderer.RendererError as error:
            raise DocsError(str(error)) from error
        for asset in ("site.css", "site.js"):
            shutil.copyfile(ASSETS_DIR / asset, fresh / "assets" / asset)
        index = "window.SIGNLY_SEARCH = " + _script_json(search_index(variant, guides, entries))
        (fresh / "assets" / "search-index.js").write_text(index + ";\n", encoding="utf-8")
        (fresh / "favicon.ico").write_bytes(favicon_ico())
        (fresh / "openapi.yaml").write_text(dump_yaml(bundled), encoding="utf-8")
        (fresh / "openapi.json").write_text(dump_json(bundled), encoding="utf-8")
        (fresh / "index.html").write_text(reference_page(variant, guides), encoding="utf-8")
        for guide in guides:
            page = guide_page(guide, title, guides)
            (fresh / "guides" / f"{guide.slug}.html").write_text(page, encoding="utf-8")
        changes = changelog_page(changelog.html_body(entries, unlisted), title, guides)
        (fresh / "changelog.html").write_text(changes, encoding="utf-8")
        (fresh / "changelog.md").write_text(changelog.markdown(entries, unlisted), encoding="utf-8")
        write_assistant_pages(fresh, variant, guides, samples_dir)
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
