"""The overlay applier against the Overlay 1.0.0 specification's own examples, and its errors."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from scripts.pipeline.overlay import OverlayError, apply_overlay, parse_overlay


def _load(text: str) -> Any:
    return yaml.safe_load(text)


PETSTORE = _load(
    """
openapi: 3.1.0
info: {title: Pets, version: 1.0.0}
paths:
  /:
    get:
      responses: {'200': {description: OK}}
  /pets:
    get:
      parameters:
        - {name: filter, in: query, schema: {type: string}}
        - {name: dummy, in: query}
      responses: {'200': {description: OK}}
  /foo:
    get:
      description: old foo
  /bar:
    get:
      description: old bar
      parameters:
        - {name: dummy, in: header}
    post:
      description: old post
      x-safe: true
"""
)


def test_structured_overlay_example() -> None:
    overlay = _load(
        """
overlay: 1.0.0
info:
  title: Structured Overlay
  version: 1.0.0
actions:
  - target: '$' # Root of document
    update:
      info:
        x-overlay-applied: structured-overlay
      paths:
        '/':
          summary: 'The root resource'
          get:
            summary: 'Retrieve the root resource'
            x-rate-limit: 100
        '/pets':
          get:
            summary: 'Retrieve a list of pets'
            x-rate-limit: 100
      components:
      tags:
"""
    )
    result = apply_overlay(PETSTORE, overlay)
    assert result["info"] == {
        "title": "Pets",
        "version": "1.0.0",
        "x-overlay-applied": "structured-overlay",
    }
    assert result["paths"]["/"]["summary"] == "The root resource"
    assert result["paths"]["/"]["get"]["x-rate-limit"] == 100
    assert result["paths"]["/"]["get"]["responses"] == {"200": {"description": "OK"}}
    assert result["paths"]["/pets"]["get"]["summary"] == "Retrieve a list of pets"
    assert len(result["paths"]["/pets"]["get"]["parameters"]) == 2
    # The example's empty `components:` and `tags:` are null values: new keys are added.
    assert result["components"] is None and result["tags"] is None
    assert PETSTORE["info"] == {"title": "Pets", "version": "1.0.0"}, "input was mutated"


def test_targeted_overlay_example() -> None:
    overlay = _load(
        """
overlay: 1.0.0
info:
  title: Targeted Overlays
  version: 1.0.0
actions:
  - target: $.paths['/foo'].get
    update:
      description: This is the new description
  - target: $.paths['/bar'].get
    update:
      description: This is the updated description
  - target: $.paths['/bar']
    update:
      post:
        description: This is an updated description of a child object
        x-safe: false
"""
    )
    result = apply_overlay(PETSTORE, overlay)
    assert result["paths"]["/foo"]["get"] == {"description": "This is the new description"}
    assert result["paths"]["/bar"]["get"]["description"] == "This is the updated description"
    assert result["paths"]["/bar"]["post"] == {
        "description": "This is an updated description of a child object",
        "x-safe": False,
    }


def test_wildcard_overlay_example() -> None:
    overlay = _load(
        """
overlay: 1.0.0
info:
  title: Update many objects at once
  version: 1.0.0
actions:
  - target: $.paths.*.get
    update:
      x-safe: true
  - target: $.paths.*.get.parameters[?@.name=='filter' && @.in=='query']
    update:
      schema:
        $ref: '/components/schemas/filterSchema'
"""
    )
    result = apply_overlay(PETSTORE, overlay)
    assert all(item["get"]["x-safe"] is True for item in result["paths"].values())
    # Objects merge recursively: the `schema` object gains `$ref` beside its `type`.
    assert result["paths"]["/pets"]["get"]["parameters"][0]["schema"] == {
        "type": "string",
        "$ref": "/components/schemas/filterSchema",
    }
    assert "schema" not in result["paths"]["/pets"]["get"]["parameters"][1]


def test_array_modification_examples() -> None:
    add = _load(
        """
overlay: 1.0.0
info:
  title: Add an array element
  version: 1.0.0
actions:
  - target: $.paths.*.get.parameters
    update:
      name: newParam
      in: query
"""
    )
    result = apply_overlay(PETSTORE, add)
    assert [p["name"] for p in result["paths"]["/pets"]["get"]["parameters"]] == [
        "filter",
        "dummy",
        "newParam",
    ]
    assert [p["name"] for p in result["paths"]["/bar"]["get"]["parameters"]] == [
        "dummy",
        "newParam",
    ]

    remove = _load(
        """
overlay: 1.0.0
info:
  title: Remove a array element
  version: 1.0.0
actions:
  - target: $.paths.*.get.parameters[?@.name == 'dummy']
    remove: true
"""
    )
    result = apply_overlay(PETSTORE, remove)
    assert [p["name"] for p in result["paths"]["/pets"]["get"]["parameters"]] == ["filter"]
    assert result["paths"]["/bar"]["get"]["parameters"] == []


TRAITS_DOCUMENT = _load(
    """
openapi: 3.1.0
info:
  title: API with a paged collection
  version: 1.0.0
paths:
  /items:
    get:
      x-oai-traits: ['paged']
      responses:
        200:
          description: OK
  /other:
    get:
      responses:
        200:
          description: OK
"""
)
TRAITS_UPDATE = {"parameters": [{"name": "top", "in": "query"}, {"name": "skip", "in": "query"}]}


def test_traits_example_as_printed_is_not_rfc9535() -> None:
    """The 1.0.0 text's target uses `@.x-oai-traits`: RFC 9535 shorthand names have no `-`."""
    overlay = {
        "overlay": "1.0.0",
        "info": {"title": "Apply Traits", "version": "1.0.0"},
        "actions": [{"target": "$.paths.*.get[?@.x-oai-traits.paged]", "update": TRAITS_UPDATE}],
    }
    with pytest.raises(OverlayError, match=r"action #0 .*x-oai-traits.*invalid RFC 9535"):
        apply_overlay(TRAITS_DOCUMENT, overlay)


def test_traits_example_with_the_corrected_target() -> None:
    """The target the 1.1.0 text corrected the example to."""
    target = "$.paths[?(@.get['x-oai-traits'][?(@ == 'paged')])].get"
    overlay = {
        "overlay": "1.0.0",
        "info": {"title": "Apply Traits", "version": "1.0.0"},
        "actions": [{"target": target, "update": TRAITS_UPDATE}],
    }
    result = apply_overlay(TRAITS_DOCUMENT, overlay)
    assert result["paths"]["/items"]["get"]["parameters"] == TRAITS_UPDATE["parameters"]
    assert "parameters" not in result["paths"]["/other"]["get"]


def _overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


def test_actions_apply_in_order_on_the_previous_result() -> None:
    result = apply_overlay(
        PETSTORE,
        _overlay(
            {"target": "$.paths['/foo']", "remove": True},
            {"target": "$.paths", "update": {"/foo": {"get": {"summary": "recreated"}}}},
            {"target": "$.paths['/foo'].get", "update": {"tags": ["a"]}},
            {"target": "$.paths['/foo'].get", "update": {"tags": ["b"]}},
        ),
    )
    assert result["paths"]["/foo"] == {"get": {"summary": "recreated", "tags": ["a", "b"]}}
    assert list(result["paths"])[-1] == "/foo"


def test_array_update_with_an_array_concatenates() -> None:
    result = apply_overlay(
        PETSTORE,
        _overlay(
            {"target": "$.paths['/bar'].get.parameters", "update": [{"name": "a"}, {"name": "b"}]}
        ),
    )
    assert [p["name"] for p in result["paths"]["/bar"]["get"]["parameters"]] == ["dummy", "a", "b"]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (
            {"target": "$.paths['/nowhere']", "update": {"x": 1}, "description": "gone"},
            r"action #1 \(target \"\$.paths\['/nowhere'\]\", 'gone'\): target matches nothing",
        ),
        ({"target": "$.info.title", "update": {"x": 1}}, "action #1 .*selects a scalar"),
        ({"target": "$.info.title", "remove": True}, "action #1 .*selects a scalar"),
        ({"target": "$.info", "update": "text"}, "action #1 .*update must be an object"),
        ({"target": "$.info", "update": {"title": {"nested": 1}}}, r"cannot merge dict into str"),
        ({"target": "$", "remove": True}, "cannot remove the document root"),
        ({"target": "$.paths[?@.x-y]", "remove": True}, "invalid RFC 9535 JSONPath"),
        ({"target": " $.info", "update": {}}, "target must be a JSONPath"),
    ],
)
def test_action_errors_name_the_action(action: dict[str, Any], message: str) -> None:
    fine = {"target": "$.info", "update": {"x-ok": True}}
    with pytest.raises(OverlayError, match=message):
        apply_overlay(PETSTORE, _overlay(fine, action))


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ({**_overlay({"target": "$", "update": {}}), "overlay": "1.1.0"}, "must be 1.0.x"),
        ({**_overlay({"target": "$", "update": {}}), "overlay": 1.0}, "must be 1.0.x"),
        (
            {
                "overlay": "1.0.0",
                "info": {"title": "t"},
                "actions": [{"target": "$", "remove": True}],
            },
            "missing fields \\['version'\\]",
        ),
        (_overlay(), "non-empty"),
        (_overlay({"target": "$"}), "exactly one of update and remove"),
        (_overlay({"target": "$", "remove": False}), "exactly one of update and remove"),
        (
            _overlay({"target": "$", "remove": True, "update": {}}),
            "exactly one of update and remove",
        ),
        (_overlay({"target": "$", "remove": "yes"}), "remove must be a boolean"),
        (_overlay({"target": "$", "update": {}, "upsert": 1}), r"unknown fields \['upsert'\]"),
        ({**_overlay({"target": "$", "update": {}}), "extra": 1}, r"unknown fields \['extra'\]"),
    ],
)
def test_invalid_overlay_documents(overlay: dict[str, Any], message: str) -> None:
    with pytest.raises(OverlayError, match=message):
        parse_overlay(overlay)


def test_extensions_are_allowed() -> None:
    overlay = _overlay({"target": "$.info", "update": {}, "x-note": 1})
    overlay["x-owner"] = "pipeline"
    overlay["info"]["x-purpose"] = "test"
    assert len(parse_overlay(overlay)) == 1
