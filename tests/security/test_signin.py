"""Issue 11.5: staff sign-in is throttled, passwords meet the validators, TOTP two-factor,
and the client address comes from trusted proxies only."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sincerely.demo.load import PASSWORD as DEMO_PASSWORD
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str, **headers):
    return client.post("/login/", {"username": username, "password": password}, **headers)


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def test_repeated_failures_lock_the_address_out_with_a_page(marketer, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, marketer.username, "wrong password").status_code == 200
    locked = sign_in(client, marketer.username, "wrong password")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # Even the right password is refused from that address during the cool-off.
    assert sign_in(client, marketer.username, PASSWORD).status_code == 429
    # Another address is not locked out.
    elsewhere = sign_in(Client(REMOTE_ADDR="192.0.2.77"), marketer.username, PASSWORD)
    assert elsewhere.status_code == 302


def test_a_forwarded_for_header_from_a_client_is_never_believed(marketer, settings):
    client = Client()
    for i in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, marketer.username, "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
    fresh_header = sign_in(
        client, marketer.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.200"
    )
    assert fresh_header.status_code == 429


def test_behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client(marketer, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = Client(REMOTE_ADDR="10.1.2.3")
    attacker = {"HTTP_X_FORWARDED_FOR": "192.0.2.1, 203.0.113.9, 10.9.9.9"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(proxy, marketer.username, "wrong", **attacker)
    # The attacker (203.0.113.9) is locked out whatever it puts at the left of the header …
    spoofed = {"HTTP_X_FORWARDED_FOR": "192.0.2.55, 203.0.113.9"}
    assert sign_in(proxy, marketer.username, PASSWORD, **spoofed).status_code == 429
    # … while another client behind the same proxy signs in.
    other = {"HTTP_X_FORWARDED_FOR": "203.0.113.10"}
    assert sign_in(proxy, marketer.username, PASSWORD, **other).status_code == 302


def test_privacy_link_limit_per_address_ignores_client_sent_forwarded_for(client):
    codes = [
        client.post(
            "/privacy/", {"email": f"p{i}@example.com"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}"
        ).status_code
        for i in range(11)
    ]
    assert codes == [200] * 10 + [429]


def test_createstaff_refuses_a_weak_password():
    with pytest.raises(CommandError, match="too short|too common"):
        call_command(
            "createstaff", "weak", "--role", "sales", "--email", "w@x.test", "--password", "pass"
        )
    assert not get_user_model().objects.filter(username="weak").exists()
    call_command(
        "createstaff", "strong", "--role", "sales", "--email", "s@x.test", "--password", PASSWORD
    )
    assert get_user_model().objects.filter(username="strong").exists()


def test_the_demo_password_passes_the_validators():
    for username in ("admin", "marie", "sam", "aisha", "sven"):
        user = get_user_model()(username=username, email=f"{username}@sincerely-demo.example.com")
        validate_password(DEMO_PASSWORD, user)


def test_change_my_password_applies_the_validators(marketer):
    client = Client()
    assert sign_in(client, marketer.username, PASSWORD).status_code == 302
    page = client.get("/console/account/password/")
    assert page.status_code == 200 and "Change my password" in page.content.decode()
    weak = client.post(
        "/console/account/password/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert weak.status_code == 200
    assert "too common" in weak.content.decode() or "too short" in weak.content.decode()
    new = "a much longer passphrase 2026"
    done = client.post(
        "/console/account/password/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    assert sign_in(Client(), marketer.username, new).status_code == 302


def _enrol(client: Client) -> TOTPDevice:
    page = client.get("/console/account/two-factor/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    wrong = client.post("/console/account/two-factor/", {"action": "confirm", "code": "000000"})
    assert wrong.status_code == 400 and not TOTPDevice.objects.filter(confirmed=True).exists()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the device's own back-off after the wrong code
    device.throttling_failure_timestamp = None
    device.save()
    confirmed = client.post(
        "/console/account/two-factor/", {"action": "confirm", "code": code_for(device)}
    )
    assert confirmed.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_totp_enrolment_then_sign_in_asks_for_the_code(marketer):
    client = Client()
    sign_in(client, marketer.username, PASSWORD)
    device = _enrol(client)
    client.post("/logout/")

    fresh = Client()
    step_one = sign_in(fresh, marketer.username, PASSWORD)
    assert step_one.status_code == 302 and step_one["Location"] == "/login/code/"
    # The password alone does not open the console.
    assert fresh.get("/console/").status_code == 302
    assert "Enter your sign-in code" in fresh.get("/login/code/").content.decode()
    wrong = fresh.post("/login/code/", {"code": "000000"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = fresh.post("/login/code/", {"code": code_for(device, steps_ahead=1)})
    assert right.status_code == 302
    assert fresh.get("/console/").status_code == 200


def test_wrong_codes_count_towards_the_lock_out(marketer, settings):
    client = Client()
    sign_in(client, marketer.username, PASSWORD)
    _enrol(client)
    client.post("/logout/")
    fresh = Client()
    sign_in(fresh, marketer.username, PASSWORD)
    codes = [
        fresh.post("/login/code/", {"code": "000000"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert codes[-1] == 429 and set(codes[:-1]) == {400}


def test_admin_site_login_cannot_skip_the_code_step():
    assert Client().get("/admin/login/?next=/admin/")["Location"].startswith("/login/")


def test_required_two_factor_sends_an_admin_to_enrol_first(admin_user, settings):
    settings.REQUIRE_2FA = True
    client = Client()
    assert sign_in(client, admin_user.username, PASSWORD).status_code == 302
    assert client.get("/console/people/")["Location"] == "/console/account/two-factor/"
    _enrol(client)
    assert client.get("/console/people/").status_code == 200


def test_required_two_factor_leaves_other_roles_free(marketer, settings):
    settings.REQUIRE_2FA = True
    client = Client()
    sign_in(client, marketer.username, PASSWORD)
    assert client.get("/console/people/").status_code == 200


def test_a_request_without_a_peer_address_still_signs_in(marketer):
    """A test client or a unix socket gives no REMOTE_ADDR; throttling still records it."""
    client = Client(REMOTE_ADDR="")
    assert sign_in(client, marketer.username, PASSWORD).status_code == 302
    Client().force_login(marketer)
