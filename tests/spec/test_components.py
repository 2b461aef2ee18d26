"""Project lint rules for components: described, used, and links that lead somewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.lib import SPEC_DIR
from tests.lib.spec import iter_operations


def walk_schemas(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every schema object below `node` that declares properties."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield where, node
        for key, value in node.items():
            if key not in ("examples", "example", "if"):  # `if` only tests, declares nothing
                yield from walk_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_schemas(value, f"{where}/{index}")


def test_every_schema_property_has_a_description(spec_files: dict[Path, Any]) -> None:
    undocumented = [
        f"{path.relative_to(SPEC_DIR)}{where}/{name}"
        for path, doc in spec_files.items()
        if "examples" not in path.parts
        for where, schema in walk_schemas(doc, "#")
        for name, prop in schema["properties"].items()
        if not (isinstance(prop, dict) and prop.get("description"))
    ]
    assert not undocumented


def referenced_files(spec_files: dict[Path, Any]) -> set[Path]:
    refs: set[Path] = set()

    def collect(node: Any, base: Path) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                refs.add((base.parent / ref.split("#")[0]).resolve())
            for value in node.values():
                collect(value, base)
        elif isinstance(node, list):
            for value in node:
                collect(value, base)

    for path, doc in spec_files.items():
        collect(doc, path)
    return refs


def test_no_unused_or_dangling_component_files(spec_files: dict[Path, Any]) -> None:
    refs = referenced_files(spec_files)
    files = {p.resolve() for p in spec_files if p.name != "openapi.yaml"}
    assert sorted(str(p) for p in files - refs) == [], "unused files"
    assert sorted(str(p) for p in refs - files) == [], "references to missing files"


def test_component_files_are_pascal_case(spec_files: dict[Path, Any]) -> None:
    for path in spec_files:
        if "components" in path.parts:
            assert re.fullmatch(r"[A-Z][A-Za-z0-9]*\.yaml", path.name), path


def test_one_file_per_path(spec_files: dict[Path, Any]) -> None:
    root = spec_files[SPEC_DIR / "openapi.yaml"]
    targets = [item["$ref"] for item in root["paths"].values()]
    assert all(set(item) == {"$ref"} for item in root["paths"].values())
    assert len(targets) == len(set(targets)) == len(list((SPEC_DIR / "paths").glob("*.yaml")))


def resolve_pointer(schema: dict[str, Any], pointer: str) -> dict[str, Any] | None:
    """Follow a JSON pointer through a schema's properties, items and allOf parts."""
    node: dict[str, Any] | None = schema
    for token in pointer.strip("/").split("/"):
        node = find_child(node, token) if node is not None else None
    return node


def find_child(schema: dict[str, Any], token: str) -> dict[str, Any] | None:
    if token.isdigit() and "items" in schema:
        items: dict[str, Any] = schema["items"]
        return items
    if token in schema.get("properties", {}):
        prop: dict[str, Any] = schema["properties"][token]
        return prop
    for part in schema.get("allOf", []):
        found = find_child(part, token)
        if found is not None:
            return found
    return None


def test_links_target_existing_operations_parameters_and_fields(
    resolved_spec: dict[str, Any],
) -> None:
    by_id = {
        op["operationId"]: (path, item)
        for path, item in resolved_spec["paths"].items()
        for m, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }
    ops = {op["operationId"]: (path, op) for path, _, op in iter_operations(resolved_spec)}
    count = 0
    for _, _, op in iter_operations(resolved_spec):
        for status, response in op["responses"].items():
            schema = response["content"]["application/json"]["schema"]
            for name, link in response.get("links", {}).items():
                count += 1
                assert link["operationId"] in ops, name
                path, target = ops[link["operationId"]]
                params = {p["name"] for p in by_id[link["operationId"]][1].get("parameters", [])}
                params |= {p["name"] for p in target.get("parameters", [])}
                for param, expression in link["parameters"].items():
                    assert param in params, f"{name}: {param} is not a parameter of {path}"
                    assert expression.startswith("$response.body#"), expression
                    pointer = expression.removeprefix("$response.body#")
                    assert resolve_pointer(schema, pointer) is not None, f"{name}: {pointer}"
                    assert status.startswith("2")
    assert count >= 20


PORTABLE_NOT_BLANK = r"[^\s\u001c-\u001f\u0085\ufeff]"


def test_patterns_mean_the_same_in_ecma_262_and_python(spec_files: dict[Path, Any]) -> None:
    """JSON Schema patterns are ECMA-262, validators in Python use `re`: their `\\d`, `\\w` and
    `\\s` differ on non-ASCII input (the contract suite caught `"\\u0085"` once, D27)."""
    shorthand = re.compile(r"\\[dDwWsSbB]")

    def patterns(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                yield node["pattern"]
            for value in node.values():
                yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    found = [p for doc in spec_files.values() for p in patterns(doc)]
    assert len(found) > 10
    offending = [p for p in found if shorthand.search(p.replace(PORTABLE_NOT_BLANK, ""))]
    assert not offending
