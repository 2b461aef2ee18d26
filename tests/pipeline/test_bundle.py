"""The bundler keeps component names and means exactly what prance resolves."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from scripts.pipeline.bundle import BundleError, _escape, bundle, dereference, resolve_pointer
from scripts.pipeline.validate_spec import SpecInvalid, validate_all
from scripts.pipeline.yamlio import dump_yaml, load_yaml
from tests.lib import REPO_ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "spec" / "openapi.yaml"
REAL_SPEC = REPO_ROOT / "spec" / "openapi.yaml"
SPECS = [
    pytest.param(FIXTURE, id="fixture"),
    pytest.param(REAL_SPEC, id="spec"),
]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


@pytest.mark.parametrize("root", SPECS)
def test_every_component_file_keeps_its_name(root: Path) -> None:
    bundled = bundle(root)
    for file in sorted((root.parent / "components").glob("*/*.yaml")):
        kind, name = file.parent.name, file.stem
        assert name in bundled["components"][kind], f"{kind}/{name} lost its name"
        assert "$ref" not in bundled["components"][kind][name] or _refs(load_yaml(file))
    assert all(ref.startswith("#/") for ref in _refs(bundled)), "an external $ref is left"
    validate(bundled)


def test_fixture_refs_are_rewritten_in_place() -> None:
    bundled = bundle(FIXTURE)
    assert list(bundled["paths"]) == ["/v1/templates", "/v1/templates/{templateId}"]
    get = bundled["paths"]["/v1/templates/{templateId}"]
    assert get["parameters"] == [{"$ref": "#/components/parameters/TemplateId"}]
    assert get["get"]["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    webhook_schema = bundled["webhooks"]["processEvent"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    assert webhook_schema["allOf"][1]["properties"]["templateName"] == {
        "$ref": "#/components/schemas/Template/properties/templateName"
    }
    tree = bundled["components"]["schemas"]["TreeNode"]["properties"]["children"]["items"]
    assert tree == {"$ref": "#/components/schemas/TreeNode"}  # `#` in TreeNode.yaml
    assert list(bundled["components"]["schemas"])[:2] == ["Template", "TemplateList"]


def _without_recursive_refs(node: Any) -> Any:
    """prance keeps a recursive ref as written (`#`), we point it at the component."""
    if isinstance(node, dict):
        if set(node) == {"$ref"}:
            return "<recursive $ref>"
        return {key: _without_recursive_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_without_recursive_refs(item) for item in node]
    return node


def _json_data(node: Any) -> Any:
    """prance's loader turns unquoted timestamps into datetimes; ours keeps JSON strings."""
    return json.loads(json.dumps(node, default=lambda value: value.isoformat()))


@pytest.mark.parametrize("root", SPECS)
def test_dereferenced_bundle_equals_prance(root: Path) -> None:
    import prance  # type: ignore[import-untyped]
    from prance.util.resolver import keep_ref_on_recursion  # type: ignore[import-untyped]

    resolved = prance.ResolvingParser(
        str(root),
        backend="openapi-spec-validator",
        strict=True,
        recursion_limit_handler=keep_ref_on_recursion,
    ).specification
    ours = dereference(bundle(root), keep_siblings=False)  # prance drops `$ref` siblings
    # The root may list only some components (prance keeps just those); we add the rest.
    ours["components"] = {
        kind: {name: ours["components"][kind][name] for name in names}
        for kind, names in resolved.get("components", {}).items()
    }
    assert _without_recursive_refs(_json_data(ours)) == _without_recursive_refs(
        _json_data(resolved)
    )
    validate(dereference(bundle(root)))


def test_ref_siblings_override_the_target() -> None:
    document = {
        "components": {"schemas": {"A": {"type": "string", "description": "generic"}}},
        "x-use": {"$ref": "#/components/schemas/A", "description": "specific"},
    }
    assert dereference(document)["x-use"] == {"type": "string", "description": "specific"}


def test_yaml_output_is_plain_and_stable() -> None:
    shared = {"type": "string"}
    text = dump_yaml({"b": shared, "a": shared, "text": "é “quoted”\nsecond line", "on": "yes"})
    assert "&id" not in text and "*id" not in text
    assert text.endswith("\n") and "é “quoted”" in text
    assert text.index("b:") < text.index("a:")
    assert yaml.safe_load(text)["on"] == "yes"  # quoted so YAML 1.1 readers keep a string


def test_loader_keeps_json_data(tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text("at: 2026-04-23T15:01:02Z\nflag: yes\nok: true\n", encoding="utf-8")
    assert load_yaml(source) == {"at": "2026-04-23T15:01:02Z", "flag": "yes", "ok": True}
    source.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError, match="duplicate key"):
        load_yaml(source)


def test_missing_file_and_bad_pointer_are_errors(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
        "paths:\n  /a:\n    $ref: paths/missing.yaml\n",
        encoding="utf-8",
    )
    with pytest.raises(BundleError, match="does not exist"):
        bundle(root)
    (tmp_path / "paths").mkdir()
    (tmp_path / "paths" / "missing.yaml").write_text("get: {}\n", encoding="utf-8")
    root.write_text(root.read_text().replace("missing.yaml", "missing.yaml#/post"))
    with pytest.raises(BundleError, match="does not resolve"):
        bundle(root)


def test_invalid_spec_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text("openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n", encoding="utf-8")
    with pytest.raises(SpecInvalid, match="version"):
        validate_all(root)


def _expanded_everywhere(document: dict[str, Any], keep_siblings: bool = True) -> Any:
    """dereference without sharing: every place expands its target again (the oracle)."""

    def expand(node: Any, here: str, chain: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [expand(item, f"{here}/{i}", chain) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            pointer = ref[1:]
            if any(p == pointer or p.startswith(pointer + "/") for p in (*chain, here)):
                return dict(node)
            target = expand(resolve_pointer(document, pointer, ref), pointer, (*chain, here))
            if not keep_siblings or not isinstance(target, dict):
                return target
            siblings = {k: expand(v, f"{here}/{_escape(k)}", chain) for k, v in node.items()}
            return {**target, **{k: v for k, v in siblings.items() if k != "$ref"}}
        return {k: expand(v, f"{here}/{_escape(k)}", chain) for k, v in node.items()}

    return expand(document, "", ())


def _random_document(rng: random.Random) -> dict[str, Any]:
    """Nested objects and arrays with `$ref`s to random places: recursion, chains, siblings."""

    def node(depth: int) -> Any:
        if depth > 3 or rng.random() < 0.3:
            return rng.choice(["s", 1, True, None])
        if rng.random() < 0.3:
            return [node(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice("abcde/~"): node(depth + 1) for _ in range(rng.randint(0, 3))}

    document = {"components": {"schemas": {f"S{i}": node(1) for i in range(5)}}}
    document["paths"] = {"/p": node(1)}
    places: list[tuple[Any, str]] = []

    def walk(value: Any, here: str) -> None:
        if isinstance(value, dict):
            places.append((value, here))
            for key, item in list(value.items()):
                walk(item, f"{here}/{_escape(key)}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{here}/{i}")

    walk(document, "")
    for _ in range(rng.randint(1, 8)):
        holder = rng.choice(places)[0]
        ref: dict[str, Any] = {"$ref": "#" + rng.choice(places)[1]}
        if rng.random() < 0.3:
            ref["description"] = "beside the ref"
        holder[rng.choice("abcdxyz")] = ref
    return document


@pytest.mark.parametrize("keep_siblings", [True, False])
def test_shared_dereference_equals_expanding_every_place(keep_siblings: bool) -> None:
    rng = random.Random(7)
    for _ in range(3000):
        document = _random_document(rng)
        try:
            expected = _expanded_everywhere(document, keep_siblings)
        except BundleError as error:
            with pytest.raises(BundleError, match=re.escape(str(error))):
                dereference(document, keep_siblings=keep_siblings)
            continue
        assert dereference(document, keep_siblings=keep_siblings) == expected, document
    for root in (FIXTURE, REAL_SPEC):
        if root.is_file():
            bundled = bundle(root)
            assert dereference(bundled) == _expanded_everywhere(bundled)


def test_dereference_shares_each_target() -> None:
    document = {
        "components": {
            "schemas": {"A": {"type": "object", "properties": {"n": {"type": "integer"}}}}
        },
        "x-one": {"$ref": "#/components/schemas/A"},
        "x-two": [{"$ref": "#/components/schemas/A"}],
        "x-described": {"$ref": "#/components/schemas/A", "description": "own"},
    }
    result = dereference(document)
    target = result["components"]["schemas"]["A"]
    assert result["x-one"] is target and result["x-two"][0] is target
    assert result["x-described"] is not target  # its own description
    assert result["x-described"]["properties"] is target["properties"]
