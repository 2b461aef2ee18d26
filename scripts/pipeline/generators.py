"""The two code generators as commands, started in the background so they run side by side.

Why a module of its own: the pipeline runs these exact commands, and the bench times the same
commands run alone (`scripts/bench/report.py`) to hold the pipeline against them, so the
pinned flags live here once. Each generator is a separate process, so with two cores they
run at the same time, and at the same time as the validation of what they read.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

CLIENT_CONFIG = Path(__file__).with_name("client-config.yaml")
# Custom openapi-python-client templates (the generated clients), and package/: the client's
# hand-written runtime and errors, copied verbatim into the generated package.
CLIENT_TEMPLATES = Path(__file__).with_name("client-templates")
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


class GenerationError(Exception):
    """A step of the pipeline failed; the message says which and why."""


def client_args(spec_name: str, output: str) -> list[str]:
    """openapi-python-client on `spec_name` into `output`, both relative to the cwd.

    --meta uv: PEP 621 metadata and a build backend held to one minor release
    (uv_build>=0.12.0,<0.13.0), so `pip install generated/signly-client` builds the same way
    everywhere. `setup` declares no [build-system] (whatever setuptools), `pdm` leaves
    pdm-backend unbounded, `poetry` allows any poetry-core 2.x.
    """
    return [
        "openapi_python_client", "generate", "--path", spec_name,
        "--config", str(CLIENT_CONFIG), "--output-path", output,
        "--meta", "uv", "--overwrite", "--fail-on-warning",
        "--custom-template-path", str(CLIENT_TEMPLATES),
    ]  # fmt: skip


def models_args(spec: Path, models_file: Path) -> list[str]:
    """datamodel-codegen from `spec` into the module `models_file`."""
    return ["datamodel_code_generator", "--input", str(spec), "--output", str(models_file),
            *DATAMODEL_FLAGS]  # fmt: skip


def env() -> dict[str, str]:
    """Put this interpreter's bin first, so post hooks find the pinned ruff; no ruff cache."""
    variables = dict(os.environ, RUFF_NO_CACHE="true", PYTHONHASHSEED="0")
    here = str(Path(sys.executable).parent)
    variables["PATH"] = os.pathsep.join([here, variables.get("PATH", "")])
    return variables


def run(args: list[str], cwd: Path, what: str) -> str:
    """`python -m <args>` with this interpreter; its output, or GenerationError."""
    return Job.start(args, cwd, what).finish()


@dataclass
class Job:
    """One `python -m ...` process: started now, watched by a thread, finished on demand."""

    what: str
    process: subprocess.Popen[str]
    started: float
    ended: float | None = None
    output: str = ""
    watcher: threading.Thread | None = field(default=None, repr=False)

    @classmethod
    def start(cls, args: list[str], cwd: Path, what: str) -> Job:
        process = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=cwd,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=os.name == "posix",  # its own group: `stop` ends its hooks too
        )
        return cls(what, process, time.perf_counter())

    def watch(self) -> None:
        """Collect its output and note when it ends, from a thread (start it after any fork)."""

        def wait() -> None:
            self.output = (self.process.communicate()[0] or "").strip()
            self.ended = time.perf_counter()

        self.watcher = threading.Thread(target=wait, name=self.what, daemon=True)
        self.watcher.start()

    @staticmethod
    def watch_all(jobs: list[Job]) -> None:
        for job in jobs:
            job.watch()

    def finish(self) -> str:
        """Wait for it; its output, or GenerationError naming it with its output."""
        if self.watcher is None:
            self.watch()
        assert self.watcher is not None
        self.watcher.join()
        if self.process.returncode != 0:
            raise GenerationError(
                f"{self.what} failed (exit {self.process.returncode}):\n{self.output}"
            )
        return self.output

    def seconds(self) -> float:
        """Wall time from its start to its end (to now while it runs)."""
        return (self.ended or time.perf_counter()) - self.started

    def stop(self) -> None:
        """Kill it and what it started (its result is not wanted), and reap it, so nothing
        still writes into the output when it is deleted."""
        if self.process.poll() is None:
            if os.name == "posix":
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
            else:
                self.process.kill()
        if self.watcher is not None:
            self.watcher.join()
        else:
            self.process.communicate()
