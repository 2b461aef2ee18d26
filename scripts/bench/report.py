"""`nox -s bench`: measure the sandbox and the pipeline; print one table, save reports/bench.json.

Rows: read mix (get document, list documents, get template) and publish mix from wrk at 32
connections against `signly-sandbox serve` in its own process, the publish mix again with
a new Idempotency-Key per request (the idempotency store's cost); list latency with 1k and 100k
stored documents (seeded through the store's own API on a --data-dir database before the
server starts); the server's RSS; warm `scripts.pipeline.generate` and `--check` wall times
beside the two bare generators run alone; contract suite cases/s (a small bounded run); the
client's overhead against raw httpx (scripts/bench/client_overhead.py); the docs site's
cached build (`python -m scripts.docs`, renderer and changelog caches warm) and its size;
the partner's test bench (scripts/bench/testbench.py): the read mix with the journal and
fault checks on, off, and on the code before the test bench (`--today-ref`), and the
latency the validating proxy adds per request (p50/p99). Targets: >= 5,000 reads/s with
p99 < 10 ms, RSS < 150 MB, list latency flat within 1.5x, generate within 1.5x of the bare
generators, --check no slower than generate, the cached docs build under 5 s, the test
bench's reads within 10% of before it. `--only generate` (or any comma-separated parts:
load, list, generate, contract, client, docs, workbench, proxy) measures just those.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson

from scripts.bench import testbench
from scripts.bench.wrk import WrkResult, ensure_wrk, run_wrk
from scripts.pipeline import generators
from signly_sandbox.clock import SystemClock
from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID, SandboxConfig
from signly_sandbox.process import Server
from signly_sandbox.store import Store

REPO = Path(__file__).resolve().parents[2]
REPORT = REPO / "reports" / "bench.json"
HEADERS = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
PARTICIPANT = {
    "displayName": "Bench Signer",
    "signatureMode": ["SIGNATURE_EMAIL"],
    "identity": {"email": "signer@example.com"},
}
CREDITS = "1000000000"
MIB = 1024 * 1024


@dataclass
class Row:
    """One line of the table: a figure, its unit, and the target it is held against."""

    name: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


def publish_body(template_id: str) -> dict[str, Any]:
    return {
        "templateId": template_id,
        "templateVersion": "0001",
        "participants": [PARTICIPANT],
        "orderMode": "PARALLEL",
    }


def wrk_rows(label: str, result: WrkResult, target_rps: float | None = None) -> list[Row]:
    errors = result.non_2xx + result.socket_errors
    note = f"{result.requests} requests in {result.seconds:.1f} s; {errors} non-2xx/errors"
    rps_ok = None if target_rps is None else result.per_second >= target_rps and errors == 0
    p99_ok = None if target_rps is None else result.p99_ms < 10
    return [
        Row(
            f"{label} throughput",
            round(result.per_second),
            "req/s",
            f">= {target_rps:,.0f}" if target_rps else "",
            rps_ok,
            note,
        ),
        Row(f"{label} p50", round(result.p50_ms, 2), "ms"),
        Row(f"{label} p99", round(result.p99_ms, 2), "ms", "< 10" if target_rps else "", p99_ok),
    ]


def load_rows(seconds: float) -> list[Row]:
    """Read and publish mixes at 32 connections, then the server's RSS."""
    with (
        Server(None, "--credits", CREDITS) as server,
        httpx.Client(base_url=server.url, headers=HEADERS, timeout=30) as client,
    ):
        templates = [
            client.post("/v1/templates", json={"templateName": f"Bench {n}"}).json()["data"]
            for n in range(10)
        ]
        documents = [
            client.post("/v1/documents", json=publish_body(templates[n % 10]["templateId"])).json()[
                "data"
            ]["documentId"]
            for n in range(50)
        ]
        reads = []
        for n in range(30):
            reads += [
                f"/v1/documents/{documents[n % 50]}",
                "/v1/documents?limit=20",
                f"/v1/templates/{templates[n % 10]['templateId']}",
            ]
        read = run_wrk(server.url, PAGE_TENANT_ID, PAGE_API_KEY, reads, seconds=seconds)
        rss_after_reads, _ = server.rss_bytes()
        body = json.dumps(publish_body(templates[0]["templateId"]))
        publish = run_wrk(
            server.url,
            PAGE_TENANT_ID,
            PAGE_API_KEY,
            ["/v1/documents"],
            method="POST",
            body=body,
            seconds=seconds,
        )
        rss, peak = server.rss_bytes()
        keyed = run_wrk(
            server.url,
            PAGE_TENANT_ID,
            PAGE_API_KEY,
            ["/v1/documents"],
            method="POST",
            body=body,
            idempotency_keys=f"bench-{uuid.uuid4().hex[:12]}",
            seconds=seconds,
        )
    stored = f"{publish.requests + 50:,} documents stored"
    overhead = 1 - keyed.per_second / publish.per_second if publish.per_second else 0.0
    return [
        *wrk_rows("read mix (32 conns)", read, 5000),
        *wrk_rows("publish mix (32 conns)", publish),
        *wrk_rows("publish mix, Idempotency-Key each (32 conns)", keyed),
        Row(
            "idempotency store cost on publish throughput",
            round(overhead * 100, 1),
            "%",
            "<= 25",
            overhead <= 0.25,
            "a new key per request: claim + answer, two more writes per publish",
        ),
        Row(
            "server RSS after read mix",
            round(rss_after_reads / MIB, 1),
            "MB",
            "< 150",
            rss_after_reads < 150 * MIB,
        ),
        Row(
            "server RSS after publish mix",
            round(rss / MIB, 1),
            "MB",
            "< 150",
            rss < 150 * MIB,
            f"{stored}, in memory; peak {peak / MIB:.1f} MB",
        ),
    ]


def seed_documents(data_dir: Path, up_to: int) -> None:
    """Bring the first tenant to `up_to` documents through the store's own API (one template).
    synchronous=OFF for this offline bulk load only; the server reopens with its own settings."""
    seed = SandboxConfig().tenants[0]
    store = Store(SystemClock(), data_dir)
    try:
        store.seed_tenant(seed, up_to + 1)
        store._db.execute("PRAGMA synchronous = OFF")
        page = store.list_templates(seed.tenant_id, 1, True, None)
        if page.items:
            template_id = page.items[0]["templateId"]
        else:
            template_id = store.create_template(seed.tenant_id, "Bench", None)["templateId"]
        have = 0
        cursor = None
        while True:
            listed = store.list_documents(seed.tenant_id, 100, True, cursor, None)
            have += len(listed.items)
            cursor = listed.next_cursor
            if cursor is None:
                break
        store.set_credits(seed.tenant_id, up_to - have + 1)
        for _ in range(up_to - have):
            store.create_document(
                seed.tenant_id, template_id, 1, [PARTICIPANT], "PARALLEL", None, None, None
            )
    finally:
        store.close()


def list_rows(seconds: float, sizes: tuple[int, int]) -> list[Row]:
    """List latency (first page of 20, newest first) at each size, one connection."""
    rows = []
    p50s = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "state"
        for size in sizes:
            started = time.monotonic()
            seed_documents(data_dir, size)
            seeded = time.monotonic() - started
            with Server(data_dir) as server:
                result = run_wrk(
                    server.url,
                    PAGE_TENANT_ID,
                    PAGE_API_KEY,
                    ["/v1/documents?limit=20", "/v1/documents?limit=20&status=CREATED"],
                    connections=1,
                    threads=1,
                    seconds=seconds,
                )
            p50s.append(result.p50_ms)
            rows.append(
                Row(
                    f"list latency p50 at {size:,} docs",
                    round(result.p50_ms, 2),
                    "ms",
                    note=f"p99 {result.p99_ms:.2f} ms; {result.per_second:.0f} req/s on 1 "
                    f"connection; seeded in {seeded:.0f} s",
                )
            )
    ratio = p50s[1] / p50s[0] if p50s[0] else 0.0
    rows.append(
        Row(
            f"list latency {sizes[1] // 1000}k / {sizes[0] // 1000}k",
            round(ratio, 2),
            "x",
            "<= 1.5",
            ratio <= 1.5,
        )
    )
    return rows


def _seconds(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall time of `python -m <args>`, output discarded; a failure stops the bench."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def generate_rows(runs: int) -> list[Row]:
    """Warm `generate` and `--check` against the two generators run bare, as a user would.

    Bare: openapi-python-client, then datamodel-codegen, each alone on the client variant the
    pipeline feeds them, with the pipeline's own commands (scripts/pipeline/generators.py),
    environment and ruff config. One untimed `generate` first (cold), then `runs` rounds of
    generate, check, bare, interleaved so a busy machine weighs on all three alike.
    """
    generate = ["scripts.pipeline.generate", "--out"]
    times: dict[str, list[float]] = {"generate": [], "check": [], "client": [], "models": []}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out, bare = Path(tmp) / "generated", Path(tmp) / "bare"
        cold = _seconds([*generate, str(out)], REPO)
        bare.mkdir()
        (bare / "ruff.toml").write_text(f'extend = "{(REPO / "pyproject.toml").as_posix()}"\n')
        spec = bare / "openapi.client.yaml"
        shutil.copyfile(out / spec.name, spec)
        env = generators.env()
        for n in range(runs):
            times["generate"].append(_seconds([*generate, str(out)], REPO))
            times["check"].append(_seconds([*generate, str(out), "--check"], REPO))
            times["client"].append(
                _seconds(generators.client_args(spec.name, f"client-{n}"), bare, env)
            )
            models = bare / f"models-{n}" / "__init__.py"
            models.parent.mkdir()
            times["models"].append(_seconds(generators.models_args(spec, models), REPO, env))
    load = f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    median = {name: statistics.median(values) for name, values in times.items()}
    bare_total = median["client"] + median["models"]
    ratio = median["generate"] / bare_total
    runs_note = ", ".join(f"{value:.2f}" for value in times["generate"])
    return [
        Row(
            f"generate (warm, median of {runs})",
            round(median["generate"], 2),
            "s",
            note=f"runs {runs_note} s; cold {cold:.2f} s",
        ),
        Row(
            "bare generators, one after the other",
            round(bare_total, 2),
            "s",
            note=f"openapi-python-client {median['client']:.2f} s + "
            f"datamodel-codegen {median['models']:.2f} s (medians)",
        ),
        Row(
            "generate / bare generators",
            round(ratio, 2),
            "x",
            "<= 1.5",
            ratio <= 1.5,
            f"{load} (generate runs its generators side by side: it needs the 2nd core)",
        ),
        Row(
            f"check-generated (warm, median of {runs})",
            round(median["check"], 2),
            "s",
            "<= generate",
            median["check"] <= median["generate"] * 1.05,
            "ok within 5% of generate (timing noise)",
        ),
    ]


def docs_rows(runs: int) -> list[Row]:
    """The docs build as `nox -s docs` runs it, caches warm (one untimed build first fills
    them when empty), wall time including the interpreter's start, and the site's size."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        command = ["scripts.docs", "--out", str(site)]
        first = _seconds(command, REPO)
        times = [_seconds(command, REPO) for _ in range(runs)]
        size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
        renderer = (site / "assets" / "scalar.standalone.js").stat().st_size
    median = statistics.median(times)
    runs_note = ", ".join(f"{value:.2f}" for value in times)
    return [
        Row(
            f"docs build (cached, median of {runs})",
            round(median, 2),
            "s",
            "< 5",
            median < 5,
            f"runs {runs_note} s; first {first:.2f} s",
        ),
        Row(
            "docs site size",
            round(size / 1e6, 2),
            "MB",
            note=f"renderer {renderer / 1e6:.2f} MB, the rest {(size - renderer) / 1e6:.2f} MB",
        ),
    ]


def contract_row(max_examples: int) -> Row:
    """Cases per second of a small contract run against the embedded sandbox."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "contract.json"
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/contract",
                "-p",
                "signly_contract.plugin",
                "--max-examples",
                str(max_examples),
                "--seed",
                "1",
                "-q",
                "-p",
                "no:cacheprovider",
                "--contract-report",
                str(report),
                "--junitxml",
                str(Path(tmp) / "junit.xml"),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        elapsed = time.monotonic() - started
        if done.returncode != 0:  # a figure from a failing run needs its reason beside it
            print("contract run failed; its last lines:", file=sys.stderr)
            print("\n".join(done.stdout.splitlines()[-40:]), file=sys.stderr)
        cases = json.loads(report.read_text(encoding="utf-8"))["cases"]
    return Row(
        "contract suite",
        round(cases / elapsed, 1),
        "cases/s",
        note=f"{cases} cases in {elapsed:.0f} s (--max-examples {max_examples}, "
        f"pytest exit {done.returncode})",
    )


def client_rows() -> list[Row]:
    """Client overhead vs raw httpx, from scripts/bench/client.py when it is there."""
    try:
        bench_client: Any = importlib.import_module("scripts.bench.client_overhead")
    except ImportError as error:
        return [Row("client overhead vs raw httpx", None, "x", note=f"not measured: {error}")]
    rows = []
    for figure in bench_client.bench(calls=200, rounds=3):
        rows.append(
            Row(
                f"client overhead {figure.mode} {figure.operation}",
                round(figure.ratio, 2),
                "x",
                "<= 1.3",
                figure.ratio <= 1.3,
                f"{figure.client_us:.0f} us vs {figure.raw_us:.0f} us raw",
            )
        )
    return rows


def render(rows: list[Row]) -> list[str]:
    width = max(len(row.name) for row in rows)
    aim = max(9, *(len(row.target) for row in rows))
    lines = [f"{'figure':<{width}}  {'value':>10} {'unit':<7} {'target':<{aim}} ok   note"]
    for row in rows:
        value = "-" if row.value is None else f"{row.value:,}"
        ok = {True: "yes", False: "NO", None: ""}[row.ok]
        lines.append(
            f"{row.name:<{width}}  {value:>10} {row.unit:<7} {row.target:<{aim}} {ok:<4} "
            f"{row.note}".rstrip()
        )
    return lines


def commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    return done.stdout.strip()


# The sandbox "today" for the test bench's within-10% target: main just before the test bench
# (clock, faults, journal, CORS) was merged, so the figure is that feature's cost alone.
BEFORE_TEST_BENCH = "69a4339"
PARTS = ("load", "list", "generate", "contract", "client", "docs", "workbench", "proxy")


def _parts(text: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(set(parts) - set(PARTS))
    if unknown or not parts:
        raise argparse.ArgumentTypeError(f"unknown parts {unknown}; choose from {PARTS}")
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="wrk run per mix (10)")
    parser.add_argument("--list-seconds", type=float, default=4, help="wrk run per list size")
    parser.add_argument("--small", type=int, default=1_000, help="documents, small list")
    parser.add_argument("--large", type=int, default=100_000, help="documents, large list")
    parser.add_argument("--max-examples", type=int, default=5, help="contract run size")
    parser.add_argument("--generate-runs", type=int, default=3, help="timed generate rounds")
    parser.add_argument("--docs-runs", type=int, default=3, help="timed docs builds")
    parser.add_argument(
        "--workbench-rounds", type=int, default=3, help="read mix rounds, journal on and off"
    )
    parser.add_argument(
        "--today-ref",
        default=BEFORE_TEST_BENCH,
        help="git ref whose sandbox is 'today' (workbench; default: before the test bench)",
    )
    parser.add_argument("--proxy-calls", type=int, default=500, help="request pairs per round")
    parser.add_argument("--proxy-rounds", type=int, default=3, help="proxy rounds (median)")
    parser.add_argument(
        "--only",
        type=_parts,
        default=PARTS,
        help=f"comma-separated parts to measure ({','.join(PARTS)}; default all)",
    )
    parser.add_argument("--out", type=Path, default=REPORT, help="JSON report")
    args = parser.parse_args(argv)
    only: tuple[str, ...] = args.only
    if {"load", "list", "workbench"} & set(only):
        ensure_wrk()
    started = time.monotonic()
    rows: list[Row] = []
    if "load" in only:
        rows += load_rows(args.seconds)
    if "list" in only:
        rows += list_rows(args.list_seconds, (args.small, args.large))
    if "generate" in only:
        rows += generate_rows(args.generate_runs)
    if "contract" in only:
        rows.append(contract_row(args.max_examples))
    if "client" in only:
        rows += client_rows()
    if "docs" in only:
        rows += docs_rows(args.docs_runs)
    if "workbench" in only:
        rows += testbench.workbench_rows(Row, args.seconds, args.workbench_rounds, args.today_ref)
    if "proxy" in only:
        rows += testbench.proxy_rows(Row, args.proxy_calls, args.proxy_rounds)
    for line in render(rows):
        print(line)
    missed = [row.name for row in rows if row.ok is False]
    elapsed = time.monotonic() - started
    print(
        f"\n{len(missed)} target(s) missed{': ' + ', '.join(missed) if missed else ''}; "
        f"bench took {elapsed:.0f} s"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "commit": commit(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(elapsed),
        "parts": list(only),
        "rows": [asdict(row) for row in rows],
    }
    args.out.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    print(f"JSON: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
