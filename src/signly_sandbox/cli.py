"""`signly-sandbox serve`: run the sandbox with uvicorn (httptools + uvloop when installed).
`signly-sandbox proxy --upstream URL`: a validating proxy in front of any Signly server."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from signly_sandbox.app import create_app
from signly_sandbox.clock import format_timestamp
from signly_sandbox.config import DEFAULT_CREDITS, FIXTURES, SandboxConfig
from signly_sandbox.faults import parse_rate
from signly_sandbox.state import StateFileError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="signly-sandbox", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="start the sandbox server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--data-dir", type=Path, help="keep state in DIR (SQLite, WAL)")
    serve.add_argument(
        "--s3-endpoint-url", help="use this S3-compatible store, not in-process moto"
    )
    serve.add_argument("--credits", type=int, default=DEFAULT_CREDITS, help="credits per tenant")
    serve.add_argument("--spec", type=Path, help="sandbox spec (default: generated variant)")
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.add_argument(
        "--webhook-attempts", type=int, default=12, help="attempts per webhook delivery (12)"
    )
    serve.add_argument(
        "--webhook-backoff",
        type=float,
        default=0.5,
        help="seconds before the 2nd attempt, doubling after each (0.5)",
    )
    serve.add_argument(
        "--webhook-max-backoff", type=float, default=30.0, help="longest wait between attempts (30)"
    )
    serve.add_argument(
        "--webhook-timeout", type=float, default=15.0, help="seconds to wait for a receiver (15)"
    )
    bench = serve.add_argument_group("partner test bench")
    bench.add_argument(
        "--fixtures",
        choices=FIXTURES,
        help="start in a known world: `reference` holds the reference's own examples",
    )
    bench.add_argument(
        "--rate-limit", type=_rate, help="a real per-tenant rate limit, e.g. 10/s (429 beyond)"
    )
    bench.add_argument(
        "--cors-origins",
        default="*",
        help="comma-separated origins browsers may call from (default: any, `*`)",
    )
    bench.add_argument("--no-cors", action="store_true", help="no CORS headers at all")
    bench.add_argument(
        "--no-faults", action="store_true", help="ignore Prefer and refuse /_sandbox/faults"
    )
    bench.add_argument("--no-journal", action="store_true", help="keep no request journal")

    proxy = commands.add_parser(
        "proxy", help="forward to a Signly server and check every exchange against the spec"
    )
    proxy.add_argument("--upstream", required=True, help="the server to forward to (base URL)")
    proxy.add_argument("--host", default="127.0.0.1")
    proxy.add_argument("--port", type=int, default=8081)
    proxy.add_argument("--spec", type=Path, help="bundled spec to check against (default: public)")
    proxy.add_argument("--log", type=Path, help="append the JSON lines here (default: stderr)")
    proxy.add_argument(
        "--log-clean", action="store_true", help="log clean exchanges too, not only flagged ones"
    )
    proxy.add_argument("--timeout", type=float, default=60.0, help="upstream timeout, seconds")
    return parser


def _rate(text: str) -> float:
    try:
        return parse_rate(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def banner(config: SandboxConfig, url: str, s3_endpoint: str, clock_now: str = "") -> str:
    """One block with everything needed to call the sandbox."""
    cors = ",".join(config.cors_origins) if config.cors_origins else "off"
    rate = f"{config.rate_limit:g}/s per tenant" if config.rate_limit else "none"
    lines = [
        f"Signly sandbox listening on {url}",
        f"  state: {config.data_dir or 'in memory'}   S3: {s3_endpoint}",
        f"  credits per tenant: {config.credits}",
        f"  clock: {clock_now or 'real time'}   fixtures: {config.fixtures or 'none'}   "
        f"rate limit: {rate}   CORS: {cors}   faults: {'on' if config.faults else 'off'}   "
        f"journal: {'on' if config.journal else 'off'}",
    ]
    for number, tenant in enumerate(config.tenants, start=1):
        lines += [
            f"  tenant {number}: X-Tenant-Signly: {tenant.tenant_id}",
            f"            X-Auth-Signly: {tenant.api_key}   (partner KEY)",
            f"            X-Auth-Signly: Bearer {tenant.admin_token}   (admin session, /api)",
        ]
    return "\n".join(lines)


def serve(args: argparse.Namespace) -> int:
    url = f"http://{args.host}:{args.port}"
    config = SandboxConfig.from_env(
        data_dir=args.data_dir,
        s3_endpoint_url=args.s3_endpoint_url,
        credits=args.credits,
        spec_path=args.spec,
        partner_base_url=url,
        webhook_attempts=args.webhook_attempts,
        webhook_backoff_seconds=args.webhook_backoff,
        webhook_max_backoff_seconds=args.webhook_max_backoff,
        webhook_timeout_seconds=args.webhook_timeout,
        fixtures=args.fixtures,
        rate_limit=args.rate_limit,
        cors_origins=None
        if args.no_cors
        else tuple(o.strip() for o in args.cors_origins.split(",") if o.strip()),
        faults=not args.no_faults,
        journal=not args.no_journal,
    )
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # httpx logs every webhook attempt at INFO; they are in GET /_sandbox/webhook/deliveries.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        app = create_app(config)
    except StateFileError as error:  # a --data-dir it cannot use: say why, no traceback
        print(f"signly-sandbox: {error}", file=sys.stderr)
        return 2
    services = app.state.services
    now = format_timestamp(services.clock.now())
    print(banner(config, url, services.blobs.endpoint_url, now), flush=True)
    # Everything built so far (spec, validators, boto3, moto) lives as long as the process:
    # keep it out of the collector's way, and collect young objects less often, so that
    # collections do not show up in the tail latency.
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 50)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        access_log=args.access_log,
        log_level="warning",
        http="auto",
        loop="auto",
        proxy_headers=False,
        server_header=False,
    )
    return 0


def proxy(args: argparse.Namespace) -> int:
    from signly_sandbox.proxy import ContractChecker, ValidatingProxy, public_spec_path
    from signly_sandbox.routing import load_spec

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    checker = ContractChecker(load_spec(args.spec or public_spec_path()))
    log_stream = None if args.log is None else args.log.open("a", encoding="utf-8")
    app = ValidatingProxy(
        args.upstream,
        checker,
        log_stream=log_stream,
        log_clean=args.log_clean,
        timeout=args.timeout,
    )
    print(
        f"Signly validating proxy listening on http://{args.host}:{args.port} -> {args.upstream}\n"
        f"  checks against {args.spec or public_spec_path()}; violations in the "
        f"X-Signly-Contract-Violations header and as JSON lines on {args.log or 'stderr'}",
        flush=True,
    )
    try:
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            access_log=False,
            log_level="warning",
            http="auto",
            loop="auto",
            proxy_headers=False,
            server_header=False,
            date_header=False,
        )
    finally:
        print("\n".join(["Signly validating proxy summary", *app.stats.summary()]), flush=True)
        if log_stream is not None:
            log_stream.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return serve(args)
    if args.command == "proxy":
        return proxy(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
