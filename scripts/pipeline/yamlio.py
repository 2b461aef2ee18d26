"""Read and write the spec's YAML the same way everywhere, so outputs are byte-stable.

Why a module of its own: PyYAML's defaults are wrong for OpenAPI. They follow YAML 1.1
(`yes`/`on` become booleans, unquoted `2026-04-23T15:01:02Z` becomes a datetime that JSON
cannot hold), silently keep the last of two duplicate keys, and write `&id001` anchors when
one object appears twice. OpenAPI is JSON data written as YAML, so we load JSON data only
and write plain, alias-free, insertion-ordered YAML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class JsonDataLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans, no timestamps and no duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


JsonDataLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
JsonDataLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _YAML12_BOOL, list("tTfF"))


class PlainDumper(yaml.SafeDumper):
    """SafeDumper that never writes anchors or aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not value.endswith((" ", "\n\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


PlainDumper.add_representer(str, _represent_str)


def load_yaml(path: Path) -> Any:
    """Load one YAML or JSON file as JSON data."""
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=JsonDataLoader)


def dump_yaml(data: Any) -> str:
    """YAML text in source key order, no aliases, no line wrapping, UTF-8, newline-terminated."""
    text: str = yaml.dump(
        data,
        Dumper=PlainDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**31 - 1,
        indent=2,
    )
    return text


def dump_json(data: Any) -> str:
    """JSON text with stable formatting and a trailing newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 with LF line endings whatever the platform."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
