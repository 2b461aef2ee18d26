"""wrk for the bench: installed when missing, driven by Lua scripts that send the sandbox's
headers, rotate over a mix of requests and print their figures as one JSON line."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Every thread rotates over the paths given after `--`; `done` prints the figures as JSON.
# With a key prefix, every request sends its own `Idempotency-Key` (prefix, thread, counter).
LUA = """
local paths = {}
local method = "GET"
local body = nil
local key_prefix = ""
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local headers = {
  ["X-Tenant-Signly"] = "%(tenant)s",
  ["X-Auth-Signly"] = "%(key)s",
  ["Content-Type"] = "application/json",
}
local counter = 0

init = function(args)
  method = args[1]
  body = args[2] ~= "" and args[2] or nil
  key_prefix = args[3]
  for i = 4, #args do paths[#paths + 1] = args[i] end
end

request = function()
  counter = counter + 1
  if key_prefix ~= "" then
    headers["Idempotency-Key"] = key_prefix .. "-" .. tostring(tid) .. "-" .. counter
  end
  return wrk.format(method, paths[(counter %% #paths) + 1], headers, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, ' ..
    '"non_2xx": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def ensure_wrk() -> str:
    """The wrk binary; `apt-get install -y wrk` (idempotent) only when it is missing."""
    found = shutil.which("wrk")
    if found is None:
        if subprocess.run(["apt-get", "install", "-y", "wrk"], check=False).returncode:
            subprocess.run(["apt-get", "update"], check=True)
            subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
        found = shutil.which("wrk")
    if found is None:
        raise RuntimeError("wrk is not installed and apt-get could not install it")
    return found


def run_wrk(
    url: str,
    tenant: str,
    key: str,
    paths: list[str],
    *,
    method: str = "GET",
    body: str = "",
    idempotency_keys: str = "",
    connections: int = 32,
    threads: int = 2,
    seconds: float = 10,
) -> WrkResult:
    """wrk against `url` for `seconds`, rotating over `paths` (all with the same method);
    with `idempotency_keys` (a prefix unique to the run), a new Idempotency-Key per request."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "mix.lua"
        script.write_text(LUA % {"tenant": tenant, "key": key}, encoding="utf-8")
        command = [
            ensure_wrk(),
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
            "--",
            method,
            body,
            idempotency_keys,
            *paths,
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    return WrkResult(
        figures["requests"],
        figures["duration_us"] / 1e6,
        figures["p50_us"] / 1000,
        figures["p99_us"] / 1000,
        figures["non_2xx"],
        figures["socket_errors"],
    )
