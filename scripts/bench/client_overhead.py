"""Per-call cost of the Signly client against raw httpx + json on the same in-process sandbox.

`python -m scripts.bench.client_overhead [--calls N] [--rounds R]` (or `bench_client.main()` from
`nox -s bench`) prints one line per operation and mode: the median time per call of raw httpx
(request, status check, `json.loads`) and of the client (request, retry policy, typed parse
into the generated models, typed errors), and their ratio (target: at most 1.3).

Modes: `sync` is the blocking client against uvicorn on a loopback port in a background
thread of this process; `async` is the asyncio client against the ASGI app through httpx's
ASGITransport (no socket). Rounds alternate raw and client runs so drift hits both alike.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from signly_client import AsyncSignlyClient, SignlyClient
from signly_client.models import TemplateInput

from signly_sandbox import SandboxConfig, create_app
from signly_sandbox.config import PAGE_API_KEY, PAGE_TENANT_ID

HEADERS = {"X-Tenant-Signly": PAGE_TENANT_ID, "X-Auth-Signly": PAGE_API_KEY}
TEMPLATES = 20


@dataclass(frozen=True)
class Figure:
    mode: str
    operation: str
    raw_us: float
    client_us: float

    @property
    def ratio(self) -> float:
        return self.client_us / self.raw_us


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """uvicorn on a free loopback port in a daemon thread; yields the base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _per_call_us(run: Callable[[], None], calls: int) -> float:
    began = time.perf_counter()
    for _ in range(calls):
        run()
    return (time.perf_counter() - began) / calls * 1e6


async def _aper_call_us(run: Callable[[], Awaitable[None]], calls: int) -> float:
    began = time.perf_counter()
    for _ in range(calls):
        await run()
    return (time.perf_counter() - began) / calls * 1e6


def _median_pair(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def bench_sync(app: Any, calls: int, rounds: int) -> list[Figure]:
    figures = []
    with serve(app) as url, httpx.Client(base_url=url, headers=HEADERS) as raw:
        client = SignlyClient(tenant_id=PAGE_TENANT_ID, api_key=PAGE_API_KEY, base_url=url)
        with client:
            template_id = client.list_templates(limit=1).data[0].template_id

            def raw_get() -> None:
                response = raw.get(f"/v1/templates/{template_id}")
                assert response.status_code == 200
                json.loads(response.content)

            def raw_list() -> None:
                response = raw.get("/v1/templates", params={"limit": TEMPLATES})
                assert response.status_code == 200
                json.loads(response.content)

            def client_get() -> None:
                client.get_template(template_id)

            def client_list() -> None:
                client.list_templates(limit=TEMPLATES)

            cases = {
                "get_template": (raw_get, client_get),
                f"list_templates ({TEMPLATES} items)": (raw_list, client_list),
            }
            for name, (raw_call, client_call) in cases.items():
                _per_call_us(raw_call, calls // 5)  # warm up both
                _per_call_us(client_call, calls // 5)
                samples = [
                    (_per_call_us(raw_call, calls), _per_call_us(client_call, calls))
                    for _ in range(rounds)
                ]
                figures.append(Figure("sync", name, *_median_pair(samples)))
    return figures


async def bench_async(app: Any, calls: int, rounds: int) -> list[Figure]:
    figures = []
    transport = httpx.ASGITransport(app=app)
    base = "http://sandbox.bench"
    async with (
        httpx.AsyncClient(transport=transport, base_url=base, headers=HEADERS) as raw,
        AsyncSignlyClient(
            tenant_id=PAGE_TENANT_ID,
            api_key=PAGE_API_KEY,
            base_url=base,
            httpx_args={"transport": transport},
        ) as client,
    ):
        template_id = (await client.list_templates(limit=1)).data[0].template_id

        async def raw_get() -> None:
            response = await raw.get(f"/v1/templates/{template_id}")
            assert response.status_code == 200
            json.loads(response.content)

        async def client_get() -> None:
            await client.get_template(template_id)

        async def raw_list() -> None:
            response = await raw.get("/v1/templates", params={"limit": TEMPLATES})
            assert response.status_code == 200
            json.loads(response.content)

        async def client_list() -> None:
            await client.list_templates(limit=TEMPLATES)

        cases = {
            "get_template": (raw_get, client_get),
            f"list_templates ({TEMPLATES} items)": (raw_list, client_list),
        }
        for name, (raw_call, client_call) in cases.items():
            await _aper_call_us(raw_call, calls // 5)
            await _aper_call_us(client_call, calls // 5)
            samples = []
            for _ in range(rounds):
                raw_us = await _aper_call_us(raw_call, calls)
                samples.append((raw_us, await _aper_call_us(client_call, calls)))
            figures.append(Figure("async", name, *_median_pair(samples)))
    return figures


def bench(calls: int = 300, rounds: int = 5) -> list[Figure]:
    """Seed one sandbox with TEMPLATES templates and measure both modes on it."""
    app = create_app(SandboxConfig(webhook_attempts=1))

    async def seed_templates() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://seed", headers=HEADERS
        ) as http:
            for n in range(TEMPLATES):
                body = TemplateInput(template_name=f"Bench {n:02d}", description="x" * 80)
                response = await http.post("/v1/templates", json=body.to_dict())
                assert response.status_code == 201, response.text

    asyncio.run(seed_templates())
    figures = bench_sync(app, calls, rounds)
    figures += asyncio.run(bench_async(app, calls, rounds))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per measurement")
    parser.add_argument("--rounds", type=int, default=5, help="measurements per figure")
    args = parser.parse_args(argv)
    figures = bench(args.calls, args.rounds)
    print(f"{'mode':6} {'operation':28} {'raw httpx+json':>15} {'client':>10} {'ratio':>6}")
    for f in figures:
        print(
            f"{f.mode:6} {f.operation:28} {f.raw_us:12.0f} us {f.client_us:7.0f} us {f.ratio:6.2f}"
        )
    worst = max(f.ratio for f in figures)
    print(f"worst ratio {worst:.2f} (target <= 1.30)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
