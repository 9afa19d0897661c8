"""The security tests send through the same real SMTP recorder as messaging's."""

from tests.messaging.conftest import smtp_server  # noqa: F401
