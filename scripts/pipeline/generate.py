"""Regenerate generated/ from spec/ and overlays/, or check (--check) that it is up to date.

Why one script: the bundle, its overlay variants, the client and the models must always come
from the same spec with the same pinned tools, and a stale generated/ must fail CI. Output
depends only on the inputs: no timestamps, no absolute paths, the same from any cwd, and
the generators run from this interpreter's environment (`sys.executable -m ...`).

Why in this order: the generators are most of the time and need only the client variant, so
it is made first and both generators start at once (scripts/pipeline/generators.py); every
document written is validated meanwhile, in two processes (scripts/pipeline/parallel.py).
Nothing is kept for the output until every validation has passed, and a failure is reported
as it always was: the first in the order source, bundle, dereferenced, overlay by overlay,
client generator, models generator.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scripts.pipeline.bundle import dereference
from scripts.pipeline.codesamples import with_code_samples
from scripts.pipeline.generators import (
    CLIENT_TEMPLATES,
    GenerationError,
    Job,
    client_args,
    models_args,
    run,
)
from scripts.pipeline.overlay import OverlayError, apply_overlay
from scripts.pipeline.parallel import Task, run_tasks
from scripts.pipeline.partner_notes import with_partner_notes
from scripts.pipeline.validate_spec import (
    SpecInvalid,
    bundle_source,
    load_validators,
    validate_bundled,
    validate_source,
)
from scripts.pipeline.yamlio import dump_json, dump_yaml, load_yaml, write_text

__all__ = ["GenerationError", "differences", "idempotency_module", "main"]

REPO_ROOT = Path(__file__).resolve().parents[2]
CLIENT_OVERLAY = "client"
DOCS_OVERLAY = "docs"
BUNDLE = "openapi.yaml"
IGNORED_NAMES = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


class Timer:
    """Wall time per step, printed as the pipeline goes."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.steps: list[tuple[str, float]] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        yield
        self.record(name, time.perf_counter() - began)

    def record(self, name: str, seconds: float) -> None:
        self.steps.append((name, seconds))
        print(f"  {seconds:6.2f} s  {name}", flush=True)

    def total(self) -> float:
        return time.perf_counter() - self.start


def _label(name: str) -> str:
    """How a document is named in an error, as before (the bundle as validate_all names it)."""
    return f"bundle of {BUNDLE}" if name == BUNDLE else f"generated/{name}"


def _validate_in_order(root: Path, documents: dict[str, Any]) -> None:
    """What used to be checked before the step that failed; raises its first error."""
    if root.is_file():
        validate_source(root)
    for name, document in documents.items():
        validate_bundled(document, _label(name))


def documents(spec_dir: Path, overlays_dir: Path) -> dict[str, Any]:
    """Every spec document to write, by file name: the bundle, dereferenced, each variant."""
    root = spec_dir / "openapi.yaml"
    try:
        bundled = bundle_source(root)
    except SpecInvalid:
        _validate_in_order(root, {})
        raise
    made = {BUNDLE: bundled, "openapi.dereferenced.yaml": dereference(bundled)}
    for overlay_file in sorted(overlays_dir.glob("*.yaml")):
        try:
            variant = apply_overlay(bundled, load_yaml(overlay_file))
            if overlay_file.stem == DOCS_OVERLAY:  # samples as x-codeSamples, partner notes
                variant = with_partner_notes(with_code_samples(variant))
        except OverlayError as error:
            _validate_in_order(root, made)
            raise GenerationError(f"overlays/{overlay_file.name}: {error}") from error
        made[f"openapi.{overlay_file.stem}.yaml"] = variant
    return made


def _validate_and_write(
    spec_dir: Path, out: Path, made: dict[str, Any], written: str, after_fork: Callable[[], None]
) -> None:
    """Validate the source and every document in two processes; write the ones not written.

    The errors are raised in the order they always were: source, bundle, dereferenced,
    variants by overlay name.
    """
    load_validators()  # before the fork, so both processes have them

    def validate(name: str) -> Task:
        # Variants other than the client's, and the source, go to the second process.
        forked = name not in (BUNDLE, "openapi.dereferenced.yaml", written)
        return Task(name, lambda: validate_bundled(made[name], _label(name)), forked)

    def write() -> None:
        for name, document in made.items():
            if name != written:
                write_text(out / name, dump_yaml(document))
        write_text(out / "openapi.json", dump_json(made[BUNDLE]))

    tasks = [
        Task("spec/", lambda: validate_source(spec_dir / "openapi.yaml"), forked=True),
        *(validate(name) for name in made),
        Task("write", write),
    ]
    for error in run_tasks(tasks, after_fork):
        if error is not None:
            raise error


def build(spec_dir: Path, overlays_dir: Path, out: Path, timer: Timer) -> None:
    """Write every generated artefact into the empty directory `out`."""
    overlays = sorted(overlays_dir.glob("*.yaml"))
    with timer.step(f"bundle spec/, dereference, apply {len(overlays)} overlays"):
        made = documents(spec_dir, overlays_dir)
    client_name = f"openapi.{CLIENT_OVERLAY}.yaml"
    if client_name not in made:
        _validate_in_order(spec_dir / "openapi.yaml", made)
        raise GenerationError(f"overlays/{CLIENT_OVERLAY}.yaml is missing: the client needs it")
    client_spec, models = out / client_name, out / "signly_models" / "__init__.py"
    jobs: list[Job] = []
    try:
        with timer.step(f"write {client_name}, start openapi-python-client and datamodel-codegen"):
            write_text(client_spec, dump_yaml(made[client_name]))
            models.parent.mkdir()
            client = client_args(client_name, "signly-client")
            jobs.append(Job.start(client, out, "openapi-python-client"))
            # The models read the client variant too: error answers are one ErrorEnvelope
            # there, where the bundle's per-response pins would make one model per status.
            jobs.append(Job.start(models_args(client_spec, models), REPO_ROOT, "datamodel-codegen"))
        with timer.step(f"validate spec/ (prance) and {len(made)} documents, write them"):
            # The generators' output is collected by threads, started once the fork is done.
            _validate_and_write(spec_dir, out, made, client_name, lambda: Job.watch_all(jobs))
        for job, name in zip(jobs, ("signly-client/", "signly_models/"), strict=True):
            job.finish()
            timer.record(f"{job.what} -> {name} (started with the validation)", job.seconds())
    except BaseException:  # a failure, or Ctrl-C: the other generator is not wanted either
        for job in jobs:
            job.stop()
        raise
    with timer.step("ruff format generated code"):
        _relativize_header(models)
        run(["ruff", "format", "--no-cache", "."], out / "signly-client", "ruff format")
        config = str(REPO_ROOT / "pyproject.toml")
        run(["ruff", "format", "--no-cache", "--config", config, "signly_models"], out, "ruff")
    # The client's hand-written modules, after formatting so they stay byte for byte as written.
    for module in sorted((CLIENT_TEMPLATES / "package").glob("*.py")):
        shutil.copyfile(module, out / "signly-client" / "signly_client" / module.name)
    api = out / "signly-client" / "signly_client" / "api"
    write_text(api / "_idempotency.py", idempotency_module(made[client_name]))


IDEMPOTENT_METHODS = {"get", "head", "options", "put", "delete", "trace"}  # RFC 9110


def idempotency_module(spec: dict[str, Any]) -> str:
    """Which operations a client may retry, for the client template's OPERATIONS table.

    Why here and not in the template: openapi-python-client hides `x-` extensions from
    templates, and retry safety is not always the method's (`x-idempotent: false` on a PUT
    that creates a version each time, D30). An operation that declares the `Idempotency-Key`
    header (D36) gets a key from the client on every call, kept across its retries, which
    makes it safe to retry whatever its method.
    """
    lines = [
        '"""Which operations may be retried safely: by HTTP method (RFC 9110) unless the spec',
        "says `x-idempotent`; and which take an `Idempotency-Key` (the client then sends one",
        "on every call, the same on each retry). Generated from the API description; do not",
        'edit."""',
        "",
        "IDEMPOTENT: dict[str, bool] = {",
    ]
    found: dict[str, bool] = {}
    keyed: dict[str, bool] = {}
    for item in spec["paths"].values():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if not (isinstance(operation, dict) and "operationId" in operation):
                continue
            name = operation["operationId"]
            found[name] = bool(operation.get("x-idempotent", method in IDEMPOTENT_METHODS))
            keyed[name] = any(
                _parameter(spec, p).get("in") == "header"
                and str(_parameter(spec, p).get("name", "")).lower() == "idempotency-key"
                for p in [*shared, *operation.get("parameters", [])]
            )
    lines += [f'    "{name}": {found[name]},' for name in sorted(found)]
    lines += ["}", "", "IDEMPOTENCY_KEY: dict[str, bool] = {"]
    lines += [f'    "{name}": {keyed[name]},' for name in sorted(keyed)]
    return "\n".join([*lines, "}", ""])


def _parameter(spec: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    """A parameter object, through its local `$ref`."""
    while "$ref" in parameter:
        node: Any = spec
        for token in str(parameter["$ref"]).removeprefix("#/").split("/"):
            node = node[token]
        parameter = node
    return parameter


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
