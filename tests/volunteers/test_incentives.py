"""Incentives: the services and their one gate, and the public catalogue (filter, what a volunteer lacks,
pages whose queries do not grow with their size)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from volunteers.models import AuditEntry, Incentive, Region, Stage, StageStanding
from volunteers.services.incentives import (
    IncentiveData,
    IncentiveError,
    incentive_create,
    incentive_unlist,
    incentive_update,
    incentives_managed_by,
)
from volunteers.services.ledger import ledger_hours_credit

pytestmark = pytest.mark.django_db


def url(name="incentives", language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def data(organisation, **changes) -> IncentiveData:
    fields = {
        "organisation": organisation,
        "title": {"en": "Social student credit", "ru": "Социальный студенческий кредит"},
        "reward": {"en": "2 academic credits"},
        "description": {"en": "For the university's students."},
        "hours_required": "20",
        "stage_required": None,
        "region": None,
        "url": "https://example.org/credit",
    }
    fields.update(changes)
    return IncentiveData(**fields)


@pytest.fixture
def stages(seeded):
    return {stage.slug: stage for stage in Stage.objects.all()}


@pytest.fixture
def admin(user_factory):
    return user_factory(email="admin@example.kz", is_superuser=True, is_staff=True)


# --- Services ----------------------------------------------------------------------------------------------


def test_a_coordinator_lists_an_incentive_of_their_organisation(coordinator, organisation):
    incentive = incentive_create(actor=coordinator, data=data(organisation, hours_required="20,5"))
    assert incentive.hours_required == Decimal("20.50") and incentive.active
    assert incentive.title == {"en": "Social student credit", "ru": "Социальный студенческий кредит"}
    assert incentive.created_by == coordinator
    assert AuditEntry.objects.get(action="volunteers.incentive.created").actor == coordinator


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hours_required": "-1"}, "hours_required"),
        ({"hours_required": "5001"}, "hours_required"),
        ({"hours_required": "lots"}, "hours_required"),
        ({"hours_required": "NaN"}, "hours_required"),
        ({"title": {"en": "  "}}, "title"),
        ({"reward": {}}, "reward"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_nothing_is_saved(coordinator, organisation, changes, field):
    with pytest.raises(IncentiveError) as refused:
        incentive_create(actor=coordinator, data=data(organisation, **changes))
    assert refused.value.field == field
    assert not Incentive.objects.exists()


def test_an_inactive_stage_cannot_be_required(coordinator, organisation, stages):
    Stage.objects.filter(pk=stages["leader"].pk).update(active=False)
    with pytest.raises(IncentiveError) as refused:
        incentive_create(actor=coordinator, data=data(organisation, stage_required=stages["leader"]))
    assert refused.value.code == "stage"


def test_a_coordinator_cannot_list_for_another_organisation(coordinator, other_organisation):
    with pytest.raises(IncentiveError) as refused:
        incentive_create(actor=coordinator, data=data(other_organisation))
    assert (refused.value.code, refused.value.field) == ("organisation", "organisation")


def test_the_gate_gives_each_coordinator_their_organisations_incentives(
    coordinator, organisation, other_organisation, coordinator_factory, admin, volunteer
):
    mine = incentive_create(actor=coordinator, data=data(organisation))
    theirs = incentive_create(actor=admin, data=data(other_organisation))
    assert list(incentives_managed_by(coordinator)) == [mine]
    assert list(incentives_managed_by(coordinator_factory(other_organisation))) == [theirs]
    assert set(incentives_managed_by(admin)) == {mine, theirs}
    assert not incentives_managed_by(volunteer).exists()


def test_updating_another_organisations_incentive_is_refused(coordinator, other_organisation, admin):
    theirs = incentive_create(actor=admin, data=data(other_organisation))
    with pytest.raises(IncentiveError) as refused:
        incentive_update(
            actor=coordinator, incentive_id=theirs.pk, data=data(other_organisation, title={"en": "X"})
        )
    assert refused.value.code == "unknown"
    theirs.refresh_from_db()
    assert theirs.title["en"] == "Social student credit"


def test_an_update_changes_the_fields_and_keeps_the_author(coordinator, organisation, stages, almaty):
    incentive = incentive_create(actor=coordinator, data=data(organisation))
    changed = incentive_update(
        actor=coordinator, incentive_id=incentive.pk,
        data=data(organisation, hours_required="0", stage_required=stages["active"], region=almaty, url=""),
    )  # fmt: skip
    changed.refresh_from_db()
    assert (changed.hours_required, changed.stage_required, changed.region) == (0, stages["active"], almaty)
    assert changed.created_by == coordinator
    assert AuditEntry.objects.filter(action="volunteers.incentive.changed").count() == 1


def test_unlisting_twice_changes_nothing_the_second_time(coordinator, organisation):
    incentive = incentive_create(actor=coordinator, data=data(organisation))
    incentive_unlist(actor=coordinator, incentive_id=incentive.pk)
    incentive_unlist(actor=coordinator, incentive_id=incentive.pk)
    incentive.refresh_from_db()
    assert not incentive.active
    assert AuditEntry.objects.filter(action="volunteers.incentive.unlisted").count() == 1
    incentive_unlist(actor=coordinator, incentive_id=incentive.pk, listed=True)
    incentive.refresh_from_db()
    assert incentive.active


# --- The catalogue ------------------------------------------------------------------------------------------


def test_the_catalogue_lists_listed_incentives_only(client, coordinator, organisation):
    shown = incentive_create(actor=coordinator, data=data(organisation))
    hidden = incentive_create(actor=coordinator, data=data(organisation, title={"en": "Hidden offer"}))
    incentive_unlist(actor=coordinator, incentive_id=hidden.pk)
    response = client.get(url())
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="incentive-{shown.pk}"' in html and "Hidden offer" not in html
    assert "2 academic credits" in html and "at least 20 verified hours" in html
    assert "Sign in to see which incentives you qualify for." in html


def test_the_region_filter_keeps_national_offers_and_stays_in_the_url(
    client, coordinator, organisation, almaty
):
    astana = Region.objects.get(iso_code="KZ-71")
    national = incentive_create(actor=coordinator, data=data(organisation, title={"en": "National"}))
    local = incentive_create(
        actor=coordinator,
        data=data(
            organisation,
            title={
                "en": "Almaty",
            },
            region=almaty,
        ),
    )
    other = incentive_create(
        actor=coordinator, data=data(organisation, title={"en": "Astana"}, region=astana)
    )
    html = client.get(url(), {"region": "KZ-75"}).content.decode()
    assert f'id="incentive-{national.pk}"' in html and f'id="incentive-{local.pk}"' in html
    assert f'id="incentive-{other.pk}"' not in html
    assert '<option value="KZ-75" selected>' in html

    Incentive.objects.bulk_create(
        [
            Incentive(organisation=organisation, title={"en": f"More {n}"}, reward={"en": "R"})
            for n in range(25)
        ]
    )
    html = client.get(url(), {"region": "KZ-75"}).content.decode()
    assert "?region=KZ-75&amp;page=2" in html


def test_an_unknown_region_is_an_error_next_to_the_field_not_a_500(client, coordinator, organisation):
    incentive_create(actor=coordinator, data=data(organisation))
    response = client.get(url(), {"region": "<script>", "page": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html and "Social student credit" in html


def test_a_volunteer_sees_what_they_lack(client, coordinator, organisation, stages, volunteer):
    by_hours = incentive_create(actor=coordinator, data=data(organisation))
    by_stage = incentive_create(
        actor=coordinator,
        data=data(organisation, title={"en": "Museum"}, hours_required="0", stage_required=stages["active"]),
    )
    for_all = incentive_create(
        actor=coordinator, data=data(organisation, title={"en": "Open"}, hours_required="0")
    )
    ledger_hours_credit(
        volunteer=volunteer, hours=Decimal("12.5"), occurred_on=dt.date(2026, 5, 1), source="test:1",
        verified_by=coordinator,
    )  # fmt: skip
    StageStanding.objects.create(volunteer=volunteer, stage=stages["first-step"])
    client.force_login(volunteer)
    html = client.get(url()).content.decode()

    def card(incentive):
        start = html.index(f'id="incentive-{incentive.pk}"')
        return html[start : html.index("</li>", start)]

    assert "7.50 more verified hours needed" in card(by_hours)
    assert "reach the stage “Active volunteer”" in card(by_stage)
    assert "You qualify" in card(for_all)

    StageStanding.objects.filter(volunteer=volunteer).update(stage=stages["experienced"])
    ledger_hours_credit(
        volunteer=volunteer, hours=Decimal("20"), occurred_on=dt.date(2026, 5, 1), source="test:1",
        verified_by=coordinator,
    )  # fmt: skip
    html = client.get(url()).content.decode()
    assert "You qualify" in card(by_hours) and "You qualify" in card(by_stage)


def test_the_catalogue_costs_the_same_queries_however_many_incentives(
    client, organisation, other_organisation, stages, almaty, volunteer
):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(), {"region": "KZ-75"}).status_code == 200
        return len(captured)

    def add(number):
        Incentive.objects.bulk_create(
            [
                Incentive(
                    organisation=(organisation, other_organisation)[n % 2],
                    title={"en": f"Offer {n}"},
                    reward={"en": "R"},
                    stage_required=stages["active"] if n % 3 else None,
                    region=almaty if n % 2 else None,
                    hours_required=n,
                )  # fmt: skip
                for n in range(number)
            ]
        )

    client.force_login(volunteer)
    add(2)
    count()  # the first request fills the site's caches
    few = count()
    add(15)
    assert count() == few
