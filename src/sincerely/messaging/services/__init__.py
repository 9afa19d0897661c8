"""Every action of messaging that changes state, one module per subject.

campaigns (drafts, translations, queueing), preparation (rendering through the guard
into the outbox), one_to_one (a staff member's own message), outcomes (what happened to
a message after it left), sent_records (email_sent touchpoints per batch). Callers import
a subject module or the names re-exported here.
"""

from sincerely.messaging.services.campaigns import (
    campaign_findings,
    create_campaign,
    queue_campaign,
    resolve_sender,
    set_translation,
    update_campaign,
)
from sincerely.messaging.services.one_to_one import (
    ONE_TO_ONE_PURPOSE,
    STARTED_CONVERSATION,
    one_to_one_basis,
    send_one,
)
from sincerely.messaging.services.outcomes import (
    merge_messages,
    person_export,
    record_click,
    record_complaint,
    record_delivery,
    record_hard_bounce,
    record_open,
    record_reply,
    unsubscribe,
)
from sincerely.messaging.services.preparation import (
    FIRST_CHUNK,
    LANGUAGE_FACTS,
    MESSAGE_COLUMNS,
    PREPARE_CHUNK,
    finish_campaign_if_done,
    footer_values,
    language_for,
    new_message_fields,
    prepare_campaign,
    prepare_some,
    render_for,
    seal,
)
from sincerely.messaging.services.sent_records import record_sent_touchpoints

__all__ = [
    "FIRST_CHUNK",
    "LANGUAGE_FACTS",
    "MESSAGE_COLUMNS",
    "ONE_TO_ONE_PURPOSE",
    "PREPARE_CHUNK",
    "STARTED_CONVERSATION",
    "campaign_findings",
    "create_campaign",
    "finish_campaign_if_done",
    "footer_values",
    "language_for",
    "merge_messages",
    "new_message_fields",
    "one_to_one_basis",
    "person_export",
    "prepare_campaign",
    "prepare_some",
    "queue_campaign",
    "record_click",
    "record_complaint",
    "record_delivery",
    "record_hard_bounce",
    "record_open",
    "record_reply",
    "record_sent_touchpoints",
    "render_for",
    "resolve_sender",
    "seal",
    "send_one",
    "set_translation",
    "unsubscribe",
    "update_campaign",
]
