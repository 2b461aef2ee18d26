"""Sandbox-only set-up for the code samples: creates what a sample needs when it is not given.

Every sample reads the ids it acts on from environment variables (TEMPLATE_ID, DOCUMENT_ID,
...). Against a fresh `signly-sandbox serve` none exist yet, so the lines of a sample that end
with `# sandbox-only` call this module first: it creates a template, a version or a published
document through the API and sets the missing variables. Those lines are left out of the
published docs, and a variable that is already set is never touched.

Standard library only, so the curl and JavaScript samples can use it too:
    eval "$(python3 _sandbox.py TEMPLATE_ID)"   # prints TEMPLATE_ID=...
    python3 _sandbox.py --json TEMPLATE_ID      # prints {"TEMPLATE_ID": "..."} (_sandbox.mjs)
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import urllib.error
import urllib.request
from typing import Any

DEFAULTS = {
    "SIGNLY_BASE_URL": "http://127.0.0.1:8080",
    "SIGNLY_TENANT_ID": "58bff266-cdad-46db-b373-1b06476146cd",
    "SIGNLY_API_KEY": "sk_live_partner_abc123",
    "SIGNLY_ADMIN_TOKEN": "eyJhbGciOi...",
}
DOCUMENT_VARIABLES = ("DOCUMENT_ID", "PARTICIPANT_ID", "PROCESS_ID")
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
KNOWN = ("TEMPLATE_ID", "VERSION", "TEMPLATE_PDF", "API_INTEGRATION", "NO_API_INTEGRATION")
KNOWN += ("WEBHOOK",)
KNOWN += DOCUMENT_VARIABLES


def _setting(name: str) -> str:
    return os.environ.get(name) or DEFAULTS[name]


def _call(method: str, path: str, body: Any = None, admin: bool = False) -> Any:
    if admin:
        headers = {"X-Auth-Signly": f"Bearer {_setting('SIGNLY_ADMIN_TOKEN')}"}
    else:
        headers = {
            "X-Tenant-Signly": _setting("SIGNLY_TENANT_ID"),
            "X-Auth-Signly": _setting("SIGNLY_API_KEY"),
        }
    data = None if body is None else json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(
        _setting("SIGNLY_BASE_URL") + path, data=data, headers=headers, method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["data"]
    except urllib.error.HTTPError as error:
        if admin and method == "GET" and error.code == 404:
            return None
        detail = f"{error.code} {error.read()!r}"
        raise SystemExit(f"sandbox set-up: {method} {path}: {detail}") from None


def _template() -> str:
    if not os.environ.get("TEMPLATE_ID"):
        body = {"templateName": "Acuerdo de servicio", "description": "Sample template"}
        os.environ["TEMPLATE_ID"] = _call("POST", "/v1/templates", body)["templateId"]
    return os.environ["TEMPLATE_ID"]


def _new_version() -> None:
    """A second version, so that deleting one is not refused as the last (D15)."""
    template_id = _template()
    body = {"templateName": "Acuerdo de servicio", "description": "Second version"}
    os.environ["VERSION"] = str(_call("PUT", f"/v1/templates/{template_id}", body)["version"])


def _document() -> None:
    body = {
        "templateId": _template(),
        "templateVersion": "0001",
        "participants": [
            {
                "displayName": "Juan David Otero",
                "signatureMode": ["SIGNATURE_EMAIL"],
                "identity": {"email": "juanoterot@outlook.com"},
            }
        ],
        "orderMode": "PARALLEL",
    }
    document = _call("POST", "/v1/documents", body)
    participant = document["participants"][0]
    values = {
        "DOCUMENT_ID": document["documentId"],
        "PARTICIPANT_ID": participant["participantId"],
        "PROCESS_ID": participant["processId"],
    }
    for name, value in values.items():
        if not os.environ.get(name):
            os.environ[name] = value


def _api_integration() -> None:
    """Make sure the tenant has a partner credential (a sample may have deleted it)."""
    if _call("GET", "/api", admin=True) is None:
        _call("POST", "/api", {"auth_method": "KEY"}, admin=True)


def _no_api_integration() -> None:
    """Revoke the tenant's credential, if any, so that creating one is not refused (409)."""
    if _call("GET", "/api", admin=True) is not None:
        _call("DELETE", "/api", admin=True)


def sample_pdf() -> None:
    """Write a blank one-page PDF to TEMPLATE_PDF (default template.pdf) unless it exists."""
    path = os.environ.setdefault("TEMPLATE_PDF", "template.pdf")
    if not os.path.exists(path):
        with open(path, "wb") as pdf:
            pdf.write(MINIMAL_PDF)


def _webhook() -> None:
    """Point the tenant's sandbox webhook at the sample receiver (a sandbox-only endpoint)."""
    port = os.environ.get("WEBHOOK_PORT", "9000")
    secret = os.environ.get("SIGNLY_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    body = {"url": f"http://127.0.0.1:{port}/", "secret": secret}
    _call("PUT", "/_sandbox/webhook", body)


def provide(*names: str) -> None:
    """Set each missing variable of `names` by creating what it names in the sandbox."""
    for name in names:
        if name not in KNOWN:
            raise SystemExit(f"sandbox set-up: unknown variable {name}")
        if name == "TEMPLATE_PDF":
            sample_pdf()
        elif name == "WEBHOOK":
            _webhook()
        elif name == "NO_API_INTEGRATION":
            _no_api_integration()
        elif os.environ.get(name):
            continue
        elif name == "TEMPLATE_ID":
            _template()
        elif name == "VERSION":
            _new_version()
        elif name == "API_INTEGRATION":
            _api_integration()
        else:
            _document()


if __name__ == "__main__":
    as_json = sys.argv[1:2] == ["--json"]
    names = sys.argv[2:] if as_json else sys.argv[1:]
    provide(*names)
    values = {name: os.environ[name] for name in names if name in os.environ}
    if as_json:
        print(json.dumps(values))
    else:
        for variable, value in values.items():
            print(f"{variable}={shlex.quote(value)}")
