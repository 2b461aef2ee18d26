"""Request validation compiled from the bundled spec, once at startup.

Each operation gets Draft 2020-12 validators (with a `referencing` registry over the whole
bundled document) for its path, query and header parameters and its JSON body. Failures
become the page's error shapes: `validation_error` with `details.fields` nested as D11 says,
`bad_request` with `details.code`/`details.field` for a query parameter, 404 for a path id
that cannot exist (D24), `invalid_auth_method` for the page's own auth_method case.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, _keywords, validators
from jsonschema._utils import equal, uniq
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from signly_sandbox.errors import ApiError, BadRequest, InvalidAuthMethod, NotFound, Validation
from signly_sandbox.ids import is_uuid

SPEC_URI = "urn:signly:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_INTEGER = re.compile(r"^-?\d{1,18}$")
# Query parameters whose error carries the given value as `field` (the page's INVALID_SORT_FIELD).
_QUERY_ERROR_SHAPES = {"sort": ("INVALID_SORT_FIELD", "Invalid sort field.", True)}
# Body fields whose enum violation has its own documented error (the page's POST /api 400).
_ENUM_FIELD_ERRORS: dict[str, type[ApiError]] = {"auth_method": InvalidAuthMethod}


def _format_checker() -> FormatChecker:
    """uuid and date-time checked strictly (jsonschema skips date-time without extras)."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_datetime(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _RFC3339.match(value):
            return False
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    @checker.checks("uuid")
    def is_canonical_uuid(value: object) -> bool:
        return not isinstance(value, str) or is_uuid(value)

    return checker


FORMAT_CHECKER = _format_checker()
# jsonschema's keyword functions are generators its stubs type as returning None.
keywords: Any = _keywords
# A body breaking many rules is answered with the first ones: a 1 MiB body of 300k bad items
# must not make a response of 20 MB.
MAX_REPORTED_ERRORS = 50
MAX_REPORTED_UNKNOWN_FIELDS = 20


def _bounded_items(
    validator: Any, items: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """`items`, skipped when the array already breaks `maxItems` or `uniqueItems` (that error
    is reported on its own): 300k participants or signature modes must not be validated one
    by one."""
    if isinstance(instance, list):
        limit = schema.get("maxItems")
        if isinstance(limit, int) and len(instance) > limit:
            return
        if schema.get("uniqueItems") is True and not _nested(instance) and not uniq(instance):
            return
    yield from keywords.items(validator, items, instance, schema)


def _nested(instance: list[Any]) -> bool:
    """Whether an array holds an array or an object (which `uniq` compares pairwise)."""
    return any(isinstance(item, list | dict) for item in instance)


def _bounded_unique_items(
    validator: Any, unique: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """`uniqueItems`, where jsonschema compares unhashable items pairwise (quadratic): with
    any array or object among the items, checked only once every item is valid on its own
    (an array with an invalid item is refused by `items` anyway)."""
    items = schema.get("items")
    if isinstance(instance, list) and isinstance(items, dict) and _nested(instance):
        check = validator.evolve(schema=items)
        if not all(check.is_valid(item) for item in instance):
            return
    yield from keywords.uniqueItems(validator, unique, instance, schema)


def _bounded_contains(
    validator: Any, contains: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """`contains` with no `minContains`/`maxContains` stops at the first match (jsonschema
    counts them all), and compares a `const` schema directly."""
    if not isinstance(instance, list) or "minContains" in schema or "maxContains" in schema:
        yield from keywords.contains(validator, contains, instance, schema)
        return
    if isinstance(contains, dict) and set(contains) == {"const"}:
        wanted = contains["const"]
        found = any(equal(item, wanted) for item in instance)
    else:
        check = validator.evolve(schema=contains)
        found = any(check.is_valid(item) for item in instance)
    if not found:
        yield ValidationError("No item matches the given schema.")


# Draft 2020-12 with linear-time array keywords (see above), for request bodies and parameters.
_extend: Any = validators.extend  # untyped in jsonschema's stubs
BoundedValidator: Any = _extend(
    Draft202012Validator,
    {"items": _bounded_items, "uniqueItems": _bounded_unique_items, "contains": _bounded_contains},
)


class SpecDocument:
    """The bundled document, its registry, and helpers to resolve local references."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self.conditional_messages = _conditional_messages(document)

    def resolve(self, node: Any, where: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
        """Follow local `$ref`s; return the target and its location in the document."""
        while isinstance(node, dict) and "$ref" in node and str(node["$ref"]).startswith("#/"):
            where = tuple(
                token.replace("~1", "/").replace("~0", "~") for token in node["$ref"][2:].split("/")
            )
            node = self.document
            for token in where:
                node = node[int(token)] if isinstance(node, list) else node[token]
        return node, where

    def validator(self, where: tuple[str, ...]) -> Any:
        """A validator for the schema at `where`, its own `$ref`s resolved against the whole
        document. Built on the node itself rather than on a `{"$ref": ...}` wrapper: a
        registry lookup per call made a path parameter check 20 times slower."""
        node = self.node(where)
        if isinstance(node, dict) and set(node) == {"$ref"}:
            node, _ = self.resolve(node, where)
        # `_resolver` (an attrs field jsonschema does not type) roots the node's local
        # `#/components/...` references in the bundled document.
        rooted: dict[str, Any] = {"_resolver": self.registry.resolver(base_uri=SPEC_URI)}
        return BoundedValidator(
            node, registry=self.registry, format_checker=FORMAT_CHECKER, **rooted
        )

    def node(self, where: tuple[str, ...]) -> Any:
        node: Any = self.document
        for token in where:
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def schema_keyword(self, where: tuple[str, ...], keyword: str) -> Any:
        """A keyword of the schema at `where`, looked up beside and then through its `$ref`
        (OpenAPI 3.1 allows `default` next to `$ref`)."""
        node = self.node(where)
        while isinstance(node, dict):
            if keyword in node:
                return node[keyword]
            if "$ref" not in node:
                return None
            node, where = self.resolve({"$ref": node["$ref"]}, where)
        return None


@dataclass
class ParameterCheck:
    name: str
    location: str
    required: bool
    schema_type: Any
    default: Any
    validator: Validator

    def coerce(self, raw: str) -> Any:
        """Query, path and header values are text; the spec types them."""
        if self.schema_type == "integer" and _INTEGER.match(raw):
            return int(raw)
        return raw


@dataclass
class OperationChecks:
    """Everything needed to validate one operation's request, compiled once."""

    operation_id: str
    path_params: list[ParameterCheck] = field(default_factory=list)
    query_params: list[ParameterCheck] = field(default_factory=list)
    header_params: list[ParameterCheck] = field(default_factory=list)
    body: Validator | None = None
    body_required: bool = False
    conditional_messages: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def check_path(self, raw: Mapping[str, str]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for param in self.path_params:
            value = param.coerce(raw.get(param.name, ""))
            if not param.validator.is_valid(value):
                # D24: in the path, a malformed id or version is an unknown one.
                resource = re.sub(r"Id$", "", param.name).capitalize()
                raise NotFound(f"{resource} not found.", {param.name: value})
            values[param.name] = value
        return values

    def check_query(self, raw: Mapping[str, str]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for param in self.query_params:
            if param.name not in raw:
                if param.default is not None:
                    values[param.name] = param.default
                continue
            given = raw[param.name]
            value = param.coerce(given)
            if not param.validator.is_valid(value):
                code, message, value_as_field = _QUERY_ERROR_SHAPES.get(
                    param.name,
                    (f"INVALID_{_upper_snake(param.name)}", f"Invalid {param.name}.", False),
                )
                raise BadRequest(
                    message, {"code": code, "field": given if value_as_field else param.name}
                )
            values[param.name] = value
        return values

    def check_headers(self, raw: Mapping[str, str]) -> None:
        fields: dict[str, Any] = {}
        for param in self.header_params:
            given = raw.get(param.name.lower())
            if given is None:
                if param.required:
                    fields[param.name] = ["Missing data for required field."]
                continue
            if not param.validator.is_valid(param.coerce(given)):
                fields[param.name] = ["Invalid value."]
        if fields:
            raise Validation(fields)

    def check_body(self, body: Any) -> None:
        if self.body is None:
            return
        # One pass: the first errors, not `is_valid` and then every error again.
        errors = list(itertools.islice(self.body.iter_errors(body), MAX_REPORTED_ERRORS))
        if not errors:
            return
        fields: dict[str, Any] = {}
        for error in errors:
            special = _special_error(error)
            if special is not None:
                raise special
            for path, message in _field_messages(error, self.conditional_messages):
                _put(fields, path, message)
        raise Validation(fields)


def _upper_snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def _special_error(error: ValidationError) -> ApiError | None:
    path = list(error.absolute_path)
    if len(path) == 1 and error.validator == "enum" and path[0] in _ENUM_FIELD_ERRORS:
        allowed = list(_keyword_value(error))
        return _ENUM_FIELD_ERRORS[str(path[0])](details={"field": path[0], "allowed": allowed})
    return None


def _humanize(name: str) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name).replace("_", " ").lower()
    return words[:1].upper() + words[1:]


def _conditional_messages(document: dict[str, Any]) -> dict[int, tuple[str, ...]]:
    """Map each `then` schema (and each object schema nested in it) to the page-style
    `_schema` message of its rule, e.g. "Document number is required for biometric signature."

    The spec says the biometric rule as `if signatureMode contains SIGNATURE_BIOMETRIC then
    identity.documentNumber is required`; the page reports it as one message on the whole
    participant. Keyed by `id()` of the schema dicts, which jsonschema hands back in errors."""
    found: dict[int, tuple[str, ...]] = {}

    def consts(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [str(node["const"])] if "const" in node else []
            return own + [c for value in node.values() for c in consts(value)]
        return []

    def leaf_required(node: dict[str, Any]) -> list[str]:
        nested = [
            name
            for sub in node.get("properties", {}).values()
            if isinstance(sub, dict)
            for name in leaf_required(sub)
        ]
        return nested or [str(name) for name in node.get("required", [])]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("if"), dict) and isinstance(node.get("then"), dict):
                condition = " or ".join(
                    c.removeprefix("SIGNATURE_").lower() for c in consts(node["if"])
                )
                then = node["then"]
                message = tuple(
                    f"{_humanize(name)} is required for {condition} signature."
                    for name in leaf_required(then)
                )
                found[id(then)] = message
                for sub in then.get("properties", {}).values():
                    if isinstance(sub, dict):
                        found[id(sub)] = message
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return found


def _field_messages(
    error: ValidationError, conditional: Mapping[int, tuple[str, ...]]
) -> list[tuple[list[str], str]]:
    """(path, message) pairs for one schema error, paths as D11 nests them."""
    path = [str(token) for token in error.absolute_path]
    rule = conditional.get(id(error.schema))
    if rule is not None:
        schema_path = list(error.relative_schema_path)
        after_then = schema_path[len(schema_path) - schema_path[::-1].index("then") :]
        depth = after_then.count("properties")
        owner = path[: len(path) - depth] if depth else path
        return [([*owner, "_schema"], message) for message in rule]
    if error.validator == "required" and isinstance(error.instance, dict):
        return [
            ([*path, str(name)], "Missing data for required field.")
            for name in _keyword_value(error)
            if name not in error.instance
        ]
    if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(
        error.instance, dict
    ):
        schema = error.schema if isinstance(error.schema, dict) else {}
        known = schema.get("properties", {})
        unknown = (name for name in error.instance if name not in known)
        return [
            ([*path, str(name)], "Unknown field.")
            for name in itertools.islice(unknown, MAX_REPORTED_UNKNOWN_FIELDS)
        ]
    if not path:
        path = ["_schema"]
    return [(path, _message(error))]


def _keyword_value(error: ValidationError) -> Any:
    """The failed keyword's value in the schema (jsonschema types it as possibly unset)."""
    return error.validator_value


def _message(error: ValidationError) -> str:
    kind, expected = error.validator, _keyword_value(error)
    if kind == "type":
        names = expected if isinstance(expected, list) else [expected]
        return "Not a valid " + " or ".join(str(n) for n in names) + "."
    if kind == "enum":
        return "Must be one of: " + ", ".join(str(v) for v in expected) + "."
    if kind == "const":
        return f"Must be {expected!r}."
    if kind == "format":
        return f"Not a valid {expected}."
    if kind in ("minLength", "minItems"):
        return "Shorter than minimum length." if expected else "Must not be empty."
    if kind in ("maxLength", "maxItems", "maxProperties"):
        return f"Longer than maximum length {expected}."
    if kind in ("minimum", "exclusiveMinimum"):
        return f"Must be greater than or equal to {expected}."
    if kind in ("maximum", "exclusiveMaximum"):
        return f"Must be less than or equal to {expected}."
    if kind == "pattern":
        return "String does not match expected pattern."
    if kind == "uniqueItems":
        return "Items must be unique."
    return str(error.message)


def _put(fields: dict[str, Any], path: list[str], message: str) -> None:
    """Nest a message at `path`: objects for nested fields and array items (index as a
    string key), a list of messages at the leaf; a leaf that also has children keeps its
    own messages under `_schema`."""
    node = fields
    for token in path[:-1]:
        child = node.get(token)
        if isinstance(child, list):
            child = {"_schema": child}
            node[token] = child
        elif child is None:
            child = {}
            node[token] = child
        node = child
    leaf = path[-1]
    existing = node.get(leaf)
    if isinstance(existing, dict):
        existing.setdefault("_schema", [])
        target: list[str] = existing["_schema"]
    else:
        target = node.setdefault(leaf, [])
    if message not in target:
        target.append(message)


def compile_operation(
    spec: SpecDocument, path: str, method: str, path_item_params: list[Any]
) -> OperationChecks:
    """Compile one operation's validators from its (bundled) spec entry."""
    op_where = ("paths", path, method)
    operation = spec.document["paths"][path][method]
    checks = OperationChecks(
        operation_id=operation["operationId"], conditional_messages=spec.conditional_messages
    )
    merged: dict[tuple[str, str], tuple[Any, tuple[str, ...]]] = {}
    item_params = [
        (p, ("paths", path, "parameters", str(i))) for i, p in enumerate(path_item_params)
    ]
    op_params = [
        (p, (*op_where, "parameters", str(i)))
        for i, p in enumerate(operation.get("parameters", []))
    ]
    for raw, where in item_params + op_params:
        param, param_where = spec.resolve(raw, where)
        merged[(param["name"], param["in"])] = (param, param_where)
    for (name, location), (param, param_where) in merged.items():
        schema_where = (*param_where, "schema")
        check = ParameterCheck(
            name=name,
            location=location,
            required=bool(param.get("required", location == "path")),
            schema_type=spec.schema_keyword(schema_where, "type"),
            default=spec.schema_keyword(schema_where, "default"),
            validator=spec.validator(schema_where),
        )
        {
            "path": checks.path_params,
            "query": checks.query_params,
            "header": checks.header_params,
        }.get(location, []).append(check)
    if "requestBody" in operation:
        body, body_where = spec.resolve(operation["requestBody"], (*op_where, "requestBody"))
        checks.body_required = bool(body.get("required", False))
        if "application/json" in body.get("content", {}):
            schema_where = (*body_where, "content", "application/json", "schema")
            checks.body = spec.validator(schema_where)
    return checks
