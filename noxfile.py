"""Every job of the repository is one session here: `nox -l` lists them."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["spec", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"


def install_groups(session: nox.Session, *groups: str) -> None:
    """Install dependency groups from pyproject.toml (one list of pins for every session)."""
    requirements: list[str] = []
    for group in groups:
        requirements += nox.project.dependency_groups(PYPROJECT, group)
    session.install(*requirements)


def install_project(session: nox.Session, *groups: str) -> None:
    """Install the sandbox, the generated client and the given groups."""
    install_groups(session, *groups)
    session.install("-e", ".", "-e", "generated/signly-client")


def ensure_chromium(session: nox.Session) -> None:
    """apt-get install Debian's chromium for the docs browser test, only if it is missing."""
    session.run("python", "-m", "scripts.docs.ensure_chromium")


@nox.session(python=PYTHON)
def spec(session: nox.Session) -> None:
    """Validate and lint the spec and check every embedded example."""
    install_groups(session, "spec", "test")
    session.run("python", "-m", "scripts.pipeline.validate_spec")
    session.run("pytest", "tests/spec", *session.posargs)


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ (bundle, overlay variants, client, models) from spec/ and overlays/."""
    install_groups(session, "generate")
    session.run("python", "-m", "scripts.pipeline.generate", *session.posargs)


@nox.session(name="check-generated", python=PYTHON)
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ differs from what spec/ and overlays/ produce."""
    install_groups(session, "generate")
    session.run("python", "-m", "scripts.pipeline.generate", "--check", *session.posargs)


def check_code(session: nox.Session) -> None:
    """ruff (lint + format) and mypy --strict on hand-written code; generated/ is excluded."""
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "src", "scripts", "tests")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the whole test suite, lint and type checks, and the breaking-change gate."""
    install_project(session, "test", "docs", "lint")
    ensure_chromium(session)
    session.run("pytest", *session.posargs)
    if not session.posargs:
        check_code(session)
        session.run("python", "-m", "scripts.breaking")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the offline API reference into site/, then run its samples and browser tests."""
    install_project(session, "test", "docs")
    ensure_chromium(session)
    session.run("python", "-m", "scripts.docs")
    session.run("pytest", "tests/docs", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Check a Signly server against the spec (the embedded sandbox unless --base-url is given)."""
    install_project(session, "test")
    session.run("signly-contract", *session.posargs)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Start the sandbox server on 127.0.0.1:8080 (options after --)."""
    install_project(session)
    session.run("signly-sandbox", "serve", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint and format-check hand-written code, then type-check it with mypy --strict."""
    install_project(session, "lint", "test")
    check_code(session)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Measure the sandbox and the pipeline and print one table of figures."""
    install_project(session, "test")
    session.run("python", "-m", "scripts.bench", *session.posargs)


@nox.session(python=PYTHON)
def drills(session: nox.Session) -> None:
    """Run the reliability drills (load, crash, hostile input, auth) at full size."""
    install_project(session, "test")
    session.run("pytest", "tests/drills", "--drill-size", "full", *session.posargs)


@nox.session(python=PYTHON)
def breaking(session: nox.Session) -> None:
    """Classify spec changes since --base REF (HEAD~1); fail on unacknowledged breaking ones."""
    install_groups(session, "spec")
    session.run("python", "-m", "scripts.breaking", *session.posargs)
