"""`signly-sandbox proxy --upstream URL`: a validating proxy in front of any Signly server.

Every request and response is forwarded unchanged and checked against the spec (the
sandbox's own validators over the bundled public spec): each proxied response carries
`X-Signly-Contract-Violations` listing what broke the contract (empty when clean), each
flagged exchange is logged as a JSON line, and a summary per operation is printed on exit.
"""

from signly_sandbox.proxy.app import VIOLATIONS_HEADER, ValidatingProxy
from signly_sandbox.proxy.contract import ContractChecker, Violation, public_spec_path
from signly_sandbox.proxy.report import ProxyStats

__all__ = [
    "VIOLATIONS_HEADER",
    "ContractChecker",
    "ProxyStats",
    "ValidatingProxy",
    "Violation",
    "public_spec_path",
]
