"""The reference's renderer: Scalar's API reference, pinned, and how the page configures it.

`@scalar/api-reference` comes from the npm registry at build time (`npm pack`, no install
scripts run), pinned by version and by the registry's sha512 integrity, and cached under
build/docs-cache/ with its one file the site ships (`dist/browser/standalone.js`, a single
script with no chunks to load) extracted next to it. Why Scalar, and what was measured, is
in the docstring of scripts/docs/build.py.

Nothing may leave the machine except the request a partner sends from the console to the
server they chose. The options below are what makes Scalar 1.76 behave so (checked by the
browser test, which fails on any other request): no web fonts (`withDefaultFonts: false`,
else fonts.scalar.com), no request proxy (`proxyUrl` unset: the browser calls the server
directly, which the sandbox allows with CORS), no agent, MCP or developer tools (they talk
to scalar.com; the agent turns itself on for pages served from localhost), no telemetry, no
"open in the API client" button (client.scalar.com). The generated code samples are hidden
(`hiddenClients: true`), so the samples shown are exactly the tested files of docs/samples.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = REPO_ROOT / "build" / "docs-cache"
PACKAGE = "@scalar/api-reference"
VERSION = "1.76.0"
# `npm view @scalar/api-reference@1.76.0 dist.integrity`
INTEGRITY = (
    "sha512-pjqwnzmA9YK3ZX+IZSICMsywm4qI6HLSngR2py9H6TvF"
    "ApHHuJjkTAd+gFJfnqJDzJuro8k7ji6JCtJ2U+Byng=="
)
BUNDLE_MEMBER = "package/dist/browser/standalone.js"
BUNDLE = "assets/scalar.standalone.js"
LICENSE = "assets/scalar.LICENSE.txt"
# The bundle ends with a sourceMappingURL comment naming a 20 MB map we do not ship: dropped,
# so that opening the browser's developer tools requests nothing that is not there.
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=[^\n]*\s*$")
# The package has no LICENSE file; package.json says MIT, and this is the repository's text.
LICENSE_TEXT = f"""{PACKAGE} {VERSION} (https://github.com/scalar/scalar), bundled unchanged
except for its source map comment.

MIT License

Copyright (c) 2023-present Scalar

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

# Scalar's options (https://github.com/scalar/scalar/blob/main/documentation/configuration.md).
# The page adds `content` (the spec), `authentication` (the sandbox's example credentials) and
# the slug functions, which JSON cannot carry.
OPTIONS: dict[str, Any] = {
    "slug": "signly",  # element ids: signly/tag/<tag>/<operationId>
    "withDefaultFonts": False,
    "telemetry": False,
    "agent": {"disabled": True},
    "mcp": {"disabled": True},
    "showDeveloperTools": "never",
    "hideClientButton": True,
    "hiddenClients": True,
    "hideDarkModeToggle": True,  # the site header's toggle switches every page at once
    "documentDownloadType": "none",  # the site header links the bundled files
    "defaultOpenAllTags": True,  # every operation on the page: browser search finds them
    "persistAuth": False,  # credentials stay in the page, never in localStorage
    "orderRequiredPropertiesFirst": True,
    "operationTitleSource": "summary",
}
# Deep links by operationId: index.html#tag/documents/publish_document.
SLUG_FUNCTIONS = (
    "generateOperationSlug: (operation) => operation.operationId || "
    "(operation.method + operation.path),\n"
    "    generateWebhookSlug: (webhook) => webhook.name,"
)


class RendererError(Exception):
    """The renderer cannot be fetched or is not the pinned one."""


def operation_fragment(tag: str, operation_id: str) -> str:
    """The URL fragment of an operation on the reference page (what Scalar's own links use)."""
    return f"tag/{tag}/{operation_id}"


def webhook_fragment(tag: str, name: str) -> str:
    """The URL fragment of a webhook on the reference page."""
    return f"tag/{tag}/webhook/{name}"


def schema_fragment(name: str) -> str:
    """The URL fragment of a component schema on the reference page."""
    return f"models/{name}"


def element_id(fragment: str) -> str:
    """The id of the element a fragment scrolls to (Scalar prefixes the document's slug)."""
    return f"{OPTIONS['slug']}/{fragment}"


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def tarball(cache_dir: Path = CACHE_DIR) -> Path:
    """The pinned package from the npm registry (cached), checked against its integrity."""
    path = cache_dir / f"scalar-api-reference-{VERSION}.tgz"
    if not path.is_file() or integrity(path.read_bytes()) != INTEGRITY:
        npm = shutil.which("npm")
        if npm is None:
            raise RendererError(f"npm is needed once to fetch {PACKAGE} (Node.js 20 has it)")
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
            result = subprocess.run(
                [npm, "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", tmp,
                 "--ignore-scripts", "--silent"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            packed = Path(tmp) / path.name
            if result.returncode != 0 or not packed.is_file():
                raise RendererError(f"npm pack {PACKAGE}@{VERSION} failed:\n{result.stderr}")
            packed.replace(path)
    if (got := integrity(path.read_bytes())) != INTEGRITY:
        raise RendererError(f"{path.name}: integrity {got} is not the pinned {INTEGRITY}")
    return path


def bundle(cache_dir: Path = CACHE_DIR) -> Path:
    """The standalone script, extracted once from the checked tarball (a 13 MB gzip: reading
    it on every build would cost 0.4 s). The stamp next to it names the tarball's integrity,
    so a different pin extracts again."""
    target = cache_dir / f"scalar-{VERSION}" / "standalone.js"
    stamp = target.with_suffix(".integrity")
    if target.is_file() and stamp.is_file() and stamp.read_text() == INTEGRITY:
        return target
    source = tarball(cache_dir)
    with tarfile.open(source, "r:gz") as archive:
        member = archive.extractfile(BUNDLE_MEMBER)
        if member is None:
            raise RendererError(f"{source.name} has no {BUNDLE_MEMBER}")
        data = _SOURCE_MAP.sub(b"\n", member.read())
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)
    stamp.write_text(INTEGRITY)
    return target


def copy_into(site: Path, cache_dir: Path = CACHE_DIR) -> None:
    """Put the renderer and its licence into the site."""
    (site / BUNDLE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle(cache_dir), site / BUNDLE)
    (site / LICENSE).write_text(LICENSE_TEXT, encoding="utf-8")
