"""Every job of the repository is one session here: `nox -l` lists them.

Every session installs exactly what uv.lock pins (`uv sync --locked`): the dependency groups
of pyproject.toml it names and, unless it only runs tools, the project itself (editable; the
`test` group adds the generated client, editable too). After changing a dependency, run
`nox -s lock` and commit uv.lock.
"""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
# `nox` alone runs what the README's test command runs.
nox.options.sessions = ["lint", "tests", "breaking"]

PYTHON = "3.11"
UV = "uv==0.13.8"


def sync(session: nox.Session, *groups: str, project: bool = True) -> None:
    """Make the session's virtualenv exactly the locked `groups`, with the project (editable)
    unless `project` is false. The `test` group brings the generated client (editable)."""
    if session.venv_backend != "uv":
        session.install(UV)  # the virtualenv fallback: uv itself comes from the registry
    selection = [f"--group={group}" for group in groups]
    if not project:
        selection = [f"--only-group={group}" for group in groups]
    session.run_install(
        "uv",
        "sync",
        "--locked",
        f"--python={session.virtualenv.location}",
        *selection,
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


def ensure_chromium(session: nox.Session) -> None:
    """apt-get install Debian's chromium for the docs browser test, only if it is missing."""
    session.run("python", "-m", "scripts.docs.ensure_chromium")


@nox.session(python=PYTHON)
def spec(session: nox.Session) -> None:
    """Validate and lint the spec and check every embedded example."""
    sync(session, "spec", "test")
    session.run("python", "-m", "scripts.pipeline.validate_spec")
    session.run("pytest", "tests/spec", *session.posargs)


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ (bundle, overlay variants, client, models) from spec/ and overlays/."""
    sync(session, "generate", project=False)
    session.run("python", "-m", "scripts.pipeline.generate", *session.posargs)


@nox.session(name="check-generated", python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ differs from what spec/ and overlays/ produce."""
    sync(session, "generate", project=False)
    session.run("python", "-m", "scripts.pipeline.generate", "--check", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint and format-check hand-written code with ruff, then type-check it with mypy --strict."""
    sync(session, "lint", "test")
    session.run("ruff", "check", *(session.posargs or ["."]))
    session.run("ruff", "format", "--check", *(session.posargs or ["."]))
    session.run("mypy", "--strict", *(session.posargs or ["src", "scripts", "tests"]))


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite on every core (pytest-xdist); `-- -m "not slow"` is the quick loop."""
    sync(session, "test", "docs")
    ensure_chromium(session)
    session.run("pytest", "-n", "auto", "--dist", "loadscope", *session.posargs)


@nox.session(python=PYTHON)
def breaking(session: nox.Session) -> None:
    """Classify spec changes since --base REF (HEAD~1); fail on unacknowledged breaking ones."""
    sync(session, "spec", project=False)
    session.run("python", "-m", "scripts.breaking", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the offline API reference into site/, then run its samples and browser tests."""
    sync(session, "test", "docs")
    ensure_chromium(session)
    session.run("python", "-m", "scripts.docs")
    session.run("pytest", "tests/docs", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Check a Signly server against the spec (the embedded sandbox unless --base-url is given)."""
    sync(session, "test")
    session.run("signly-contract", *session.posargs)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Start the sandbox server on 127.0.0.1:8080 (options after --)."""
    sync(session)
    session.run("signly-sandbox", "serve", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Measure the sandbox and the pipeline and print one table of figures."""
    sync(session, "test", "docs")
    session.run("python", "-m", "scripts.bench", *session.posargs)


@nox.session(python=PYTHON)
def drills(session: nox.Session) -> None:
    """Run the reliability drills (load, crash, hostile input, auth, webhooks) at full size."""
    sync(session, "test")
    session.run("pytest", "tests/drills", "--drill-size", "full", *session.posargs)


@nox.session(venv_backend="none")
def lock(session: nox.Session) -> None:
    """Update uv.lock after changing a dependency in pyproject.toml (options after -- to uv)."""
    session.run("uv", "lock", *session.posargs, external=True)
