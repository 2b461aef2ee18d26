"""Make sure Debian's Chromium is at /usr/bin/chromium, installing it with apt-get if missing.

Why: the docs browser test drives the system Chromium (Playwright's own browser download is
not allowed here), and CI starts from a machine without it. Idempotent: when the binary is
there this does nothing but print its version, so the `tests` and `docs` sessions call it on
every run. Installing needs root (CI and these machines run as root) or passwordless sudo.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


def _apt(*args: str) -> None:
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", *args], check=True, env=env)


def ensure_chromium() -> Path:
    """Return the path of a working Chromium, installing Debian's package when it is missing."""
    if not CHROMIUM.exists():
        if shutil.which("apt-get") is None:
            raise SystemExit(f"{CHROMIUM} is missing and apt-get is not available")
        print(f"{CHROMIUM} is missing: installing Debian's chromium", flush=True)
        _apt("update", "-qq")
        _apt("install", "-y", "-qq", "--no-install-recommends", "chromium")
    version = subprocess.run(
        [str(CHROMIUM), "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"{CHROMIUM}: {version}", flush=True)
    return CHROMIUM


if __name__ == "__main__":
    ensure_chromium()
    sys.exit(0)
