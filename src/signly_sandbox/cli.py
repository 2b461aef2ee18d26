"""`signly-sandbox serve`: run the sandbox with uvicorn (httptools + uvloop when installed)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from signly_sandbox.app import create_app
from signly_sandbox.config import DEFAULT_CREDITS, SandboxConfig
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
    return parser


def banner(config: SandboxConfig, url: str, s3_endpoint: str) -> str:
    """One block with everything needed to call the sandbox."""
    lines = [
        f"Signly sandbox listening on {url}",
        f"  state: {config.data_dir or 'in memory'}   S3: {s3_endpoint}",
        f"  credits per tenant: {config.credits}",
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
    )
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # httpx logs every webhook attempt at INFO; they are in GET /_sandbox/webhook/deliveries.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        app = create_app(config)
    except StateFileError as error:  # a --data-dir it cannot use: say why, no traceback
        print(f"signly-sandbox: {error}", file=sys.stderr)
        return 2
    print(banner(config, url, app.state.services.blobs.endpoint_url), flush=True)
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return serve(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
