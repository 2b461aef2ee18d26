"""Bundle the multi-file spec into one document that keeps every component's name.

Why not prance's bundle: it inlines every external `$ref`, so component names are lost and
the generators invent path-derived or numbered class names (see shared/notes/toolchain.md).
Here a `$ref` to `components/<kind>/Name.yaml[#/pointer]` becomes
`#/components/<kind>/Name[/pointer]` with the file's content placed there once, and any
other file (the path items) is inlined where it is referenced. `dereference` then gives the
fully resolved variant for readers and tools that cannot follow references.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from scripts.pipeline.yamlio import load_yaml

COMPONENT_KINDS = (
    "schemas", "responses", "parameters", "examples", "requestBodies",
    "headers", "securitySchemes", "links", "callbacks", "pathItems",
)  # fmt: skip


class BundleError(Exception):
    """The spec's references cannot be bundled (missing file, bad pointer, cycle)."""


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def resolve_pointer(document: Any, pointer: str, where: str = "") -> Any:
    """Follow an RFC 6901 JSON pointer (`/a/b~1c`) inside `document`."""
    node = document
    for raw in pointer.split("/")[1:] if pointer else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(token)] if isinstance(node, list) else node[token]
        except (KeyError, IndexError, ValueError, TypeError):
            raise BundleError(f"{where}: pointer #{pointer} does not resolve") from None
    return node


class _Bundler:
    def __init__(self, root_file: Path) -> None:
        self.spec_dir = root_file.parent.resolve()
        self.files: dict[Path, Any] = {}
        self.components: dict[str, dict[str, Any]] = {}  # kind -> name -> rewritten content
        self.pending: list[tuple[str, str, Path]] = []

    def load(self, path: Path) -> Any:
        if path not in self.files:
            if not path.is_file():
                raise BundleError(f"referenced file {path} does not exist")
            self.files[path] = load_yaml(path)
        return self.files[path]

    def component_of(self, path: Path) -> tuple[str, str] | None:
        parts = path.relative_to(self.spec_dir).parts if path.is_relative_to(self.spec_dir) else ()
        if len(parts) == 3 and parts[0] == "components" and parts[1] in COMPONENT_KINDS:
            return parts[1], Path(parts[2]).stem
        return None

    def target(self, ref: str, base: Path, base_ptr: str | None) -> tuple[Path, str, str | None]:
        """(file, fragment pointer, bundle pointer of that file's root or None to inline)."""
        file_part, _, fragment = ref.partition("#")
        path = (base.parent / file_part).resolve() if file_part else base
        if (component := self.component_of(path)) is not None:
            kind, name = component
            if name not in self.components.setdefault(kind, {}):
                self.components[kind][name] = None
                self.pending.append((kind, name, path))
            return path, fragment, f"/components/{kind}/{_escape(name)}"
        return path, fragment, base_ptr if path == base else None

    def rewrite(self, node: Any, base: Path, base_ptr: str | None) -> Any:
        """Rewrite refs in `node` from file `base`, whose root sits at bundle `base_ptr`.

        `base_ptr` is None for an inlined file: a local ref there is inlined too.
        """
        if isinstance(node, list):
            return [self.rewrite(item, base, base_ptr) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            path, fragment, placed_at = self.target(ref, base, base_ptr)
            siblings = {k: self.rewrite(v, base, base_ptr) for k, v in node.items() if k != "$ref"}
            if placed_at is not None:
                return {"$ref": f"#{placed_at}{fragment}", **siblings}
            content = resolve_pointer(self.load(path), fragment, ref)
            inlined = self.rewrite(content, path, None)
            return {**inlined, **siblings} if isinstance(inlined, dict) else inlined
        out = {k: self.rewrite(v, base, base_ptr) for k, v in node.items()}
        if isinstance(out.get("discriminator"), dict) and "mapping" in out["discriminator"]:
            mapping = out["discriminator"]["mapping"]
            for key, value in mapping.items():
                if isinstance(value, str) and not value.startswith("#") and ".y" in value:
                    _, fragment, placed_at = self.target(value, base, base_ptr)
                    if placed_at is not None:
                        mapping[key] = f"#{placed_at}{fragment}"
        return out

    def bundle(self, root_file: Path) -> dict[str, Any]:
        root: dict[str, Any] = self.rewrite(self.load(root_file), root_file, "")
        while self.pending:
            kind, name, path = self.pending.pop(0)
            self.components[kind][name] = self.rewrite(self.load(path), path, "")
        listed = root.setdefault("components", {})
        for kind in [*listed, *(k for k in COMPONENT_KINDS if k not in listed)]:
            placed = self.components.get(kind, {})
            if not placed and kind not in listed:
                continue
            section = listed.setdefault(kind, {})
            for name in [*section, *sorted(n for n in placed if n not in section)]:
                self_ref = {"$ref": f"#/components/{kind}/{_escape(name)}"}
                if name in placed and section.get(name, self_ref) != self_ref:
                    raise BundleError(f"components.{kind}.{name} is defined twice")
                section[name] = placed[name] if name in placed else section[name]
        return root


def bundle(root_file: Path) -> dict[str, Any]:
    """One document, component names kept, refs internal; source key order preserved."""
    return _Bundler(root_file).bundle(root_file.resolve())


def _internal_ref(node: dict[str, Any]) -> str | None:
    """The JSON pointer of `node`'s `$ref` when it is a reference inside the document."""
    ref = node.get("$ref")
    return ref[1:] if isinstance(ref, str) and ref.startswith("#") else None


def _internal_refs(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, list):
        for item in node:
            _internal_refs(item, found)
    elif isinstance(node, dict):
        if (pointer := _internal_ref(node)) is not None:
            found.add(pointer)
        for value in node.values():
            _internal_refs(value, found)
    return found


def _covers(pointer: str, places: tuple[str, ...]) -> bool:
    return any(place == pointer or place.startswith(pointer + "/") for place in places)


class _Expander:
    """One `dereference`: each target expanded once, its result shared by every place using it.

    A result is reused only where it would come out the same: a target whose expansion kept a
    recursive `$ref` is never reused, and a reuse is refused where one of the pointers followed
    inside it covers a place being expanded around the new one (it would be recursive there).
    """

    def __init__(self, document: dict[str, Any], keep_siblings: bool) -> None:
        self.document = document
        self.keep_siblings = keep_siblings
        self.targets = _internal_refs(document, set()) - {""}
        self.done: dict[str, tuple[Any, frozenset[str]]] = {}  # pointer -> result, followed
        self.followed: set[str] = set()  # pointers followed by the expansion in progress
        self.kept = 0  # recursive `$ref`s kept so far

    def expand(self, node: Any, here: str, chain: tuple[str, ...]) -> Any:
        """`node`, found at `here` while the places in `chain` are being expanded."""
        if isinstance(node, list):
            return [self.expand(item, f"{here}/{i}", chain) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        pointer = _internal_ref(node)
        if pointer is not None:
            if _covers(pointer, (*chain, here)):
                self.kept += 1
                return copy.deepcopy(node)
            target = resolve_pointer(self.document, pointer, node["$ref"])
            target = self.place(pointer, target, (*chain, here))
            if len(node) == 1 or not self.keep_siblings or not isinstance(target, dict):
                return target
            siblings = {k: self.expand(v, f"{here}/{_escape(k)}", chain) for k, v in node.items()}
            return {**target, **{k: v for k, v in siblings.items() if k != "$ref"}}
        if here in self.targets:
            return self.place(here, node, chain)
        return {k: self.expand(v, f"{here}/{_escape(k)}", chain) for k, v in node.items()}

    def place(self, pointer: str, node: Any, chain: tuple[str, ...]) -> Any:
        """The expansion of `node`, the target at `pointer`: reused when it comes out the same."""
        if (done := self.done.get(pointer)) is not None:
            result, followed = done
            if not any(_covers(inner, chain) for inner in followed):
                self.followed |= followed
                return result
        outer, self.followed, kept = self.followed, {pointer}, self.kept
        if isinstance(node, dict) and _internal_ref(node) is None:
            result = {k: self.expand(v, f"{pointer}/{_escape(k)}", chain) for k, v in node.items()}
        else:
            result = self.expand(node, pointer, chain)
        if self.kept == kept:
            self.done[pointer] = (result, frozenset(self.followed))
        self.followed = outer | self.followed
        return result


def dereference(document: dict[str, Any], *, keep_siblings: bool = True) -> dict[str, Any]:
    """Replace every internal `$ref` by its target, expanded.

    Keys beside a `$ref` (`description`, `summary`) override the target's, as OpenAPI 3.1
    says; `keep_siblings=False` drops them instead, as prance does. A `$ref` whose target
    contains the place being expanded (recursion) stays a `$ref` into `components`, which
    this variant keeps, so the result is still a valid document.

    The result shares subtrees: every place that refers to one target holds the same object
    (treat the result as read-only). Why: the components repeat hundreds of times once
    expanded, so this keeps the work, and that of readers that look at each object once
    (openapi-spec-validator checks each schema object once), at the bundle's size; written
    out without aliases it is the same text.
    """
    result: dict[str, Any] = _Expander(document, keep_siblings).expand(document, "", ())
    return result
