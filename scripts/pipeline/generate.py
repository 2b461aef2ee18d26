"""Regenerate generated/ from spec/ and overlays/, or check (--check) that it is up to date.

Why one script: the bundle, its overlay variants, the client and the models must always come
from the same spec with the same pinned tools, and a stale generated/ must fail CI. Output
depends only on the inputs: no timestamps, no absolute paths, the same from any cwd, and
the generators run from this interpreter's environment (`sys.executable -m ...`).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scripts.pipeline.bundle import dereference
from scripts.pipeline.codesamples import with_code_samples
from scripts.pipeline.overlay import OverlayError, apply_overlay
from scripts.pipeline.partner_notes import with_partner_notes
from scripts.pipeline.validate_spec import SpecInvalid, validate_all, validate_bundled
from scripts.pipeline.yamlio import dump_json, dump_yaml, load_yaml, write_text

REPO_ROOT = Path(__file__).resolve().parents[2]
CLIENT_CONFIG = Path(__file__).with_name("client-config.yaml")
# Custom openapi-python-client templates (the generated clients), and package/: the client's
# hand-written runtime and errors, copied verbatim into the generated package.
CLIENT_TEMPLATES = Path(__file__).with_name("client-templates")
CLIENT_OVERLAY = "client"
DOCS_OVERLAY = "docs"
# From shared/notes/toolchain.md: correct, deterministic pydantic v2 models from the bundle.
DATAMODEL_FLAGS = [
    "--input-file-type", "openapi",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--target-pydantic-version", "2.14",
    "--use-annotated", "--use-union-operator", "--use-standard-collections",
    "--field-constraints", "--disable-timestamp", "--use-title-as-name",
    "--collapse-root-models", "--snake-case-field", "--allow-population-by-field-name",
    "--use-double-quotes", "--parent-scoped-naming", "--strict-nullable",
    "--use-missing-sentinel", "--openapi-scopes", "schemas", "paths", "parameters",
    "--formatters", "ruff-check", "ruff-format",
]  # fmt: skip
IGNORED_NAMES = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


class GenerationError(Exception):
    """A step of the pipeline failed; the message says which and why."""


class Timer:
    """Wall time per step, printed as the pipeline goes."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.steps: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        yield
        self.steps.append((name, time.perf_counter() - began))
        print(f"  {self.steps[-1][1]:6.2f} s  {name}", flush=True)

    def total(self) -> float:
        return time.perf_counter() - self.start


def _env() -> dict[str, str]:
    """Put this interpreter's bin first, so post hooks find the pinned ruff; no ruff cache."""
    env = dict(os.environ, RUFF_NO_CACHE="true", PYTHONHASHSEED="0")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run(args: list[str], cwd: Path, what: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, env=_env(), capture_output=True, text=True
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise GenerationError(f"{what} failed (exit {result.returncode}):\n{output}")
    return output


def _write_spec(out: Path, name: str, document: dict[str, Any]) -> None:
    validate_bundled(document, f"generated/{name}")
    write_text(out / name, dump_yaml(document))


def build(spec_dir: Path, overlays_dir: Path, out: Path, timer: Timer) -> None:
    """Write every generated artefact into the empty directory `out`."""
    with timer.step("validate spec/ (prance) and bundle it"):
        bundled = validate_all(spec_dir / "openapi.yaml")
    with timer.step("write + validate openapi.yaml, openapi.dereferenced.yaml, openapi.json"):
        _write_spec(out, "openapi.yaml", bundled)
        _write_spec(out, "openapi.dereferenced.yaml", dereference(bundled))
        write_text(out / "openapi.json", dump_json(bundled))
    overlays = sorted(overlays_dir.glob("*.yaml"))
    with timer.step(f"apply + validate {len(overlays)} overlays"):
        for overlay_file in overlays:
            try:
                variant = apply_overlay(bundled, load_yaml(overlay_file))
                if overlay_file.stem == DOCS_OVERLAY:  # samples as x-codeSamples, partner notes
                    variant = with_partner_notes(with_code_samples(variant))
            except OverlayError as error:
                raise GenerationError(f"overlays/{overlay_file.name}: {error}") from error
            _write_spec(out, f"openapi.{overlay_file.stem}.yaml", variant)
    client_spec = out / f"openapi.{CLIENT_OVERLAY}.yaml"
    if not client_spec.is_file():
        raise GenerationError(f"overlays/{CLIENT_OVERLAY}.yaml is missing: the client needs it")
    with timer.step("openapi-python-client -> signly-client/"):
        # --meta uv: PEP 621 metadata and a build backend held to one minor release
        # (uv_build>=0.12.0,<0.13.0), so `pip install generated/signly-client` builds the
        # same way everywhere. `setup` declares no [build-system] (whatever setuptools),
        # `pdm` leaves pdm-backend unbounded, `poetry` allows any poetry-core 2.x.
        _run(
            ["openapi_python_client", "generate", "--path", client_spec.name,
             "--config", str(CLIENT_CONFIG), "--output-path", "signly-client",
             "--meta", "uv", "--overwrite", "--fail-on-warning",
             "--custom-template-path", str(CLIENT_TEMPLATES)],
            out, "openapi-python-client",
        )  # fmt: skip
    # The models read the client variant too: error answers are one ErrorEnvelope there,
    # where the bundle's per-response pins would become one model per operation and status.
    with timer.step("datamodel-codegen -> signly_models/"):
        (out / "signly_models").mkdir()
        _run(
            ["datamodel_code_generator", "--input", str(client_spec),
             "--output", str(out / "signly_models" / "__init__.py"), *DATAMODEL_FLAGS],
            REPO_ROOT, "datamodel-codegen",
        )  # fmt: skip
        _relativize_header(out / "signly_models" / "__init__.py")
    with timer.step("ruff format generated code"):
        _run(["ruff", "format", "--no-cache", "."], out / "signly-client", "ruff format")
        config = str(REPO_ROOT / "pyproject.toml")
        _run(["ruff", "format", "--no-cache", "--config", config, "signly_models"], out, "ruff")
    # The client's hand-written modules, after formatting so they stay byte for byte as written.
    for module in sorted((CLIENT_TEMPLATES / "package").glob("*.py")):
        shutil.copyfile(module, out / "signly-client" / "signly_client" / module.name)
    api = out / "signly-client" / "signly_client" / "api"
    write_text(api / "_idempotency.py", idempotency_module(load_yaml(client_spec)))


IDEMPOTENT_METHODS = {"get", "head", "options", "put", "delete", "trace"}  # RFC 9110


def idempotency_module(spec: dict[str, Any]) -> str:
    """Which operations a client may retry, for the client template's OPERATIONS table.

    Why here and not in the template: openapi-python-client hides `x-` extensions from
    templates, and retry safety is not always the method's (`x-idempotent: false` on a PUT
    that creates a version each time, D30).
    """
    lines = [
        '"""Which operations may be retried safely: by HTTP method (RFC 9110) unless the spec',
        'says `x-idempotent`. Generated from the API description; do not edit."""',
        "",
        "IDEMPOTENT: dict[str, bool] = {",
    ]
    found = {
        operation["operationId"]: bool(operation.get("x-idempotent", method in IDEMPOTENT_METHODS))
        for item in spec["paths"].values()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    }
    lines += [f'    "{name}": {found[name]},' for name in sorted(found)]
    return "\n".join([*lines, "}", ""])


def _relativize_header(models: Path) -> None:
    """datamodel-codegen names its input file in a header comment: keep only the name."""
    text = models.read_text(encoding="utf-8")
    write_text(models, text.replace(str(models.parent.parent) + os.sep, ""))


def _files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not IGNORED_NAMES.intersection(path.relative_to(root).parts)
    }


def differences(expected: Path, actual: Path) -> list[str]:
    """Files of `actual` that differ from, are missing in, or are extra in `expected`."""
    want, have = _files(expected), _files(actual) if actual.is_dir() else set()
    problems = [f"missing: {name}" for name in sorted(want - have)]
    problems += [f"extra:   {name}" for name in sorted(have - want)]
    problems += [
        f"differs: {name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return problems


def _replace_dir(new: Path, out: Path) -> None:
    """Swap `new` in for `out` with two renames, so a failure never leaves a half tree."""
    old = out.with_name(out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--spec-dir", type=Path, default=REPO_ROOT / "spec")
    parser.add_argument("--overlays-dir", type=Path, default=REPO_ROOT / "overlays")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "generated")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    timer = Timer()
    with tempfile.TemporaryDirectory(prefix=".generating-", dir=out.parent) as tmp:
        fresh = Path(tmp) / "generated"
        fresh.mkdir()
        # datamodel-codegen runs ruff from its output directory, so ruff would read whatever
        # config lies above `out` (none under /tmp: other line length). Pin it to ours.
        pyproject = (REPO_ROOT / "pyproject.toml").as_posix()
        write_text(Path(tmp) / "ruff.toml", f'extend = "{pyproject}"\n')
        try:
            build(args.spec_dir.resolve(), args.overlays_dir.resolve(), fresh, timer)
        except (GenerationError, SpecInvalid) as error:
            print(f"generation failed: {error}", file=sys.stderr)
            return 1
        print(f"  {timer.total():6.2f} s  total")
        if args.check:
            problems = differences(fresh, out)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            if problems:
                print(f"{out} is stale ({len(problems)} files): run `nox -s generate`.",
                      file=sys.stderr)  # fmt: skip
                return 1
            print(f"{out} is up to date.")
            return 0
        _replace_dir(fresh, out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
