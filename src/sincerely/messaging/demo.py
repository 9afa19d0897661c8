"""Demo data for `make demo`: a draft campaign whose Web Summit sentence only some people get."""

from __future__ import annotations

from sincerely.messaging import services
from sincerely.messaging.models import Campaign

DEMO_SUBJECT = "What is new at Sincerely, {{ person.first_name | fallback('friend') }}"
DEMO_TEXT = """Hi {{ person.first_name | fallback("there") }},

{% if evidence.attended("Web Summit") %}It was great meeting you at Web Summit — thank you for \
stopping by our stand.

{% endif %}Our analytics module now explains every number it shows: where it came from and \
who recorded it.

{% if person.company %}If it would help the team at {{ person.company }}, just reply to this \
email: it reaches me, not a robot.
{% else %}Just reply to this email if you want to know more: it reaches me, not a robot.
{% endif %}
{{ sender.name }}{% if sender.title %}, {{ sender.title }}{% endif %}
"""
DEMO_TEXT_FR = """Bonjour {{ person.first_name | fallback("à vous") }},

{% if evidence.attended("Web Summit") %}Ravi de vous avoir rencontré au Web Summit — merci \
d'être passé sur notre stand.

{% endif %}Notre module d'analyse explique désormais chaque chiffre qu'il affiche.

Répondez simplement à ce message : il m'arrive directement.

{{ sender.name }}
"""


def load_demo_messaging(staff_sender, audience_list) -> Campaign:
    """Create (once) a draft campaign to `audience_list` from `staff_sender`, guard included."""
    existing = Campaign.objects.filter(name="Analytics news (demo)").first()
    if existing is not None:
        return existing
    campaign, findings = services.create_campaign(
        name="Analytics news (demo)",
        list_slug=audience_list.slug,
        sender=staff_sender,
        subject=DEMO_SUBJECT,
        text=DEMO_TEXT,
        actor=staff_sender,
    )
    services.set_translation(
        campaign,
        "fr",
        subject="Les nouveautés de Sincerely",
        text=DEMO_TEXT_FR,
    )
    assert not findings, findings
    return campaign
