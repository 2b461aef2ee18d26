"""Bench parts of the partner's test bench: `workbench` and `proxy`.

workbench: the read mix (get document, list documents, get template) from wrk at 32
connections against three servers, `rounds` times each, interleaved (the order rotates
every round) so a busy machine weighs on all alike: this branch as it ships (request
journal and fault checks on), this branch with `--no-journal --no-faults`, and "today":
the sandbox of `today_ref` (default `main`), its `src/` and generated sandbox spec taken
from git into a temporary directory and run with the same interpreter and packages. The
figures are medians. Beside req/s, each run reads the server process's CPU time (utime +
stime from /proc) and gives CPU microseconds per request: on a shared machine req/s follows
whatever else runs, while CPU per request is the server's own cost. The target, within 10%
of today, is held on that: today's CPU per request / this branch's >= 0.9 (the read
capacity of one core, relative); the req/s ratios are shown beside it. Without the ref (no
git, shallow clone) the today rows say why.

proxy: the latency `signly-sandbox proxy` adds per request. One keep-alive connection sends
the same GET (a template, then a document, in turn) straight to a sandbox and through the
proxy in front of it, alternating which goes first, `calls` pairs per round after 100
warm-up pairs; added latency is the per-pair difference. `rounds` rounds; each figure is
the median over the rounds.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from scripts.bench.wrk import run_wrk
from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID
from signly_sandbox.process import Server, free_port, serve_command

REPO = Path(__file__).resolve().parents[2]
HEADERS = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
CREDITS = "1000000000"
PARTICIPANT = {
    "displayName": "Bench Signer",
    "signatureMode": ["SIGNATURE_EMAIL"],
    "identity": {"email": "signer@example.com"},
}
WARM_UP = 100


def _env(pythonpath: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNLY_")}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return env


def _wait_ready(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/v1/templates", headers=HEADERS).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.05)


@contextmanager
def _process(
    command: list[str], url: str, what: str, env: dict[str, str]
) -> Iterator[tuple[str, int]]:
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    try:
        _wait_ready(url, process, what)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextmanager
def today_source(ref: str) -> Iterator[Path | str]:
    """`src/` and the generated sandbox spec of `ref` in a temporary directory (its path),
    or the reason it cannot be had (a string)."""
    paths = ["src", "generated/openapi.sandbox.yaml"]
    done = subprocess.run(
        ["git", "archive", "--format=tar", ref, *paths], cwd=REPO, capture_output=True
    )
    if done.returncode != 0:
        yield f"no {ref} to compare with: {done.stderr.decode(errors='replace').strip()}"
        return
    with tempfile.TemporaryDirectory(prefix="signly-today-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
            archive.extractall(tmp, filter="data")
        yield Path(tmp)


@contextmanager
def today_server(source: Path) -> Iterator[tuple[str, int]]:
    """`signly-sandbox serve` from `source`'s code: same interpreter and packages, its own
    `src/` first on the path (its spec is found beside it, in `generated/`)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [*serve_command(), "serve", "--port", str(port), "--credits", CREDITS]
    with _process(command, url, "today's sandbox", _env(source / "src")) as (started, pid):
        # Today's sandbox has no clock control: a 404 proves its code is the one running.
        probe = httpx.get(f"{started}/_sandbox/clock", headers=HEADERS)
        if probe.status_code != 404:
            raise RuntimeError(f"today's sandbox answers /_sandbox/clock ({probe.status_code})")
        yield started, pid


def _read_paths(client: httpx.Client) -> list[str]:
    templates = [
        client.post("/v1/templates", json={"templateName": f"Bench {n}"}).json()["data"]
        for n in range(10)
    ]
    documents = []
    for n in range(50):
        body = {
            "templateId": templates[n % 10]["templateId"],
            "templateVersion": "0001",
            "participants": [PARTICIPANT],
            "orderMode": "PARALLEL",
        }
        documents.append(client.post("/v1/documents", json=body).json()["data"]["documentId"])
    paths = []
    for n in range(30):
        paths += [
            f"/v1/documents/{documents[n % 50]}",
            "/v1/documents?limit=20",
            f"/v1/templates/{templates[n % 10]['templateId']}",
        ]
    return paths


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _read_mix_at(url: str, pid: int, seconds: float) -> tuple[float, float]:
    """(requests/s, server CPU microseconds per request) of the read mix."""
    with httpx.Client(base_url=url, headers=HEADERS, timeout=30) as client:
        paths = _read_paths(client)
    cpu_before = cpu_seconds(pid)
    result = run_wrk(url, PAGE_TENANT_ID, PAGE_API_KEY, paths, seconds=seconds)
    cpu = cpu_seconds(pid) - cpu_before
    if result.non_2xx or result.socket_errors:
        raise RuntimeError(f"read mix had {result.non_2xx + result.socket_errors} errors")
    return result.per_second, cpu * 1e6 / max(1, result.requests)


def _read_mix(variant: str, seconds: float, source: Path | str) -> tuple[float, float]:
    if variant == "today":
        assert isinstance(source, Path)
        with today_server(source) as (url, pid):
            return _read_mix_at(url, pid, seconds)
    flags = ("--no-journal", "--no-faults") if variant == "off" else ()
    with Server(None, "--credits", CREDITS, *flags) as server:
        return _read_mix_at(server.url, server.pid, seconds)


def _runs(values: list[float], digits: int = 0) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


def workbench_rows(row: Any, seconds: float, rounds: int, today_ref: str = "main") -> list[Any]:
    with today_source(today_ref) as source:
        variants = ["on", "off", "today"] if isinstance(source, Path) else ["on", "off"]
        rps: dict[str, list[float]] = {variant: [] for variant in variants}
        cpu: dict[str, list[float]] = {variant: [] for variant in variants}
        for n in range(rounds):
            for variant in variants[n % len(variants) :] + variants[: n % len(variants)]:
                per_second, cpu_us = _read_mix(variant, seconds, source)
                rps[variant].append(per_second)
                cpu[variant].append(cpu_us)
    rate = {variant: statistics.median(values) for variant, values in rps.items()}
    cost = {variant: statistics.median(values) for variant, values in cpu.items()}
    labels = {
        "on": "journal + faults on",
        "off": "--no-journal --no-faults",
        "today": f"today ({today_ref})",
    }
    rows = []
    for variant in variants:
        note = f"CPU per request: {_runs(cpu[variant], 1)} us; req/s: {_runs(rps[variant])}"
        rows.append(row(f"read mix, {labels[variant]}", round(rate[variant]), "req/s", note=note))
        rows.append(row(f"  server CPU per request, {variant}", round(cost[variant], 1), "us"))
    if "today" in rate:
        capacity = cost["today"] / cost["on"] if cost["on"] else 0.0
        rows.append(
            row(
                f"read capacity on / {today_ref} (CPU)",
                round(capacity, 3),
                "x",
                ">= 0.9",
                capacity >= 0.9,
                f"{today_ref} CPU per request / on's; median of {rounds} x {seconds:g} s, 32 conns",
            )
        )
        ratio = rate["on"] / rate["today"] if rate["today"] else 0.0
        rows.append(row(f"read mix req/s on / {today_ref}", round(ratio, 3), "x"))
    else:
        rows.append(row("read mix, today", None, "req/s", note=str(source)))
    off_capacity = cost["off"] / cost["on"] if cost["on"] else 0.0
    rows.append(row("read capacity on / off (CPU)", round(off_capacity, 3), "x"))
    return rows


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _proxy_round(
    client: httpx.Client, direct_url: str, proxied_url: str, paths: list[str], calls: int
) -> dict[str, float]:
    direct: list[float] = []
    through: list[float] = []
    for n in range(calls + WARM_UP):
        path = paths[n % len(paths)]
        timings = {}
        for base in (direct_url, proxied_url) if n % 2 else (proxied_url, direct_url):
            started = time.perf_counter()
            response = client.get(base + path)
            timings[base] = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise RuntimeError(f"{base}{path}: HTTP {response.status_code}")
            if base == proxied_url and response.headers.get("X-Signly-Contract-Violations"):
                raise RuntimeError(f"{path} flagged: {response.headers}")
        if n < WARM_UP:
            continue
        direct.append(timings[direct_url])
        through.append(timings[proxied_url])
    added = [b - a for a, b in zip(direct, through, strict=True)]
    return {
        "added_p50": _percentile(added, 0.5),
        "added_p99": _percentile(added, 0.99),
        "direct_p50": _percentile(direct, 0.5),
        "direct_p99": _percentile(direct, 0.99),
        "proxied_p50": _percentile(through, 0.5),
        "proxied_p99": _percentile(through, 0.99),
    }


def proxy_rows(row: Any, calls: int, rounds: int = 3) -> list[Any]:
    with Server(None, "--credits", CREDITS) as server:
        port = free_port()
        proxied_url = f"http://127.0.0.1:{port}"
        command = [
            *serve_command(),
            *("proxy", "--upstream", server.url, "--port", str(port), "--log", os.devnull),
        ]
        with (
            _process(command, proxied_url, "the proxy", _env()),
            httpx.Client(headers=HEADERS, timeout=30) as client,
        ):
            template = client.post(
                f"{server.url}/v1/templates", json={"templateName": "Proxied"}
            ).json()["data"]["templateId"]
            body = {
                "templateId": template,
                "templateVersion": "0001",
                "participants": [PARTICIPANT],
                "orderMode": "PARALLEL",
            }
            document = client.post(f"{server.url}/v1/documents", json=body).json()["data"]
            paths = [f"/v1/templates/{template}", f"/v1/documents/{document['documentId']}"]
            figures = [
                _proxy_round(client, server.url, proxied_url, paths, calls) for _ in range(rounds)
            ]
    median = {key: statistics.median(f[key] for f in figures) for key in figures[0]}
    note = (
        f"median of {rounds} rounds x {calls} pairs, 1 keep-alive connection, loopback; "
        f"GET /v1/templates/{{id}} and /v1/documents/{{id}} in turn; "
        f"direct p50 {median['direct_p50']:.2f} / p99 {median['direct_p99']:.2f} ms, "
        f"proxied p50 {median['proxied_p50']:.2f} / p99 {median['proxied_p99']:.2f} ms"
    )
    per_round = ", ".join(f"{f['added_p50']:.2f}/{f['added_p99']:.2f}" for f in figures)
    return [
        row("proxy added latency p50", round(median["added_p50"], 3), "ms", note=note),
        row(
            "proxy added latency p99",
            round(median["added_p99"], 3),
            "ms",
            note=f"per round p50/p99: {per_round}",
        ),
    ]


if __name__ == "__main__":  # pragma: no cover - a quick look without the whole bench
    import sys

    from scripts.bench.report import Row, render

    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    print("\n".join(render(proxy_rows(Row, calls))))
