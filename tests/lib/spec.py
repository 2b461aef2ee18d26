"""Helpers of the spec tests: where the spec is, its operations, the reference page's examples.

The fixtures that load the spec (`resolved_spec`, `spec_files`) are in tests/spec/conftest.py.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tests.lib import SPEC_DIR

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (path, method, operation) for every operation under `paths`."""
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def operations_by_id(document: Any) -> dict[str, Any]:
    """Every operation of `paths` and `webhooks`, keyed by its operationId."""
    found = {}
    for section in ("paths", "webhooks"):
        for item in document.get(section, {}).values():
            for key, operation in item.items():
                if key != "parameters" and isinstance(operation, dict):
                    found[operation["operationId"]] = operation
    return found


PAGE = SPEC_DIR / "reference" / "signly-partner-api-reference.txt"
OPERATION = re.compile(r"^(GET|POST|PUT|DELETE) (/\S+)$")
RESPONSE = re.compile(r"^.+ · (\d{3}) .+$")
CURL_BODY = re.compile(r"^  -d '(.*)$")


def read_json_block(lines: list[str], start: int) -> tuple[Any, int]:
    """Parse the brace-balanced JSON block starting at `start`; the page has trailing commas."""
    depth, end = 0, start
    while True:
        depth += lines[end].count("{") - lines[end].count("}")
        end += 1
        if depth == 0:
            break
    raw = re.sub(r",(\s*[}\]])", r"\1", "\n".join(lines[start:end]))
    return json.loads(raw), end


def page_examples() -> list[tuple[str, str, str, Any]]:
    """(method, path, 'request' or status, value) for every example on the page."""
    lines = PAGE.read_text().split("\n")
    found: list[tuple[str, str, str, Any]] = []
    method = path = ""
    index = lines.index("API Reference")
    while index < len(lines):
        line = lines[index]
        if match := OPERATION.match(line):
            method, path = match.groups()
        elif match := RESPONSE.match(line):
            value, index = read_json_block(lines, index + 1)
            found.append((method, path, match.group(1), value))
            continue
        elif match := CURL_BODY.match(line):
            end = index
            while not lines[end].endswith("'"):
                end += 1
            raw = "\n".join([match.group(1), *lines[index + 1 : end + 1]])
            found.append((method, path, "request", json.loads(raw[:-1])))
            index = end
        index += 1
    return found


@dataclass(frozen=True)
class PageCurl:
    """One curl command of the page, as printed, and the first answer the page shows for it."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: str | None
    status: int
    code: str
    operation: str  # `METHOD /path/{template}` of the page's section

    def request_for(self, base_url: str) -> tuple[str, str, dict[str, str], bytes | None]:
        """The command with only the host changed: (method, url, headers, body)."""
        url = PAGE_HOST.sub(base_url.rstrip("/"), self.url, count=1)
        body = None if self.body is None else self.body.encode()
        return self.method, url, dict(self.headers), body


PAGE_HOST = re.compile(r"^https://api\.signly\.apologs\.com")


def page_curls() -> list[PageCurl]:
    """Every curl command of the page's reference section, parsed as a shell would."""
    lines = PAGE.read_text().split("\n")
    index = lines.index("API Reference")
    found: list[PageCurl] = []
    operation = ""
    pending: list[tuple[str, tuple[str, str, tuple[tuple[str, str], ...], str | None]]] = []
    while index < len(lines):
        line = lines[index]
        if match := OPERATION.match(line):
            operation = f"{match.group(1)} {match.group(2)}"
        elif line.startswith("curl "):
            command = [line]
            while command[-1].endswith("\\") or command_open(command):
                index += 1
                command.append(lines[index])
            pending.append((operation, parse_curl("\n".join(command))))
        elif (match := RESPONSE.match(line)) and pending and pending[-1][0] == operation:
            value, index = read_json_block(lines, index + 1)
            label, (method, url, headers, body) = pending.pop()
            found.append(
                PageCurl(method, url, headers, body, int(match.group(1)), value["code"], label)
            )
            continue
        index += 1
    return found


def command_open(command: list[str]) -> bool:
    """Whether a single-quoted argument is still open at the end of `command`."""
    return "\n".join(command).count("'") % 2 == 1


def parse_curl(text: str) -> tuple[str, str, tuple[tuple[str, str], ...], str | None]:
    tokens = shlex.split(text.replace("\\\n", " "))
    assert tokens[0] == "curl", text
    method, url, headers, body = "GET", "", [], None
    args = iter(tokens[1:])
    for token in args:
        if token == "-X":
            method = next(args)
        elif token == "-H":
            name, _, value = next(args).partition(":")
            headers.append((name.strip(), value.strip()))
        elif token in ("-d", "--data", "--data-raw"):
            body = next(args)
        else:
            url = token
    return method, url, tuple(headers), body
