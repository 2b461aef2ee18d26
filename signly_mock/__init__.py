"""Signly Partner API sandbox: a stateful mock server driven by the OpenAPI spec."""

from signly_mock.app import create_app
from signly_mock.config import SandboxConfig

__all__ = ["SandboxConfig", "create_app"]
