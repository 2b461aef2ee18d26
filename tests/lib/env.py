"""The environment of a test: never the developer's `SIGNLY_*` settings.

The client, the sandbox and the contract suite all read `SIGNLY_*` variables (credentials, base
URL). A test that inherited a developer's values would talk to another tenant, or another
server, and fail (or pass) for reasons outside the repository. The `hermetic` plugin removes
them from the test process; `clean_environ()` is what a test hands to a subprocess.
"""

from __future__ import annotations

import os

PREFIX = "SIGNLY_"


def foreign_names(environ: dict[str, str] | None = None) -> list[str]:
    """Names of the `SIGNLY_*` variables set in `environ` (default: this process)."""
    return sorted(
        name for name in (os.environ if environ is None else environ) if name.startswith(PREFIX)
    )


def clean_environ(*prefixes: str, **extra: str) -> dict[str, str]:
    """A copy of this process's environment without `SIGNLY_*` (nor any of `prefixes`),
    plus `extra`: the environment for a subprocess started by a test."""
    dropped = (PREFIX, *prefixes)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    environ.update(extra)
    return environ
