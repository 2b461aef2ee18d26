"""Every example on the reference page is embedded, unchanged, on its operation."""

from __future__ import annotations

from typing import Any

from tests.lib.spec import page_examples


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
