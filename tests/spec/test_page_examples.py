"""Every example on the reference page is embedded, unchanged, on its operation."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.spec.conftest import SPEC_DIR

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


def embedded(spec: dict[str, Any], method: str, path: str, where: str) -> list[Any]:
    op = spec["paths"][path][method.lower()]
    if where == "request":
        content = op["requestBody"]["content"]
    else:
        content = op["responses"][where]["content"]
    return [example["value"] for example in content["application/json"]["examples"].values()]


def test_the_page_has_every_example_we_expect() -> None:
    examples = page_examples()
    assert len(examples) == 36
    assert sum(1 for e in examples if e[2] == "request") == 6
    assert len({(m, p) for m, p, _, _ in examples}) == 23


def test_every_page_example_is_embedded_unchanged(resolved_spec: dict[str, Any]) -> None:
    missing = [
        f"{method} {path} {where}"
        for method, path, where, value in page_examples()
        if value not in embedded(resolved_spec, method, path, where)
    ]
    assert not missing
