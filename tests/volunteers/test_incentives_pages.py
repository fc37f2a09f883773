"""The coordinators' incentive pages through HTTP, and who may change which incentive."""

import pytest
from django.urls import reverse
from django.utils import translation

from volunteers.models import Incentive, Stage
from volunteers.services.incentives import IncentiveData, incentive_create

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def form(organisation, **changes):
    data = {
        "organisation": organisation.pk,
        "title_kk": "Мұражайға тегін кіру",
        "title_ru": "",
        "title_en": "Free museum entry",
        "reward_kk": "",
        "reward_ru": "",
        "reward_en": "Free entry with a guest",
        "description_kk": "",
        "description_ru": "",
        "description_en": "",
        "hours_required": "10",
        "stage_required": "",
        "region": "",
        "url": "",
    }
    data.update(changes)
    return data


def offer(organisation, actor, title="Offer"):
    return incentive_create(
        actor=actor,
        data=IncentiveData(organisation=organisation, title={"en": title}, reward={"en": "A reward"}),
    )


@pytest.fixture
def admin(user_factory):
    return user_factory(email="admin@example.kz", is_superuser=True, is_staff=True)


def test_a_coordinator_lists_a_new_incentive(client, coordinator, organisation):
    client.force_login(coordinator)
    assert client.get(url("coordinator_incentive_new")).status_code == 200
    stage = Stage.objects.get(slug="active")
    response = client.post(url("coordinator_incentive_new"), form(organisation, stage_required=stage.pk))
    assert response.status_code == 302 and response["Location"] == url("coordinator_incentives")
    incentive = Incentive.objects.get()
    assert incentive.title == {"kk": "Мұражайға тегін кіру", "en": "Free museum entry"}
    assert incentive.stage_required == stage and incentive.region is None
    html = client.get(url("coordinator_incentives")).content.decode()
    assert "Free museum entry" in html and "the stage “Active volunteer”" in html


def test_the_form_offers_only_the_organisations_they_manage(
    client, coordinator, organisation, other_organisation
):
    client.force_login(coordinator)
    response = client.get(url("coordinator_incentive_new"))
    choices = [choice for choice, _label in response.context["form"].fields["organisation"].choices if choice]
    assert [choice.value for choice in choices] == [organisation.pk]
    response = client.post(url("coordinator_incentive_new"), form(other_organisation))
    assert response.status_code == 400 and "organisation" in response.context["form"].errors
    assert not Incentive.objects.exists()


def test_bad_input_shows_next_to_the_fields_in_russian_and_keeps_the_values(
    client, coordinator, organisation
):
    client.force_login(coordinator)
    response = client.post(
        url("coordinator_incentive_new", "ru"),
        form(
            organisation,
            hours_required="-3",
            title_kk="",
            title_en="",
            url="not a link",
            stage_required="999",
        ),
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert {"title", "url", "stage_required"} <= set(errors)
    assert "Free entry with a guest" in response.content.decode()
    assert not Incentive.objects.exists()

    response = client.post(url("coordinator_incentive_new"), form(organisation, hours_required="-3"))
    assert response.context["form"].errors == {
        "hours_required": ["Give the hours as a number from 0 to 5000."]
    }


def test_editing_shows_the_current_values_and_saves(client, coordinator, organisation):
    incentive = offer(organisation, coordinator, "Before")
    client.force_login(coordinator)
    html = client.get(url("coordinator_incentive_edit", pk=incentive.pk)).content.decode()
    assert 'value="Before"' in html
    response = client.post(url("coordinator_incentive_edit", pk=incentive.pk), form(organisation))
    assert response.status_code == 302
    incentive.refresh_from_db()
    assert incentive.title["en"] == "Free museum entry" and incentive.hours_required == 10


def test_unlisting_is_a_post(client, coordinator, organisation):
    incentive = offer(organisation, coordinator)
    client.force_login(coordinator)
    assert client.get(url("coordinator_incentive_unlist", pk=incentive.pk)).status_code == 405
    assert client.post(url("coordinator_incentive_unlist", pk=incentive.pk)).status_code == 302
    incentive.refresh_from_db()
    assert not incentive.active
    html = client.get(url("coordinator_incentives")).content.decode()
    assert "Unlisted" in html and url("coordinator_incentive_relist", pk=incentive.pk) in html
    client.post(url("coordinator_incentive_relist", pk=incentive.pk))
    incentive.refresh_from_db()
    assert incentive.active


def test_the_list_shows_only_their_organisations_incentives(
    client, coordinator, organisation, other_organisation, admin
):
    mine, theirs = offer(organisation, coordinator, "Mine"), offer(other_organisation, admin, "Theirs")
    client.force_login(coordinator)
    html = client.get(url("coordinator_incentives")).content.decode()
    assert f'id="incentive-{mine.pk}"' in html and f'id="incentive-{theirs.pk}"' not in html


def test_an_id_that_does_not_exist_is_a_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/en/coordinator/incentives/999999/").status_code == 404
    assert client.get("/en/coordinator/incentives/abc/").status_code == 404


# fmt: off
MATRIX = {
    #  role             A's incentive          B's incentive
    "anonymous":       ("302: sign in",        "302: sign in"),
    "volunteer":       ("403: not staff",      "403: not staff"),
    "coordinator_a":   ("302: done",           "404: not theirs"),
    "coordinator_b":   ("404: not theirs",     "302: done"),
    "admin":           ("302: done",           "302: done"),
}
# fmt: on
CASES = [
    (role, target, outcome) for role, row in MATRIX.items() for target, outcome in zip("ab", row, strict=True)
]


@pytest.fixture
def people(volunteer_factory, coordinator_factory, organisation, other_organisation, admin):
    return {
        "volunteer": lambda: volunteer_factory(),
        "coordinator_a": lambda: coordinator_factory(organisation),
        "coordinator_b": lambda: coordinator_factory(other_organisation),
        "admin": lambda: admin,
    }


@pytest.fixture
def offers(organisation, other_organisation, admin):
    return {"a": offer(organisation, admin, "A's offer"), "b": offer(other_organisation, admin, "B's offer")}


@pytest.mark.parametrize(("role", "target", "outcome"), CASES)
def test_who_may_edit_which_incentive(
    client, people, offers, role, target, outcome, organisation, other_organisation
):
    if role in people:
        client.force_login(people[role]())
    incentive = offers[target]
    owner = organisation if target == "a" else other_organisation
    response = client.post(
        url("coordinator_incentive_edit", pk=incentive.pk), form(owner, title_en="Changed", title_kk="")
    )
    assert response.status_code == int(outcome[:3])
    incentive.refresh_from_db()
    assert (incentive.title["en"] == "Changed") == outcome.endswith("done")
    if outcome.startswith("302: sign in"):
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("role", "target", "outcome"), CASES)
def test_who_may_unlist_which_incentive(client, people, offers, role, target, outcome):
    if role in people:
        client.force_login(people[role]())
    incentive = offers[target]
    response = client.post(url("coordinator_incentive_unlist", pk=incentive.pk))
    assert response.status_code == int(outcome[:3])
    incentive.refresh_from_db()
    assert (not incentive.active) == outcome.endswith("done")
