"""Background jobs of the privacy centre: mailing a fresh link, run by `sincerely worker`."""

from __future__ import annotations

from django_tasks import task


@task()
def send_privacy_link_task(person_id: int | None) -> bool:
    """Mail a fresh privacy-centre link to the person, if there is one.

    A request for a link queues this job whether or not the address is known (with no
    person then), so both answers do the same work and take the same time; only here,
    away from the request, does a known address lead to mail.
    """
    if person_id is None:
        return False
    from django.conf import settings
    from django.core.mail import send_mail

    from sincerely.people.links import privacy_url
    from sincerely.people.models import Person

    person = Person.objects.filter(pk=person_id).exclude(email="").first()
    if person is None:
        return False
    send_mail(
        "Your link to see what we hold about you",
        "Open this link to see, correct, download or erase what we hold about you.\n"
        f"It works for {settings.PRIVACY_LINK_MAX_AGE // 86400} days:\n\n"
        f"{privacy_url(person)}\n\n"
        "If you did not ask for it, you can ignore this message.",
        settings.DEFAULT_FROM_EMAIL,
        [person.email],
    )
    return True
