"""generate.py end to end: deterministic output, drift detection, usable artefacts.

The generator runs are slow (about 10 s each), so one module-scoped fixture starts three at
once: A and B generate from the same scratch copy of spec/ and overlays/, A from the repo and
B from another cwd (their trees must be byte-identical); C runs `--check` on a copy with one
description changed against the committed generated/ (it must fail, listing files). The
unmodified `--check` is A compared with the committed tree by the same `differences()`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.pipeline.generate import differences, main
from scripts.pipeline.yamlio import dump_yaml, load_yaml
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ

FIXTURE_SPEC = Path(__file__).parent / "fixtures" / "spec"


@dataclass
class Runs:
    out: Path
    again: Path
    stdout: str
    check_changed: subprocess.CompletedProcess[str]


def _generate(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    env = clean_environ(PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "scripts.pipeline.generate", *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("pipeline")
    spec, overlays, changed = base / "spec", base / "overlays", base / "spec-changed"
    shutil.copytree(REPO_ROOT / "spec", spec)
    shutil.copytree(REPO_ROOT / "overlays", overlays)
    shutil.copytree(spec, changed)
    target = next(
        path
        for path in sorted((changed / "components" / "schemas").glob("*.yaml"))
        if isinstance(load_yaml(path).get("description"), str)
    )
    document = load_yaml(target)
    document["description"] += " Changed by the drift test."
    target.write_text(dump_yaml(document), encoding="utf-8")

    out, again = base / "a" / "generated", base / "b" / "generated"
    inputs = ("--spec-dir", spec, "--overlays-dir", overlays)
    first = _generate(*inputs, "--out", out, cwd=REPO_ROOT)
    second = _generate(*inputs, "--out", again, cwd=base)
    drift = _generate("--check", "--spec-dir", changed, "--overlays-dir", overlays, cwd=REPO_ROOT)
    results = [_finish(first), _finish(second)]
    for result in results:
        assert result.returncode == 0, result.stdout + result.stderr
    return Runs(out, again, results[1].stdout, _finish(drift))


@pytest.mark.slow
def test_generation_is_deterministic_and_cwd_independent(runs: Runs) -> None:
    assert differences(runs.out, runs.again) == []


@pytest.mark.slow
def test_committed_generated_matches_the_spec(runs: Runs) -> None:
    """What `nox -s check-generated` enforces: run `nox -s generate` and commit if this fails."""
    assert differences(runs.out, REPO_ROOT / "generated") == []


@pytest.mark.slow
def test_check_lists_every_stale_file(runs: Runs) -> None:
    assert runs.check_changed.returncode == 1
    report = runs.check_changed.stderr
    for name in (
        "openapi.yaml",
        "openapi.dereferenced.yaml",
        "openapi.json",
        "openapi.client.yaml",
    ):
        assert f"differs: {name}" in report, report
    assert "is stale" in report


@pytest.mark.slow
def test_outputs_and_timings(runs: Runs) -> None:
    names = {path.name for path in runs.out.iterdir()}
    expected = {"openapi.yaml", "openapi.dereferenced.yaml", "openapi.json", "signly-client"}
    assert expected | {"signly_models", "openapi.client.yaml", "openapi.docs.yaml"} <= names
    for overlay in (REPO_ROOT / "overlays").glob("*.yaml"):
        assert f"openapi.{overlay.stem}.yaml" in names
    assert "webhooks" not in load_yaml(runs.out / "openapi.client.yaml")
    text = (runs.out / "openapi.yaml").read_text(encoding="utf-8")
    assert str(REPO_ROOT) not in text and "&id0" not in text
    for step in ("validate spec/", "openapi-python-client", "datamodel-codegen", "total"):
        assert step in runs.stdout


@pytest.mark.slow
def test_docs_tag_groups_cover_every_tag(runs: Runs) -> None:
    docs = load_yaml(runs.out / "openapi.docs.yaml")
    grouped = [tag for group in docs["x-tagGroups"] for tag in group["tags"]]
    assert sorted(grouped) == sorted(tag["name"] for tag in docs["tags"])


@pytest.mark.slow
def test_generated_packages_import(runs: Runs) -> None:
    code = (
        "import signly_client, signly_models\n"
        "from signly_client import Client\n"
        "Client(base_url='http://127.0.0.1:8080')\n"
        "assert signly_models.ErrorInfo.__name__ == 'ErrorInfo'\n"
    )
    path = os.pathsep.join([str(runs.out / "signly-client"), str(runs.out)])
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environ(PYTHONPATH=path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_an_overlay_that_misses_stops_generation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlays = tmp_path / "overlays"
    overlays.mkdir()
    (overlays / "client.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.paths['/v2']\n    description: stale path\n    remove: true\n",
        encoding="utf-8",
    )
    args = ["--spec-dir", str(FIXTURE_SPEC), "--overlays-dir", str(overlays)]
    assert main([*args, "--out", str(tmp_path / "generated")]) == 1
    error = capsys.readouterr().err
    assert "overlays/client.yaml: action #0" in error and "matches nothing" in error
    assert not (tmp_path / "generated").exists()


def test_an_invalid_spec_is_reported_before_an_overlay_that_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The overlays are applied before validation now; the first error is still the spec's."""
    spec = tmp_path / "spec"
    shutil.copytree(FIXTURE_SPEC, spec)
    root = load_yaml(spec / "openapi.yaml")
    del root["info"]["version"]
    (spec / "openapi.yaml").write_text(dump_yaml(root), encoding="utf-8")
    overlays = tmp_path / "overlays"
    overlays.mkdir()
    (overlays / "client.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.paths['/v2']\n    remove: true\n",
        encoding="utf-8",
    )
    args = ["--spec-dir", str(spec), "--overlays-dir", str(overlays)]
    assert main([*args, "--out", str(tmp_path / "generated")]) == 1
    error = capsys.readouterr().err
    assert "spec/openapi.yaml: ValidationError" in error  # prance on the source, as before
    assert "matches nothing" not in error
    assert not (tmp_path / "generated").exists()


def test_an_invalid_variant_stops_the_running_generators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The generators start before the variants are validated: a failure still wins, and
    nothing of theirs is left behind."""
    overlays = tmp_path / "overlays"
    overlays.mkdir()
    (overlays / "client.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.info\n    update: {x-audience: client}\n",
        encoding="utf-8",
    )
    (overlays / "sandbox.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.info\n    update: {version: 2}\n",
        encoding="utf-8",
    )
    args = ["--spec-dir", str(FIXTURE_SPEC), "--overlays-dir", str(overlays)]
    assert main([*args, "--out", str(tmp_path / "generated")]) == 1
    error = capsys.readouterr().err
    assert "generated/openapi.sandbox.yaml: OpenAPIValidationError" in error, error
    assert sorted(path.name for path in tmp_path.iterdir()) == ["overlays"]
