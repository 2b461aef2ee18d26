"""Helpers of the spec tests: where the spec is, its operations, the reference page's examples.

The fixtures that load the spec (`resolved_spec`, `spec_files`) are in tests/spec/conftest.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
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
