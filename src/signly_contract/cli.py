"""`signly-contract [options]`: run the contract suite against a Signly server.

The same as `pytest --pyargs signly_contract.suite -p signly_contract.plugin [options]`:
every pytest option works too (`-k`, `-x`, `--junitxml`), and the suite's own options are
listed under "Signly contract suite" in `signly-contract --help`.

`signly-contract replay PATH [--base-url URL]` replays one stored failure (a HAR cassette
the run wrote under reports/cassettes) and says whether it still fails (replay.py).
"""

from __future__ import annotations

import sys

import pytest


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["replay"]:
        from signly_contract.replay import main as replay

        return replay(args[1:])
    plugin = [] if _plugin_autoloaded() else ["-p", "signly_contract.plugin"]
    return int(pytest.main(["--pyargs", "signly_contract.suite", *plugin, *args]))


def _plugin_autoloaded() -> bool:
    """Installed with its entry point, pytest loads the plugin by itself."""
    from importlib.metadata import entry_points

    return any(e.value == "signly_contract.plugin" for e in entry_points(group="pytest11"))
