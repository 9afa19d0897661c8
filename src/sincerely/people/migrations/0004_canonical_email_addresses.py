"""Rewrite stored addresses into their canonical form (people/addresses.py) and add the
canonical hash beside each suppression whose address we still know.

Suppression rows hold only a hash, so a row whose address is gone (an erased person)
cannot be rewritten; lookups check its legacy hash too (`suppression_hashes`). An identity
whose canonical form already belongs to another identity is left as written: those two are
one mailbox on two people, which staff resolve with a merge.
"""

import hashlib

from django.db import migrations

from sincerely.people.addresses import canonical_email, suppression_hashes


def forwards(apps, schema_editor):
    Identity = apps.get_model("people", "Identity")
    Person = apps.get_model("people", "Person")
    Suppression = apps.get_model("people", "Suppression")

    known: set[str] = set()
    for identity in Identity.objects.filter(kind="email").only("id", "value").iterator():
        canonical = canonical_email(identity.value)
        known.add(identity.value)
        known.add(canonical)
        if canonical == identity.value:
            continue
        if Identity.objects.filter(kind="email", value=canonical).exists():
            continue
        Identity.objects.filter(pk=identity.pk).update(value=canonical)
    # Person.email caches the primary identity: follow it where it was rewritten.
    for person in Person.objects.exclude(email="").only("id", "email").iterator():
        canonical = canonical_email(person.email)
        if canonical != person.email and Identity.objects.filter(
            person_id=person.pk, kind="email", value=canonical
        ).exists():
            Person.objects.filter(pk=person.pk).update(email=canonical)

    for address in known:
        digests = suppression_hashes(address)
        canonical_hash = hashlib.sha256(canonical_email(address).encode()).hexdigest()
        for reason in set(
            Suppression.objects.filter(email_hash__in=digests).values_list("reason", flat=True)
        ):
            Suppression.objects.get_or_create(email_hash=canonical_hash, reason=reason)


class Migration(migrations.Migration):
    dependencies = [("people", "0003_evidence_trust")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
