"""Every code sample of the reference is a file in docs/samples/ and runs against the sandbox.

The reference shows each file through the docs variant's `x-codeSamples` (scripts/
codesamples.py): these tests check that every operation and webhook has a curl, a Python and
a JavaScript sample, that the variant shows exactly each file minus its sandbox-only set-up,
and that every file runs as it is (exit status 0, HTTP 2xx: curl uses --fail-with-body, the
JavaScript samples throw on an error envelope) against a fresh `signly-sandbox serve` on a
loopback port: `sh`, this interpreter and `node` (20 or later). A broken sample fails the
build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from scripts.docs.build import docs_variant
from scripts.pipeline.codesamples import (
    LANGUAGES,
    SAMPLES_DIR,
    sample_files,
    shown_source,
    with_code_samples,
)
from scripts.pipeline.overlay import OverlayError
from tests.lib import REPO_ROOT
from tests.lib.env import clean_environ
from tests.lib.servers import free_port, stop, wait_until_listening
from tests.lib.spec import operations_by_id

SECOND_ADMIN_TOKEN = "eyJzZWNvbmQtdGVuYW50..."
SAMPLES = sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix in LANGUAGES and p.name[0] != "_")
WEBHOOK = "receive_process_event"
RECEIVERS = [SAMPLES_DIR / f"{WEBHOOK}{suffix}" for suffix in (".py", ".js")]
TIMEOUT = 60
NODE_MAJOR = 20


@pytest.fixture(scope="module")
def variant() -> Any:
    return docs_variant(REPO_ROOT / "spec", REPO_ROOT / "overlays", SAMPLES_DIR)[1]


def test_every_operation_has_a_curl_a_python_and_a_javascript_sample(variant: Any) -> None:
    files = sample_files()
    operations = operations_by_id(variant)
    assert sorted(files) == sorted(operations), "docs/samples/ and the spec's operations differ"
    for operation_id, paths in files.items():
        assert [p.suffix for p in paths] == list(LANGUAGES), operation_id


def test_the_reference_shows_each_file_minus_its_sandbox_setup(variant: Any) -> None:
    for operation_id, operation in operations_by_id(variant).items():
        samples = operation["x-codeSamples"]
        files = sample_files()[operation_id]
        assert [s["lang"] for s in samples] == [LANGUAGES[p.suffix][0] for p in files]
        for sample, path in zip(samples, files, strict=True):
            assert sample["source"] == shown_source(path.read_text(encoding="utf-8"))
            assert "_sandbox" not in sample["source"], path.name
            assert "sandbox-only" not in sample["source"], path.name


def test_sandbox_only_lines_are_dropped() -> None:
    text = "#!/bin/sh\nset -eu\nsetup  # sandbox-only\n\n\ncurl x\n"
    assert shown_source(text) == "set -eu\n\ncurl x\n"
    text = 'import { provide } from "./_sandbox.mjs"; // sandbox-only\n\nawait fetch(url);\n'
    assert shown_source(text) == "await fetch(url);\n"


def test_the_javascript_samples_are_esm_without_dependencies() -> None:
    """Node 20+ with the built-in fetch: no require(), imports only of node: built-ins (and
    the sandbox helper, on a sandbox-only line), ESM through docs/samples/package.json."""
    package = json.loads((SAMPLES_DIR / "package.json").read_text(encoding="utf-8"))
    assert package["type"] == "module" and not package.get("dependencies")
    for path in sorted(SAMPLES_DIR.glob("*.js")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert "require(" not in line, path.name
            if line.startswith("import "):
                source = line.split(" from ", 1)[1]
                assert source.startswith('"node:') or line.endswith("// sandbox-only"), line


def test_a_sample_for_an_unknown_operation_fails_the_pipeline(variant: Any, tmp_path: Path) -> None:
    (tmp_path / "no_such_operation.sh").write_text("curl x\n", encoding="utf-8")
    with pytest.raises(OverlayError, match="matches nothing"):
        with_code_samples(variant, tmp_path)


def _environment(sandbox_url: str, name: str, **extra: str) -> dict[str, str]:
    env = clean_environ("WEBHOOK_", SIGNLY_BASE_URL=sandbox_url, PYTHONUNBUFFERED="1", **extra)
    # `python3` in the curl samples' set-up is this interpreter (it has the client).
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    if "api_integration" in name:
        # Creating or deleting the credential would revoke the seeded key the other
        # samples use, so these run as the second seeded tenant's administrator.
        env["SIGNLY_ADMIN_TOKEN"] = SECOND_ADMIN_TOKEN
    return env


def _node() -> str:
    """`node`, 20 or later (the JavaScript samples use the built-in fetch)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node (20 or later) is needed to run the JavaScript samples")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    major = int(version.stdout.strip().lstrip("v").split(".")[0])
    assert major >= NODE_MAJOR, f"node {version.stdout.strip()}: the samples need {NODE_MAJOR}+"
    return node


def _command(path: Path) -> list[str]:
    if path.suffix == ".js":
        return [_node(), str(path)]
    return ["sh", str(path)] if path.suffix == ".sh" else [sys.executable, str(path)]


@pytest.mark.slow
@pytest.mark.parametrize("sample", [p for p in SAMPLES if p.stem != WEBHOOK], ids=lambda p: p.name)
def test_sample_runs_against_the_sandbox(sample: Path, sandbox_url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        _command(sample), cwd=tmp_path, env=_environment(sandbox_url, sample.name),
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{sample.name} failed:\n{output}"
    assert result.stdout.strip(), f"{sample.name} printed nothing:\n{output}"
    if sample.suffix == ".sh" and result.stdout.lstrip().startswith("{"):
        assert '"success":true' in result.stdout.replace(" ", ""), output


@pytest.mark.slow
@pytest.mark.parametrize("receiver_sample", RECEIVERS, ids=lambda p: p.name)
def test_webhook_samples_receive_signed_deliveries(
    receiver_sample: Path, sandbox_url: str, tmp_path: Path
) -> None:
    """Each receiver (Python: signly_client.webhooks.verify; JavaScript: node:crypto) accepts
    the curl sample's signed delivery and real sandbox deliveries, and refuses one signed
    with another secret."""
    port = free_port()
    env = _environment(sandbox_url, WEBHOOK, WEBHOOK_PORT=str(port))
    log = tmp_path / "receiver.log"
    with log.open("w") as output:
        receiver = subprocess.Popen(
            _command(receiver_sample), cwd=tmp_path, env=env,
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + TIMEOUT
            wait_until_listening(port, receiver, timeout=TIMEOUT, describe=log.read_text)
            curl = subprocess.run(
                _command(SAMPLES_DIR / f"{WEBHOOK}.sh"), cwd=tmp_path,
                env={**env, "WEBHOOK_URL": f"http://127.0.0.1:{port}/"},
                capture_output=True, text=True, timeout=TIMEOUT, check=False,
            )  # fmt: skip
            assert curl.returncode == 0, curl.stdout + curl.stderr
            # Signed with another secret (or tampered with): refused with 401, not handled.
            forged = subprocess.run(
                _command(SAMPLES_DIR / f"{WEBHOOK}.sh"), cwd=tmp_path,
                env={**env, "WEBHOOK_URL": f"http://127.0.0.1:{port}/",
                     "SIGNLY_WEBHOOK_SECRET": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"},
                capture_output=True, text=True, timeout=TIMEOUT, check=False,
            )  # fmt: skip
            assert forged.returncode != 0 and "401" in forged.stdout + forged.stderr
            # A real event: publishing a document makes the sandbox deliver PROCESS_CREATED.
            publish = subprocess.run(
                _command(SAMPLES_DIR / "publish_document.py"), cwd=tmp_path, env=env,
                capture_output=True, text=True, timeout=TIMEOUT, check=False,
            )  # fmt: skip
            assert publish.returncode == 0, publish.stdout + publish.stderr
            process_id = publish.stdout.split()[-1]
            while f"event PROCESS_CREATED SUCCESS {process_id}" not in log.read_text():
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
        finally:
            stop(receiver)
    assert "event PROCESS_CREATED SUCCESS proc-20251027-0001" in log.read_text()
    assert "refused no_matching_signature" in log.read_text()
