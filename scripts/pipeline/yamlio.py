"""Read and write the spec's YAML the same way everywhere, so outputs are byte-stable.

Why a module of its own: PyYAML's defaults are wrong for OpenAPI. They follow YAML 1.1
(`yes`/`on` become booleans, unquoted `2026-04-23T15:01:02Z` becomes a datetime that JSON
cannot hold), silently keep the last of two duplicate keys, and write `&id001` anchors when
one object appears twice. OpenAPI is JSON data written as YAML, so we load JSON data only
and write plain, alias-free, insertion-ordered YAML.

Speed without a second format: parsing goes through libyaml when PyYAML has it (same events,
same data, eight times faster). Writing does too, but only for documents where libyaml's
emitter is known to write exactly what PyYAML's writes (`libyaml_writes_the_same`); libyaml
escapes characters outside the BMP, writes `? ` keys from another length limit, and ends
some block scalars with `...`, so any other document goes through PyYAML's own emitter.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

try:  # PyYAML built with libyaml (its wheels are)
    from yaml import CSafeDumper as _FastDumper
    from yaml import CSafeLoader as _FastLoader

    _LIBYAML = True
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    from yaml import SafeDumper as _FastDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _FastLoader  # type: ignore[assignment]

    _LIBYAML = False

_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _JsonDataConstructor(yaml.constructor.SafeConstructor):
    """SafeConstructor that refuses duplicate keys."""

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


class JsonDataLoader(_JsonDataConstructor, yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans, no timestamps and no duplicate keys."""


class JsonDataCLoader(_JsonDataConstructor, _FastLoader):
    """JsonDataLoader on libyaml's parser (the same resolvers and constructor)."""


for _loader in (JsonDataLoader, JsonDataCLoader):
    _loader.yaml_implicit_resolvers = {
        first: [
            (tag, regexp)
            for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver("tag:yaml.org,2002:bool", _YAML12_BOOL, list("tTfF"))


def _represent_str(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not value.endswith((" ", "\n\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class PlainDumper(yaml.SafeDumper):
    """SafeDumper that never writes anchors or aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class PlainCDumper(_FastDumper):
    """PlainDumper on libyaml's emitter; only for documents `libyaml_writes_the_same`."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


PlainDumper.add_representer(str, _represent_str)
PlainCDumper.add_representer(str, _represent_str)

# Characters both emitters treat alike: printable BMP text minus NEL, LS, PS and the BOM.
_EMITTERS_DIFFER = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_SIMPLE_KEY_BYTES = 122  # PyYAML: `? ` from 123 characters (tag counted); libyaml: 129 bytes


def libyaml_writes_the_same(data: Any) -> bool:
    """Whether libyaml's emitter writes `data` byte for byte as PyYAML's does.

    Found by differential fuzzing of the two (tests/pipeline/test_yamlio.py keeps checking):
    they agree on every string of the characters above, except a lone "\\n" (written `|2+`,
    after which libyaml adds `...`), an empty key and a key of more than 122 UTF-8 bytes.
    Shared subtrees are looked at once.
    """
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if node == "\n" or _EMITTERS_DIFFER.search(node):
                return False
        elif isinstance(node, dict | list) and id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, dict):
                for key in node:
                    if not isinstance(key, str) or not 0 < len(key.encode()) <= _SIMPLE_KEY_BYTES:
                        return False
                stack.extend(node)
                stack.extend(node.values())
            else:
                stack.extend(node)
    return True


def load_yaml(path: Path) -> Any:
    """Load one YAML or JSON file as JSON data."""
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=JsonDataCLoader)


def dump_yaml(data: Any) -> str:
    """YAML text in source key order, no aliases, no line wrapping, UTF-8, newline-terminated."""
    fast = _LIBYAML and libyaml_writes_the_same(data)
    text: str = yaml.dump(
        data,
        Dumper=PlainCDumper if fast else PlainDumper,
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
