"""Pages for AI coding assistants: llms.txt and one Markdown page per operation.

`llms.txt` follows the llmstxt.org format (an H1 with the API's name, a blockquote summary,
a few paragraphs, then H2 sections of `- [title](url): notes` links, the last one
`Optional`). Its links are relative to the site root, so it works on any host: each
operation's page `reference/<operationId>.md`, the guides' Markdown sources
`guides/<slug>.md`, the changelog `changelog.md` and the bundled spec.

An operation's page is generated from the docs variant of the spec (what the reference
renders, with the partner notes): method and path, what it does, authentication, parameters,
the request body (its properties, one row each, nested ones by dotted path, and its
example), every response (status, what it means, the error codes it carries, its example)
and the curl sample, the tested file of docs/samples/ as the reference shows it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
MAX_DEPTH = 4
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(\s|$)", re.S)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str  # the URL path, or "<your webhook URL>" for a webhook
    tag: str
    node: dict[str, Any]
    webhook: str | None = None


def operations(document: Any) -> list[Operation]:
    """Every operation of `paths`, then every webhook, in the document's order."""
    found = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                node = item[method]
                tag = (node.get("tags") or [""])[0]
                found.append(Operation(node["operationId"], method, path, tag, node))
    for name, item in document.get("webhooks", {}).items():
        for method in METHODS:
            if method in item:
                node = item[method]
                tag = (node.get("tags") or [""])[0]
                found.append(
                    Operation(node["operationId"], method, "<your webhook URL>", tag, node, name)
                )
    return found


def resolve(document: Any, node: Any) -> Any:
    """Follow local `$ref`s until a node that is not one."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
        if seen > 50:
            raise ValueError(f"$ref cycle at {node}")
    return node


def _ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return str(node["$ref"]).rsplit("/", 1)[-1]
    return None


def type_of(document: Any, schema: Any, depth: int = 0) -> str:
    """A short, readable type: `string (uuid)`, `array of Participant`, `one of A, B`."""
    name = _ref_name(schema)
    node = resolve(document, schema)
    if not isinstance(node, dict):
        return "any"
    if "enum" in node:
        values = ", ".join(f"`{value}`" for value in node["enum"])
        return f"{name} (one of {values})" if name else f"one of {values}"
    if "const" in node:
        return f"`{node['const']}`"
    for key in ("anyOf", "oneOf"):
        if key in node and depth < MAX_DEPTH:
            branches = [type_of(document, branch, depth + 1) for branch in node[key]]
            if len(branches) == 2 and branches[1] == "string" and "one of" in branches[0]:
                return f"{branches[0]}, or any other string (an open list)"
            return " or ".join(branches)
    if "allOf" in node:
        names = [n for n in (_ref_name(part) for part in node["allOf"]) if n]
        return name or (names[0] if names else "object")
    kind = node.get("type", "object" if "properties" in node else "any")
    if isinstance(kind, list):
        kind = " or ".join(str(k) for k in kind)
    if kind == "array":
        items = node.get("items", {})
        return f"array of {_ref_name(items) or type_of(document, items, depth + 1)}"
    if kind == "object" and name:
        return name
    if node.get("format"):
        return f"{kind} ({node['format']})"
    return str(kind)


def _properties(document: Any, schema: Any) -> tuple[dict[str, Any], set[str]]:
    node = resolve(document, schema)
    if not isinstance(node, dict):
        return {}, set()
    properties = dict(node.get("properties", {}))
    required = set(node.get("required", []))
    for part in node.get("allOf", []):
        more, more_required = _properties(document, part)
        properties.update(more)
        required |= more_required
    return properties, required


def property_rows(
    document: Any, schema: Any, prefix: str = "", depth: int = 0
) -> Iterator[tuple[str, str, bool, str]]:
    """(dotted name, type, required, description) of every property, nested ones too."""
    node = resolve(document, schema)
    if isinstance(node, dict) and node.get("type") == "array" and not prefix:
        node = resolve(document, node.get("items", {}))
        prefix = "[]"
    properties, required = _properties(document, node)
    for name, child in properties.items():
        dotted = f"{prefix}.{name}" if prefix and prefix != "[]" else f"{prefix}{name}"
        resolved = resolve(document, child)
        yield dotted, type_of(document, child), name in required, _text(resolved)
        if depth >= MAX_DEPTH or not isinstance(resolved, dict):
            continue
        if resolved.get("type") == "array":
            items = resolve(document, resolved.get("items", {}))
            if _properties(document, items)[0]:
                yield from property_rows(document, items, f"{dotted}[]", depth + 1)
        elif _properties(document, resolved)[0]:
            yield from property_rows(document, resolved, dotted, depth + 1)


def _text(node: Any) -> str:
    if not isinstance(node, dict):
        return ""
    return " ".join(str(node.get("description", "")).split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(document: Any, media: dict[str, Any]) -> Any:
    if "example" in media:
        return media["example"]
    for example in (media.get("examples") or {}).values():
        value = resolve(document, example)
        if isinstance(value, dict) and "value" in value:
            return value["value"]
    return None


def _json_block(value: Any) -> list[str]:
    return ["```json", json.dumps(value, indent=2, ensure_ascii=False), "```"]


def _codes(document: Any, media: dict[str, Any]) -> list[str]:
    codes = []
    for example in (media.get("examples") or {}).values():
        value = resolve(document, example).get("value", {})
        if isinstance(value, dict) and value.get("code") and value.get("success") is False:
            codes.append(str(value["code"]))
    return sorted(set(codes))


def _security(document: Any, operation: Operation) -> list[str]:
    requirements = operation.node.get("security", document.get("security", []))
    schemes = document.get("components", {}).get("securitySchemes", {})
    lines = []
    for requirement in requirements:
        parts = []
        for name in requirement:
            scheme = schemes.get(name, {})
            header = scheme.get("name", name)
            parts.append(f"`{header}` ({_text(scheme)})")
        if parts:
            lines.append("- " + " and ".join(parts))
    return lines or ["None: Signly calls you; check the signature instead (see the parameters)."]


def operation_markdown(
    document: Any, operation: Operation, curl: str | None, tag_names: dict[str, str]
) -> str:
    """The Markdown page of one operation."""
    node = operation.node
    what = "webhook" if operation.webhook else "operation"
    out = [
        f"# {node.get('summary', operation.operation_id)}",
        "",
        f"`{operation.method.upper()} {operation.path}`",
        "",
        f"- {what}: `{operation.operation_id}`"
        + (f" (webhook `{operation.webhook}`, sent by Signly to you)" if operation.webhook else ""),
        f"- section: {tag_names.get(operation.tag, operation.tag)}",
    ]
    if node.get("deprecated"):
        sunset = node.get("x-sunset")
        out.append("- deprecated" + (f", removed on or after {sunset}" if sunset else ""))
    out += ["", str(node.get("description", "")).strip(), "", "## Authentication", ""]
    out += _security(document, operation)
    parameters = [resolve(document, p) for p in node.get("parameters", [])]
    if parameters:
        out += ["", "## Parameters", "", "| name | in | type | required | description |"]
        out.append("|---|---|---|---|---|")
        for parameter in parameters:
            cells = [
                f"`{parameter['name']}`",
                parameter["in"],
                type_of(document, parameter.get("schema", {})),
                "yes" if parameter.get("required") else "no",
                _text(parameter),
            ]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    body = resolve(document, node.get("requestBody")) if node.get("requestBody") else None
    if body:
        out += ["", "## Request body", ""]
        for media_type, media in body.get("content", {}).items():
            schema = media.get("schema", {})
            required = "required" if body.get("required") else "optional"
            out += [f"`{media_type}`, {required}: {type_of(document, schema)}.", ""]
            if text := _text(resolve(document, schema)):
                out += [text, ""]
            rows = list(property_rows(document, schema))
            if rows:
                out += ["| property | type | required | description |", "|---|---|---|---|"]
                for name, kind, needed, text in rows:
                    cells = [f"`{name}`", kind, "yes" if needed else "no", text]
                    out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
                out.append("")
            example = _example(document, media)
            if example is not None:
                out += ["Example:", "", *_json_block(example), ""]
    out += ["", "## Responses", ""]
    for status, reference in node.get("responses", {}).items():
        response = resolve(document, reference)
        label = "any other status" if status == "default" else status
        out += [f"### {label}", "", _text(response), ""]
        for media_type, media in response.get("content", {}).items():
            out.append(f"`{media_type}`: {type_of(document, media.get('schema', {}))}.")
            if codes := _codes(document, media):
                out.append("Codes: " + ", ".join(f"`{code}`" for code in codes) + ".")
            example = _example(document, media)
            if example is not None and str(status).startswith("2"):
                out += ["", "Example:", "", *_json_block(example)]
            out.append("")
    if curl:
        out += ["## Sample (curl)", "", "```sh", curl.rstrip("\n"), "```", ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip("\n") + "\n"


def first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = _FIRST_SENTENCE.match(flat)
    return match.group(1) if match else flat


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    notes: str


def llms_txt(
    document: Any,
    operation_links: list[Link],
    guide_links: list[Link],
    files: list[Link],
    optional: list[Link],
) -> str:
    """The site's llms.txt (https://llmstxt.org)."""
    info = document["info"]
    description = str(info.get("description", "")).strip()
    paragraphs = [p for p in description.split("\n\n") if p.strip()]
    summary = " ".join(paragraphs[0].split()) if paragraphs else ""
    servers = "; ".join(
        f"{server['url']} ({' '.join(str(server.get('description', '')).split()).rstrip('.')})"
        for server in document.get("servers", [])
    )
    out = [f"# {info['title']}", "", f"> {summary}", ""]
    for paragraph in paragraphs[1:]:
        out += [" ".join(paragraph.split()), ""]
    out += [
        f"Servers: {servers}. Every operation's page below gives its method, path,"
        " parameters, body, responses and a curl sample that runs against the sandbox as is.",
        "",
    ]
    for heading, links in (
        ("Operations", operation_links),
        ("Guides", guide_links),
        ("Files", files),
        ("Optional", optional),
    ):
        if links:
            out += [f"## {heading}", ""]
            out += [f"- [{link.title}]({link.url}): {link.notes}" for link in links]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
