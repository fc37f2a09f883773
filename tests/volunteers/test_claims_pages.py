"""The claim form and list of a volunteer, and the coordinators' queue, through HTTP."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from volunteers.models import EntryStatus, LedgerEntry
from volunteers.services.claims import claim_create

pytestmark = pytest.mark.django_db


def url(name, language="en"):
    with translation.override(language):
        return reverse(name)


def form(organisation, **changes):
    return {
        "organisation": organisation.pk,
        "occurred_on": (timezone.localdate() - dt.timedelta(days=2)).isoformat(),
        "hours": "4,5",
        "description": "Reading to children at the city library",
        **changes,
    }


def pending(volunteer, organisation):
    return claim_create(
        volunteer=volunteer, organisation_id=organisation.pk, occurred_on=timezone.localdate(), hours="2",
        description="Help", language="kk",
    )  # fmt: skip


def test_a_volunteer_claims_hours_and_sees_them_waiting(client, volunteer, organisation):
    client.force_login(volunteer)
    response = client.post(url("hours_claims"), form(organisation))
    assert response.status_code == 302
    claim = LedgerEntry.objects.get(volunteer=volunteer)
    assert (claim.status, str(claim.hours)) == (EntryStatus.PENDING, "4.50")
    page = client.get(url("hours_claims")).content.decode()
    assert "Reading to children at the city library" in page and "Waiting for verification" in page


def test_a_future_date_is_refused_next_to_the_field_in_russian_and_the_form_keeps_its_values(
    client, volunteer, organisation
):
    client.force_login(volunteer)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client.post(url("hours_claims", "ru"), form(organisation, occurred_on=tomorrow, hours="30"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Дата не может быть в будущем." in page
    assert "Reading to children at the city library" in page
    assert not LedgerEntry.objects.exists()


def test_the_coordinator_verifies_or_rejects_only_their_organisations_claims(
    client, volunteer, organisation, other_organisation, coordinator
):
    mine, theirs = pending(volunteer, organisation), pending(volunteer, other_organisation)
    client.force_login(coordinator)
    page = client.get(url("coordinator_hours_claims")).content.decode()
    assert f'id="claim-{mine.pk}"' in page and f'id="claim-{theirs.pk}"' not in page

    assert (
        client.post(url("coordinator_hours_claims"), {"claim": theirs.pk, "action": "verify"}).status_code
        == 404
    )
    response = client.post(
        url("coordinator_hours_claims"), {"claim": mine.pk, "action": "reject", "reason": ""}
    )
    assert (
        response.status_code == 400
        and "Give the reason for rejecting the claim." in response.content.decode()
    )
    response = client.post(url("coordinator_hours_claims"), {"claim": mine.pk, "action": "verify"})
    assert response.status_code == 302
    assert LedgerEntry.objects.filter(corrects=mine, status=EntryStatus.VERIFIED).count() == 1
    assert not LedgerEntry.objects.filter(corrects=theirs).exists()


def test_the_queue_is_for_coordinators(client, volunteer):
    assert client.get(url("coordinator_hours_claims")).status_code == 302
    client.force_login(volunteer)
    assert client.get(url("coordinator_hours_claims")).status_code == 403


# fmt: off
MATRIX = {
    #  role            claim to A             claim to B
    "anonymous":       ("302: sign in",       "302: sign in"),
    "volunteer":       ("403: not staff",     "403: not staff"),
    "coordinator_a":   ("302: decided",       "404: not theirs"),
    "coordinator_b":   ("404: not theirs",    "302: decided"),
    "admin":           ("302: decided",       "302: decided"),
}
# fmt: on


@pytest.mark.parametrize(
    ("role", "target", "outcome"),
    [
        (role, target, outcome)
        for role, row in MATRIX.items()
        for target, outcome in zip("ab", row, strict=True)
    ],
)
def test_who_may_decide_which_claim(
    client, role, target, outcome, volunteer_factory, organisation, other_organisation, coordinator_factory,
    user_factory,
):  # fmt: skip
    claims = {
        "a": pending(volunteer_factory(), organisation),
        "b": pending(volunteer_factory(), other_organisation),
    }
    people = {
        "volunteer": lambda: volunteer_factory(),
        "coordinator_a": lambda: coordinator_factory(organisation),
        "coordinator_b": lambda: coordinator_factory(other_organisation),
        "admin": lambda: user_factory(email="admin@example.kz", is_superuser=True, is_staff=True),
    }
    if role in people:
        client.force_login(people[role]())
    response = client.post(url("coordinator_hours_claims"), {"claim": claims[target].pk, "action": "verify"})
    assert response.status_code == int(outcome[:3])
    decided = LedgerEntry.objects.filter(corrects=claims[target], status=EntryStatus.VERIFIED).exists()
    assert decided == outcome.endswith("decided")
