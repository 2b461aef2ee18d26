"""Signly Partner API sandbox: a stateful mock server driven by the OpenAPI spec."""

from signly_sandbox.app import create_app
from signly_sandbox.config import SandboxConfig

__all__ = ["SandboxConfig", "create_app"]
