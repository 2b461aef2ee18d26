"""Which files run depends on whether the contract plugin is loaded.

Why: `nox -s contract` (`-p tests.contract.plugin`) checks a server and must not run the
suite's self-tests; the default `nox -s tests` has no plugin options, so it runs only the
self-tests (planted faults, `--base-url` mode), which start their own servers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SELF_TESTS = {"test_planted_faults.py", "test_base_url_mode.py"}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    active = config.pluginmanager.has_plugin("tests.contract.plugin")
    is_self_test = collection_path.name in SELF_TESTS
    return True if active == is_self_test else None
