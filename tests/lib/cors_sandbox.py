"""`python -m tests.lib.cors_sandbox --port N`: the sandbox app behind Starlette's CORS
middleware, for the docs browser test, whose console calls the sandbox from a file:// page.

Test-only, until the sandbox answers CORS itself (issue 15 adds it, on by default): then the
browser test uses `signly-sandbox serve` and this module goes. It serves exactly the app
`signly-sandbox serve` serves (`create_app` with the default seeded tenants), wrapped so that
any origin (a file:// page sends `Origin: null`) may call it with the Signly headers and
read the headers partners look at.
"""

from __future__ import annotations

import argparse

import uvicorn
from starlette.middleware.cors import CORSMiddleware

from signly_sandbox.app import create_app
from signly_sandbox.config import SandboxConfig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    app = create_app(SandboxConfig.from_env(partner_base_url=url))
    wrapped = CORSMiddleware(
        app,
        allow_origins=["*"],
        allow_methods=["*"],
        allow_headers=["*"],
        expose_headers=["X-Request-Id", "Retry-After"],
    )
    print(f"CORS sandbox listening on {url}", flush=True)
    uvicorn.run(wrapped, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
