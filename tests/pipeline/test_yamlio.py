"""yamlio: libyaml parses as PyYAML does, and writes only what PyYAML would write.

The emitters were compared by differential fuzzing; this keeps a seeded sample of that
comparison, the committed documents, and the inputs on which libyaml is known to differ.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.pipeline.yamlio import (
    JsonDataCLoader,
    JsonDataLoader,
    PlainCDumper,
    PlainDumper,
    dump_yaml,
    libyaml_writes_the_same,
    load_yaml,
)
from tests.lib import REPO_ROOT

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "default_flow_style": False,
    "width": 2**31 - 1,
    "indent": 2,
}
ALPHABET = [
    *"ab :#-?[]{},&*!|>'\"%@`\n\t\\ .~=01",
    "é", "“", "\xa0", "\u200b", "\ue000", "\ud7ff", "\ufffd", "ß", "中", "\xad", "\u3000",
    "\u202e", "\u0301", "\x85", "\u2028", "\ufeff", "😀", "\r", "\x1b",
]  # fmt: skip
WORDS = ["yes", "null", "on", "~", "1.0", "0x1F", "2026-04-23", "12:30", "---", "...", "<<"]
WORDS += [".inf", "- ", "? ", ": ", " #", "\n", "\n\n", " \n", "\n ", "a" * 130]


def _with(dumper: type[PlainDumper | PlainCDumper], data: Any) -> str:
    text: str = yaml.dump(data, Dumper=dumper, **OPTIONS)
    return text


def _text(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return "".join(rng.choice(WORDS + ALPHABET) for _ in range(rng.randint(0, 5)))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14)))


def test_libyaml_writes_what_pyyaml_writes_where_it_says_so() -> None:
    rng = random.Random(20261201)
    compared = 0
    for _ in range(3000):
        text, other = _text(rng), _text(rng)
        data = {
            "k": text,
            text[: rng.randint(0, 8)] or "x": [text, {"n": other, "m": [[text], {}, []]}],
            "long" * rng.randint(1, 40) + other[:3]: text,
            "z": {other: {text: other}, "e": None, "f": 1.5, "b": True},
        }
        python = _with(PlainDumper, data)
        assert dump_yaml(data) == python  # whichever emitter it picks
        if libyaml_writes_the_same(data):
            compared += 1
            assert _with(PlainCDumper, data) == python, repr(data)
    assert compared > 250


@pytest.mark.parametrize(
    "data",
    [{"k": "😀"}, {"k": "\n", "b": 1}, {"": 1}, {"k" * 123: 1}, {"é" * 65: 1}],
    ids=["astral", "lone newline", "empty key", "long key", "long utf-8 key"],
)
def test_where_libyaml_differs_pyyaml_writes(data: dict[Any, Any]) -> None:
    assert _with(PlainCDumper, data) != _with(PlainDumper, data)  # why the check exists
    assert not libyaml_writes_the_same(data)
    assert dump_yaml(data) == _with(PlainDumper, data)


@pytest.mark.parametrize("text", ["a\x85b", "a\u2028b", "\ufeffa", "\r", "\x1b", 200])
def test_untested_characters_and_keys_go_through_pyyaml(text: Any) -> None:
    for data in ({"k": text}, {text: 1}):
        if isinstance(text, str) or data == {text: 1}:
            assert not libyaml_writes_the_same(data)
        assert dump_yaml(data) == _with(PlainDumper, data)
    assert libyaml_writes_the_same({"k" * 122: "v", "é" * 61: "w"})


def test_committed_documents_round_trip_byte_for_byte() -> None:
    documents = sorted((REPO_ROOT / "generated").glob("openapi.*.yaml"))
    assert len(documents) >= 4, documents  # client, dereferenced, docs, sandbox
    for path in documents:
        data = load_yaml(path)
        assert libyaml_writes_the_same(data), path.name
        assert dump_yaml(data) == path.read_text(encoding="utf-8"), path.name


def test_libyaml_parser_gives_the_same_data() -> None:
    files = [*sorted(REPO_ROOT.glob("spec/**/*.yaml")), *sorted(REPO_ROOT.glob("overlays/*.yaml"))]
    files += sorted((Path(__file__).parent / "fixtures").glob("**/*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=JsonDataCLoader) == yaml.load(text, Loader=JsonDataLoader)
    for text in ("a: 1\na: 2\n", "x: yes\ny: 2026-04-23T15:01:02Z\nz: True\n"):
        for loader in (JsonDataLoader, JsonDataCLoader):
            try:
                outcome: Any = yaml.load(text, Loader=loader)
            except yaml.YAMLError as error:
                outcome = type(error)
            assert outcome in (yaml.constructor.ConstructorError, {
                "x": "yes", "y": "2026-04-23T15:01:02Z", "z": True
            })  # fmt: skip
