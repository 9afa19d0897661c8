"""Scale-out fixtures: the messaging tests' SMTP server on loopback and list of people."""

from tests.messaging.conftest import smtp_server, web_summit_list  # noqa: F401 - fixtures
