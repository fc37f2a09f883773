"""Mentees: registered, changed and archived by their centre's coordinators, through the pages and the
services; every read of a mentee's page audited; no copy cached or indexed. And the centres' rules."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import CentreRules, Mentee, Mentorship, Pool
from volunteers.mentoring.services.mentees import (
    centre_rules_save,
    mentee_archive,
    mentee_create,
    mentee_update,
)
from volunteers.models import AuditEntry, Membership, MembershipRole

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args or None)


def refused(code, function, **kwargs):
    with pytest.raises(MentoringError) as caught:
        function(**kwargs)
    assert caught.value.code == code, caught.value.code
    return caught.value


def child(by, organisation, **changes):
    fields = {
        "by": by, "organisation": organisation, "pool": Pool.CHILDREN, "name": "A. K.",
        "birth_year": YEAR - 12, "gender": "female", "languages": ["kk"], "interests": ["art"],
        "needs": ["schoolwork"], "availability": ["sat-morning"], "note": "Likes drawing horses.",
    }  # fmt: skip
    fields.update(changes)
    return mentee_create(**fields)


def form_data(organisation, **changes):
    data = {
        "organisation": organisation.pk, "name": "Dana", "birth_year": str(YEAR - 10), "gender": "female",
        "languages": ["kk", "ru"], "interests": ["music"], "needs": ["schoolwork"],
        "availability": ["sun-afternoon"], "note": "",
    }  # fmt: skip
    data.update(changes)
    return data


def viewed(mentee):
    return AuditEntry.objects.filter(action="mentoring.mentee.viewed", data__mentee=mentee.pk)


# --- Services -----------------------------------------------------------------------------------------------


def test_a_centre_registers_a_child_with_the_least_data(centre_coordinator, centre):
    mentee = child(centre_coordinator, centre, languages=["kk", "kk", "ru"])
    assert (mentee.name, mentee.birth_year, mentee.demand, mentee.volunteer) == ("A. K.", YEAR - 12, 1, None)
    assert mentee.languages == ["kk", "ru"] and mentee.created_by == centre_coordinator
    entry = AuditEntry.objects.get(action="mentoring.mentee.created")
    assert entry.data == {"mentee": mentee.pk, "organisation": centre.pk, "pool": "children"}
    assert entry.subject is None


@pytest.mark.parametrize(
    ("age", "allowed"), [(5, False), (6, True), (30, True), (31, False)]
)  # MENTORING_MENTEE_AGES = (6, 30)
def test_a_childs_age_is_within_the_bounds(centre_coordinator, centre, age, allowed):
    if allowed:
        assert child(centre_coordinator, centre, birth_year=YEAR - age).birth_year == YEAR - age
    else:
        error = refused(
            "mentee_age", child, by=centre_coordinator, organisation=centre, birth_year=YEAR - age
        )
        assert error.field == "birth_year" and error.params == {"min": 6, "max": 30}


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"birth_year": None}, "mentee_age", "birth_year"),
        ({"birth_year": "twelve"}, "mentee_age", "birth_year"),
        ({"name": "  "}, "mentee_name", "name"),
        ({"name": "x" * 41}, "mentee_name", "name"),
        ({"languages": []}, "mentee_languages", "languages"),
        ({"needs": ["money"]}, "mentee_choices", "needs"),
        ({"gender": "other"}, "mentee_choices", "gender"),
        ({"pool": "adults"}, "mentee_pool", "pool"),
        ({"demand": 9}, "mentee_demand", "demand"),
    ],
)
def test_bad_mentees_are_refused(centre_coordinator, centre, changes, code, field):
    error = refused(code, child, by=centre_coordinator, organisation=centre, **changes)
    assert error.field == field
    assert not Mentee.objects.exists()


def test_another_centres_organisation_is_refused(centre_coordinator, other_centre, coordinator, organisation):
    refused("mentee_centre", child, by=centre_coordinator, organisation=other_centre)
    refused("mentee_centre", child, by=coordinator, organisation=other_centre)
    assert child(coordinator, organisation).organisation == organisation  # an NGO's own programme


def test_a_newcomer_is_a_volunteer_account(centre_coordinator, centre, volunteer_factory):
    newcomer = volunteer_factory(age=19, gender="male", languages=["ru"])
    newcomer.first_name = "Arman"
    newcomer.save()
    refused(
        "mentee_volunteer",
        mentee_create,
        by=centre_coordinator,
        organisation=centre,
        pool=Pool.NEWCOMERS,
        volunteer=newcomer,
    )  # fmt: skip  (not one of the centre's volunteers)
    Membership.objects.create(user=newcomer, organisation=centre, role=MembershipRole.VOLUNTEER)
    mentee = mentee_create(
        by=centre_coordinator, organisation=centre, pool=Pool.NEWCOMERS, volunteer=newcomer, name="ignored",
        needs=["first_steps"],
    )  # fmt: skip
    assert (mentee.name, mentee.birth_year, mentee.gender, mentee.languages) == (
        "Arman",
        newcomer.profile.date_of_birth.year,
        "male",
        ["ru"],
    )
    refused(
        "mentee_duplicate", mentee_create, by=centre_coordinator, organisation=centre, pool=Pool.NEWCOMERS,
        volunteer=newcomer,
    )  # fmt: skip
    assert AuditEntry.objects.get(action="mentoring.mentee.created").subject == newcomer


def test_a_social_worker_wants_two_volunteers(centre_coordinator, other_centre, coordinator_factory):
    staff = coordinator_factory(other_centre)
    mentee = mentee_create(
        by=staff, organisation=other_centre, pool=Pool.HOME_VISITS, name="Gulnara", birth_year=1980,
        languages=["kk"], needs=["home_help"],
    )  # fmt: skip
    assert mentee.demand == 2 and mentee.birth_year is None


def test_update_and_archive(centre_coordinator, other_centre_coordinator, centre, mentor_factory):
    mentee = child(centre_coordinator, centre)
    refused("mentee_unknown", mentee_update, mentee=mentee, by=other_centre_coordinator, name="B")
    mentee_update(
        mentee=mentee, by=centre_coordinator, name="Aru", birth_year=YEAR - 13, languages=["ru"], demand=1
    )
    mentee.refresh_from_db()
    assert (mentee.name, mentee.languages, mentee.interests) == ("Aru", ["ru"], [])
    assert AuditEntry.objects.get(action="mentoring.mentee.changed").data["fields"] == [
        "availability", "birth_year", "gender", "interests", "languages", "name", "needs", "note",
    ]  # fmt: skip
    pair = Mentorship.objects.create(
        pool=Pool.CHILDREN, mentee=mentee, mentor=mentor_factory(), organisation=centre, status="active"
    )
    refused("mentee_open_pairs", mentee_archive, mentee=mentee, by=centre_coordinator)
    pair.status, pair.end_reason = "ended", "goal_reached"
    pair.save()
    mentee_archive(mentee=mentee, by=centre_coordinator)
    mentee_archive(mentee=mentee, by=centre_coordinator)  # twice: harmless
    assert AuditEntry.objects.filter(action="mentoring.mentee.archived").count() == 1
    refused("mentee_archived", mentee_update, mentee=mentee, by=centre_coordinator, name="C")


# --- Pages --------------------------------------------------------------------------------------------------


def test_a_coordinator_registers_a_child_through_the_pages(client, centre_coordinator, centre):
    client.force_login(centre_coordinator)
    chooser = client.get(url("mentoring:mentee_new"))
    assert chooser.status_code == 200 and "?pool=children" in chooser.content.decode()
    new = url("mentoring:mentee_new") + "?pool=children"
    form = client.get(new)
    assert form.status_code == 200 and set(form.context["form"].fields) == {
        "organisation", "name", "birth_year", "gender", "languages", "interests", "needs", "availability",
        "note",
    }  # fmt: skip
    response = client.post(new, form_data(centre))
    mentee = Mentee.objects.get()
    assert response.status_code == 302 and response["Location"] == url("mentoring:mentee", mentee.pk)
    assert (mentee.name, mentee.languages, mentee.pool) == ("Dana", ["kk", "ru"], "children")


def test_the_mentee_form_shows_errors_next_to_the_fields(client, centre_coordinator, centre, other_centre):
    client.force_login(centre_coordinator)
    new = url("mentoring:mentee_new") + "?pool=children"
    response = client.post(new, form_data(centre, birth_year=str(YEAR - 3)))
    assert response.status_code == 400 and "birth_year" in response.context["form"].errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    with translation.override("en"):
        assert str(MentoringError("mentee_age", min=6, max=30).message) in html
    response = client.post(new, form_data(other_centre))
    assert response.status_code == 400 and "organisation" in response.context["form"].errors
    garbage = {"organisation": "x", "name": "", "birth_year": "old", "languages": ["xx"], "demand": "many"}
    assert client.post(new, garbage).status_code == 400
    assert client.post(url("mentoring:mentee_new") + "?pool=nonsense", garbage).status_code == 200
    assert not Mentee.objects.exists()


def test_a_newcomer_is_found_by_e_mail_or_phone(client, centre_coordinator, centre, volunteer_factory):
    newcomer = volunteer_factory(age=20, email="newcomer@example.kz", phone="+77011234567")
    Membership.objects.create(user=newcomer, organisation=centre, role=MembershipRole.VOLUNTEER)
    client.force_login(centre_coordinator)
    new = url("mentoring:mentee_new") + "?pool=newcomers"
    data = {"organisation": centre.pk, "needs": ["first_steps"], "availability": []}
    response = client.post(new, {**data, "contact": "stranger@example.kz"})
    assert response.status_code == 400 and "contact" in response.context["form"].errors
    # The profile names no language: the coordinator gives one.
    response = client.post(new, {**data, "contact": "8 (701) 123-45-67"})
    assert response.status_code == 400 and "languages" in response.context["form"].errors
    response = client.post(new, {**data, "contact": "8 (701) 123-45-67", "languages": ["kk"]})
    assert response.status_code == 302
    mentee = Mentee.objects.get()
    assert mentee.volunteer == newcomer and mentee.languages == ["kk"]
    response = client.post(url("mentoring:mentee_edit", mentee.pk), {"needs": ["confidence"]})
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.needs == ["confidence"] and mentee.languages == ["kk"]
    response = client.post(new, {**data, "contact": "NEWCOMER@example.kz", "languages": ["kk"]})
    assert response.status_code == 400 and "contact" in response.context["form"].errors  # already a mentee


def test_every_view_of_a_mentees_page_is_audited(client, centre_coordinator, centre):
    mentee = child(centre_coordinator, centre)
    client.force_login(centre_coordinator)
    for _time in range(2):
        assert client.get(url("mentoring:mentee", mentee.pk)).status_code == 200
    assert client.get(url("mentoring:mentee_edit", mentee.pk)).status_code == 200
    entries = viewed(mentee)
    assert entries.count() == 3
    assert {(entry.actor_id, entry.subject_id, entry.data["organisation"]) for entry in entries} == {
        (centre_coordinator.pk, None, centre.pk)
    }
    # An edit sent with a mistake shows the data again: another read.
    response = client.post(url("mentoring:mentee_edit", mentee.pk), form_data(centre, name=""))
    assert response.status_code == 400 and viewed(mentee).count() == 4


def test_a_newcomers_page_audit_names_the_account(client, centre_coordinator, centre, volunteer_factory):
    newcomer = volunteer_factory(age=20, languages=["kk"])
    Membership.objects.create(user=newcomer, organisation=centre, role=MembershipRole.VOLUNTEER)
    mentee = mentee_create(
        by=centre_coordinator, organisation=centre, pool=Pool.NEWCOMERS, volunteer=newcomer
    )
    client.force_login(centre_coordinator)
    client.get(url("mentoring:mentee", mentee.pk))
    assert viewed(mentee).get().subject == newcomer


def test_edit_and_archive_through_the_pages(client, centre_coordinator, centre):
    mentee = child(centre_coordinator, centre)
    client.force_login(centre_coordinator)
    edit = url("mentoring:mentee_edit", mentee.pk)
    assert "organisation" not in client.get(edit).context["form"].fields
    response = client.post(edit, {**form_data(centre, name="Dinara"), "organisation": "ignored"})
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.name == "Dinara" and mentee.organisation == centre
    archive = url("mentoring:mentee_archive", mentee.pk)
    assert client.get(archive).status_code == 405
    assert client.post(archive).status_code == 302
    assert client.post(archive).status_code == 302  # twice: harmless
    mentee.refresh_from_db()
    assert mentee.archived_at is not None
    assert client.get(edit).status_code == 302  # an archived mentee is not edited
    listed = client.get(url("mentoring:mentees"))
    assert listed.context["page"].paginator.count == 0
    assert client.get(url("mentoring:mentees"), {"archived": "on"}).context["page"].paginator.count == 1


def test_mentee_pages_are_neither_cached_nor_indexed(client, centre_coordinator, centre):
    mentee = child(centre_coordinator, centre)
    client.force_login(centre_coordinator)
    for page in (
        url("mentoring:mentees"),
        url("mentoring:mentee_new"),
        url("mentoring:mentee_new") + "?pool=children",
        url("mentoring:mentee", mentee.pk),
        url("mentoring:mentee_edit", mentee.pk),
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        cache = response["Cache-Control"]
        assert "private" in cache and "no-store" in cache, page
        assert "noindex" in response["X-Robots-Tag"], page


def test_the_list_is_audited_once_a_page_and_costs_the_same_for_many(
    client, centre_coordinator, centre, coordinator_factory, other_centre, mentor_factory
):
    Membership.objects.create(
        user=centre_coordinator, organisation=other_centre, role=MembershipRole.COORDINATOR
    )
    first = child(centre_coordinator, centre, name="Aru")
    client.force_login(centre_coordinator)
    list_url = url("mentoring:mentees")
    client.get(list_url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(list_url).status_code == 200
    for number in range(5):
        child(centre_coordinator, other_centre, name=f"B{number}")
    Mentorship.objects.create(
        pool=Pool.CHILDREN, mentee=first, mentor=mentor_factory(), organisation=centre, status="active"
    )
    AuditEntry.objects.all().delete()
    with CaptureQueriesContext(connection) as many:
        response = client.get(list_url)
    assert len(many) == len(one)
    shown = [mentee.pk for mentee in response.context["page"].object_list]
    assert len(shown) == 6
    [entry] = AuditEntry.objects.all()
    assert entry.action == "mentoring.mentees.listed" and entry.data["mentees"] == shown
    assert not viewed(first).exists()
    assert client.get(list_url, {"centre": centre.pk}).context["page"].paginator.count == 1
    assert client.get(list_url, {"needs_mentor": "on"}).context["page"].paginator.count == 5
    assert client.get(list_url, {"pool": "newcomers"}).context["page"].paginator.count == 0
    assert client.get(list_url, {"centre": "x", "pool": "x", "page": "99"}).status_code == 200


# --- Centres' rules -----------------------------------------------------------------------------------------


def test_a_centre_sets_its_rules(client, centre_coordinator, centre):
    client.force_login(centre_coordinator)
    rules_url = url("mentoring:centre_rules", centre.pk)
    assert client.get(rules_url).status_code == 200
    data = {
        "district": "Medeu",
        "gender_rule": "same",
        "min_age_gap": "5",
        "max_age_gap": "",
        "reminder_weeks": "",
    }
    assert client.post(rules_url, data).status_code == 302
    rules = CentreRules.objects.get(organisation=centre)
    assert (rules.gender_rule, rules.min_age_gap, rules.max_age_gap, rules.reminder_weeks) == (
        "same",
        5,
        None,
        None,
    )
    response = client.post(rules_url, {**data, "max_age_gap": "3"})
    assert response.status_code == 400 and "max_age_gap" in response.context["form"].errors
    response = client.post(rules_url, {"gender_rule": "robots", "min_age_gap": "-1", "reminder_weeks": "x"})
    assert response.status_code == 400
    assert {"gender_rule", "min_age_gap", "reminder_weeks"} <= set(response.context["form"].errors)
    assert CentreRules.objects.get(organisation=centre).min_age_gap == 5


def test_rules_age_gap_is_checked_by_the_service(centre_coordinator, centre, other_centre):
    error = refused(
        "rules_age_gap", centre_rules_save, organisation=centre, by=centre_coordinator, min_age_gap=10,
        max_age_gap=4,
    )  # fmt: skip
    assert error.field == "max_age_gap"
    refused("mentee_centre", centre_rules_save, organisation=other_centre, by=centre_coordinator)
    rules = centre_rules_save(organisation=centre, by=centre_coordinator, min_age_gap=4, max_age_gap=4)
    assert (rules.min_age_gap, rules.max_age_gap) == (4, 4)
    assert AuditEntry.objects.filter(action="mentoring.rules.saved").count() == 1
