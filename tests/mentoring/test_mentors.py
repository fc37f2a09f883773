"""Mentors: the application, the coordinators' decision, background checks, the volunteer's mentoring page,
and what the data export and the erasure do with them."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from config.dates import months_after
from volunteers.mentoring import privacy  # noqa: F401  (registers the export section and the erasure hook)
from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import BackgroundCheck, Mentor, Mentorship, MentorStatus, Pool
from volunteers.mentoring.services.mentors import (
    check_revoke,
    check_verify,
    mentor_apply,
    mentor_decide,
    mentor_update,
    mentor_withdraw,
)
from volunteers.models import AuditEntry, Organisation, OrganisationKind
from volunteers.services.privacy import volunteer_data_export, volunteer_erase

pytestmark = pytest.mark.django_db


def url(name, language="en", *args):
    with translation.override(language):
        return reverse(name, args=args or None)


@pytest.fixture
def open_centre(centre):
    """The centre, verified: volunteers of its region may apply to mentor with it."""
    centre.verified = True
    centre.save(update_fields=["verified"])
    return centre


def application(volunteer, organisation, **changes):
    fields = {
        "volunteer": volunteer,
        "organisation": organisation,
        "pools": [Pool.CHILDREN],
        "capacity": 2,
        "languages": ["kk", "ru"],
        "interests": ["sport"],
        "availability": ["sat-morning"],
        "district": "Medeu",
        "motivation": "I grew up in a children's home myself.",
    }
    fields.update(changes)
    return mentor_apply(**fields)


def refused(code, function, **kwargs):
    with pytest.raises(MentoringError) as caught:
        function(**kwargs)
    assert caught.value.code == code, caught.value.code
    return caught.value


# --- Applying -----------------------------------------------------------------------------------------------


def test_an_adult_volunteer_applies_with_a_verified_centre_of_their_region(
    volunteer_factory, open_centre, almaty
):
    user = volunteer_factory(age=30)
    mentor = application(user, open_centre, pools=["children", "children", "home_visits"])
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.APPLIED and mentor.region == almaty
    assert mentor.pools == ["children", "home_visits"] and mentor.capacity == 2
    entry = AuditEntry.objects.get(action="mentoring.mentor.applied")
    assert entry.actor == user and entry.subject == user and entry.data["organisation"] == open_centre.pk


def test_a_minor_cannot_apply(volunteer_factory, open_centre):
    refused("mentor_minor", application, volunteer=volunteer_factory(age=17), organisation=open_centre)
    assert not Mentor.objects.exists()


def test_without_a_profile_one_cannot_apply(user_factory, open_centre):
    refused("mentor_no_profile", application, volunteer=user_factory(), organisation=open_centre)


def test_a_second_application_is_refused_while_the_first_is_open(volunteer_factory, open_centre):
    user = volunteer_factory(age=30)
    application(user, open_centre)
    refused("mentor_already_applied", application, volunteer=user, organisation=open_centre)
    Mentor.objects.update(status=MentorStatus.APPROVED)
    refused("mentor_already_applied", application, volunteer=user, organisation=open_centre)
    assert Mentor.objects.count() == 1


def test_applying_again_after_a_decline_reuses_the_row(volunteer_factory, open_centre, centre_coordinator):
    user = volunteer_factory(age=30)
    first = application(user, open_centre)
    mentor_decide(mentor=first, by=centre_coordinator, approve=False, reason="Come back after the course.")
    again = application(user, open_centre, capacity=1)
    assert again.pk == first.pk and Mentor.objects.count() == 1
    again.refresh_from_db()
    assert again.status == MentorStatus.APPLIED and again.capacity == 1
    assert again.decline_reason == "" and again.decided_by is None
    mentor_withdraw(mentor=again, by=user)
    assert application(user, open_centre).status == MentorStatus.APPLIED


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"pools": []}, "mentor_pools", "pools"),
        ({"pools": ["astronauts"]}, "mentor_pools", "pools"),
        ({"languages": []}, "mentor_languages", "languages"),
        ({"capacity": 0}, "mentor_capacity", "capacity"),
        ({"capacity": 6}, "mentor_capacity", "capacity"),
        ({"capacity": "many"}, "mentor_capacity", "capacity"),
        ({"interests": ["skydiving"]}, "mentor_choices", "interests"),
        ({"availability": ["someday"]}, "mentor_choices", "availability"),
    ],
)
def test_bad_applications_are_refused_with_the_field(volunteer_factory, open_centre, changes, code, field):
    error = refused(
        code, application, volunteer=volunteer_factory(age=30), organisation=open_centre, **changes
    )
    assert error.field == field


def test_only_verified_organisations_of_the_region_take_applications(volunteer_factory, open_centre, astana):
    user = volunteer_factory(age=30)
    unverified = Organisation.objects.create(
        slug="new-ngo", kind=OrganisationKind.NGO, region=open_centre.region, name={"en": "New"}
    )
    elsewhere = Organisation.objects.create(
        slug="astana-home", kind=OrganisationKind.CHILDREN_HOME, region=astana, name={"en": "A"},
        verified=True,
    )  # fmt: skip
    school = Organisation.objects.create(
        slug="school", kind=OrganisationKind.SCHOOL, region=open_centre.region, name={"en": "S"},
        verified=True,
    )  # fmt: skip
    for organisation in (unverified, elsewhere, school):
        refused("mentor_organisation", application, volunteer=user, organisation=organisation)
    front_office = Organisation.objects.get(
        kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=open_centre.region
    )
    assert application(user, front_office).organisation == front_office


def test_a_mentor_changes_their_offer_but_not_below_their_pairs(mentor_factory, mentee_factory):
    mentor = mentor_factory(capacity=3)
    mentor_update(
        mentor=mentor, by=mentor.volunteer, capacity=2, languages=["ru"], interests=["music"],
        availability=["sun-evening"], district="Bostandyq",
    )  # fmt: skip
    mentor.refresh_from_db()
    assert (mentor.capacity, mentor.languages, mentor.district) == (2, ["ru"], "Bostandyq")
    assert mentor.pools == [Pool.CHILDREN] and mentor.status == MentorStatus.APPROVED
    for number in range(2):
        Mentorship.objects.create(
            pool=Pool.CHILDREN, mentee=mentee_factory(name=f"M{number}"), mentor=mentor,
            organisation=mentor.organisation, status="active",
        )  # fmt: skip
    error = refused(
        "mentor_capacity_held", mentor_update, mentor=mentor, by=mentor.volunteer, capacity=1,
        languages=["ru"],
    )  # fmt: skip
    assert error.params == {"count": 2}


# --- Deciding -----------------------------------------------------------------------------------------------


@pytest.fixture
def applicant(volunteer_factory, open_centre):
    return application(volunteer_factory(age=30, language="ru", email="applicant@example.kz"), open_centre)


def test_approving_tells_the_volunteer_in_their_language(
    applicant, centre_coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mentor_decide(mentor=applicant, by=centre_coordinator, approve=True)
    applicant.refresh_from_db()
    assert applicant.status == MentorStatus.APPROVED and applicant.decided_by == centre_coordinator
    assert AuditEntry.objects.filter(action="mentoring.mentor.approved", subject=applicant.volunteer).exists()
    [mail] = mailoutbox
    assert mail.to == ["applicant@example.kz"]
    with translation.override("ru"):
        assert mail.subject == gettext("Your application to mentor is approved")
    assert "/ru/mentoring/" in mail.body


def test_declining_needs_a_reason_and_sends_it(
    applicant, centre_coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    refused("mentor_reason", mentor_decide, mentor=applicant, by=centre_coordinator, approve=False)
    refused(
        "mentor_reason", mentor_decide, mentor=applicant, by=centre_coordinator, approve=False, reason="  "
    )
    with django_capture_on_commit_callbacks(execute=True):
        mentor_decide(mentor=applicant, by=centre_coordinator, approve=False, reason="No check yet.")
    applicant.refresh_from_db()
    assert applicant.status == MentorStatus.DECLINED and applicant.decline_reason == "No check yet."
    assert AuditEntry.objects.filter(action="mentoring.mentor.declined").count() == 1
    [mail] = mailoutbox
    assert "No check yet." in mail.body


def test_a_decision_is_taken_once(applicant, centre_coordinator):
    mentor_decide(mentor=applicant, by=centre_coordinator, approve=True)
    refused("mentor_decided", mentor_decide, mentor=applicant, by=centre_coordinator, approve=True)
    refused(
        "mentor_decided", mentor_decide, mentor=applicant, by=centre_coordinator, approve=False, reason="x"
    )


def test_another_centre_cannot_decide_and_nobody_decides_their_own(
    applicant, other_centre_coordinator, coordinator_factory, open_centre
):
    refused("mentor_unknown", mentor_decide, mentor=applicant, by=other_centre_coordinator, approve=True)
    from volunteers.models import Membership, MembershipRole

    Membership.objects.create(
        user=applicant.volunteer, organisation=open_centre, role=MembershipRole.COORDINATOR
    )
    refused("mentor_own", mentor_decide, mentor=applicant, by=applicant.volunteer, approve=True)


# --- Background checks --------------------------------------------------------------------------------------


def test_a_check_without_an_expiry_counts_for_the_configured_months(applicant, centre_coordinator, settings):
    settings.MENTORING_CHECK_VALID_MONTHS = 6
    issued = timezone.localdate() - dt.timedelta(days=10)
    check = check_verify(mentor=applicant, by=centre_coordinator, issued_on=issued, reference=" 123-AB ")
    assert check.expires_on == months_after(issued, 6) and check.reference == "123-AB"
    assert check.verified_by == centre_coordinator
    entry = AuditEntry.objects.get(action="mentoring.check.verified")
    assert entry.subject == applicant.volunteer and entry.data["expires_on"] == check.expires_on.isoformat()
    # Sent twice (a double click): recorded once.
    again = check_verify(mentor=applicant, by=centre_coordinator, issued_on=issued, reference="123-AB")
    assert again.pk == check.pk and BackgroundCheck.objects.count() == 1


def test_bad_checks_are_refused(applicant, centre_coordinator):
    today = timezone.localdate()
    cases = [
        ("check_issued_future", {"issued_on": today + dt.timedelta(days=1)}),
        (
            "check_dates",
            {"issued_on": today - dt.timedelta(days=5), "expires_on": today - dt.timedelta(days=5)},
        ),
        (
            "check_expired",
            {"issued_on": today - dt.timedelta(days=400), "expires_on": today - dt.timedelta(days=1)},
        ),
        ("check_expired", {"issued_on": today - dt.timedelta(days=800)}),
    ]
    for code, dates in cases:
        refused(code, check_verify, mentor=applicant, by=centre_coordinator, **dates)
    assert not BackgroundCheck.objects.exists()
    # Valid until today is still valid today.
    check_verify(
        mentor=applicant, by=centre_coordinator, issued_on=today - dt.timedelta(days=30), expires_on=today
    )


def test_a_check_is_revoked_once_with_a_reason(applicant, centre_coordinator):
    check = check_verify(
        mentor=applicant, by=centre_coordinator, issued_on=timezone.localdate() - dt.timedelta(days=3)
    )
    refused("check_reason", check_revoke, check=check, by=centre_coordinator, reason=" ")
    check_revoke(check=check, by=centre_coordinator, reason="Entered for the wrong person.")
    check.refresh_from_db()
    assert check.revoked_at is not None and check.revoked_by == centre_coordinator
    assert AuditEntry.objects.filter(action="mentoring.check.revoked").count() == 1
    refused("check_revoked", check_revoke, check=check, by=centre_coordinator, reason="again")


# --- The volunteer's mentoring page -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_mentoring_page_says_what_is_still_needed(client, mentor_factory, language):
    mentor = mentor_factory(certified=False, pools=(Pool.CHILDREN, Pool.HOME_VISITS, Pool.NEWCOMERS))
    client.force_login(mentor.volunteer)
    response = client.get(url("mentoring:mine", language))
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        needed = gettext("Complete the safeguarding course and keep its certificate valid.")
        course = gettext("The safeguarding course")
        stage = re.split("[“«]", gettext("Reach the stage “%(stage)s” of the Volunteer's Path."))[0]
    assert 'data-missing="certificate"' in html and needed in html and course in html
    assert f'href="/{language}/training/my/"' in html
    assert 'data-missing="stage"' in html and stage in html
    rows = {row["pool"]: row for row in response.context["eligibility"]}
    assert rows["home_visits"]["ok"] and rows["home_visits"]["until"] == mentor.checks.get().expires_on
    assert [item["code"] for item in rows["children"]["missing"]] == ["certificate"]
    # Dates of the check only: no certificate number, nor who saw it.
    BackgroundCheck.objects.update(reference="SECRET-42")
    assert "SECRET-42" not in client.get(url("mentoring:mine", language)).content.decode()


def test_a_volunteer_applies_through_the_pages(client, volunteer_factory, open_centre):
    user = volunteer_factory(age=30, languages=["kk"])
    client.force_login(user)
    page = client.get(url("mentoring:mine"))
    assert page.status_code == 200 and url("mentoring:apply") in page.content.decode()
    form = client.get(url("mentoring:apply"))
    assert form.status_code == 200 and form.context["form"].initial["languages"] == ["kk"]
    data = {
        "organisation": open_centre.pk, "pools": ["children"], "capacity": "1", "languages": ["kk"],
        "interests": ["sport"], "availability": ["sat-morning"], "district": "", "motivation": "",
    }  # fmt: skip
    response = client.post(url("mentoring:apply"), data)
    assert response.status_code == 302 and response["Location"] == url("mentoring:mine")
    assert Mentor.objects.get(volunteer=user).status == MentorStatus.APPLIED
    # The same form sent again: nothing new, the volunteer lands on their page.
    again = client.post(url("mentoring:apply"), data)
    assert again.status_code == 302 and Mentor.objects.count() == 1
    html = client.get(url("mentoring:mine")).content.decode()
    assert 'data-status="applied"' in html
    assert client.post(url("mentoring:withdraw")).status_code == 302
    assert Mentor.objects.get(volunteer=user).status == MentorStatus.WITHDRAWN
    assert client.post(url("mentoring:withdraw")).status_code == 302  # harmless twice


def test_the_application_form_shows_errors_next_to_the_fields(client, volunteer_factory, open_centre):
    client.force_login(volunteer_factory(age=30))
    response = client.post(
        url("mentoring:apply"),
        {"organisation": "nonsense", "pools": ["astronauts"], "capacity": "lots", "languages": []},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"organisation", "pools", "capacity", "languages"} <= set(errors)
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "field-invalid" in html
    response = client.post(
        url("mentoring:apply"), {"organisation": open_centre.pk, "pools": ["children"], "capacity": "9"}
    )
    assert response.status_code == 400 and "capacity" in response.context["form"].errors


def test_a_minor_is_told_on_the_pages(client, volunteer_factory, open_centre):
    client.force_login(volunteer_factory(age=16))
    with translation.override("en"):
        message = str(MentoringError.messages["mentor_minor"])
    assert message in client.get(url("mentoring:mine")).content.decode()
    response = client.get(url("mentoring:apply"))
    assert response.status_code == 200 and response.context["form"] is None
    assert message in response.content.decode()


def test_the_mentoring_pages_need_a_sign_in(client):
    for name in ("mentoring:mine", "mentoring:apply", "mentoring:mentor_edit"):
        response = client.get(url(name))
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


# --- The coordinators' pages --------------------------------------------------------------------------------


def test_a_coordinator_approves_and_records_a_check_through_the_pages(
    client, applicant, centre_coordinator, django_capture_on_commit_callbacks
):
    client.force_login(centre_coordinator)
    page = client.get(url("mentoring:mentor", "en", applicant.pk))
    assert page.status_code == 200
    with translation.override("en"):
        warning = gettext(
            "You saw the certificate of no criminal record; do not upload or keep a scan of it or of an "
            "identity document."
        )
    html = page.content.decode()
    assert warning in html and 'type="file"' not in html
    decide = url("mentoring:mentor_decide", "en", applicant.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide, {"decision": "approve"})
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.status == MentorStatus.APPROVED
    # A second click: a message, no change, no error page.
    response = client.post(decide, {"decision": "decline", "reason": "x"}, follow=True)
    assert response.status_code == 200 and applicant.__class__.objects.get().status == MentorStatus.APPROVED
    issued = timezone.localdate() - dt.timedelta(days=2)
    response = client.post(
        url("mentoring:check_verify", "en", applicant.pk), {"issued_on": issued.isoformat(), "reference": "7"}
    )
    assert response.status_code == 302
    check = BackgroundCheck.objects.get()
    response = client.post(url("mentoring:check_revoke", "en", check.pk), {"reason": ""})
    assert response.status_code == 400 and 'id="id_revoke_' in response.content.decode()
    response = client.post(url("mentoring:check_revoke", "en", check.pk), {"reason": "A typo"})
    assert response.status_code == 302
    assert BackgroundCheck.objects.get().revoked_at is not None


def test_the_coordinators_forms_refuse_garbage_without_a_500(client, applicant, centre_coordinator):
    client.force_login(centre_coordinator)
    decide = url("mentoring:mentor_decide", "en", applicant.pk)
    assert client.post(decide, {"decision": "maybe"}).status_code == 400
    response = client.post(decide, {"decision": "decline", "reason": ""})
    assert response.status_code == 400 and "reason" in response.context["decision_form"].errors
    check = url("mentoring:check_verify", "en", applicant.pk)
    response = client.post(check, {"issued_on": "yesterday"})
    assert response.status_code == 400 and "issued_on" in response.context["check_form"].errors
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = client.post(check, {"issued_on": future})
    assert response.status_code == 400 and "issued_on" in response.context["check_form"].errors
    assert client.get(decide).status_code == 405
    assert client.get("/en/coordinator/mentoring/mentors/abc/").status_code == 404
    assert client.get(url("mentoring:mentor", "en", 999999)).status_code == 404


def test_the_mentors_list_filters_and_costs_the_same_for_many(client, mentor_factory, centre_coordinator):
    client.force_login(centre_coordinator)
    mentor_factory(email="aigul@example.kz", pools=(Pool.HOME_VISITS,))
    list_url = url("mentoring:mentors")
    client.get(list_url)  # warm the session and the site's caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(list_url).status_code == 200
    for _number in range(6):
        mentor_factory(status=MentorStatus.APPLIED, check=False, certified=False)
    with CaptureQueriesContext(connection) as many:
        response = client.get(list_url)
    assert len(response.context["page"].object_list) == 7
    assert len(many) == len(one)
    response = client.get(list_url, {"status": "applied"})
    assert response.context["page"].paginator.count == 6
    response = client.get(list_url, {"pool": "home_visits"})
    assert [mentor.volunteer.email for mentor in response.context["page"].object_list] == ["aigul@example.kz"]
    response = client.get(list_url, {"q": "AIGUL"})
    assert response.context["page"].paginator.count == 1
    assert client.get(list_url, {"status": "nonsense", "page": "x"}).status_code == 200


# --- Privacy ------------------------------------------------------------------------------------------------


def test_the_export_has_the_application_and_the_checks(applicant, centre_coordinator):
    check_verify(
        mentor=applicant, by=centre_coordinator, issued_on=timezone.localdate() - dt.timedelta(days=1),
        reference="N-1",
    )  # fmt: skip
    section = volunteer_data_export(user=applicant.volunteer)["mentoring"]
    assert section["mentor"]["status"] == "applied" and section["mentor"]["pools"] == ["children"]
    assert section["mentor"]["motivation"].startswith("I grew up")
    [check] = section["mentor"]["background_checks"]
    assert check["reference"] == "N-1" and check["expires_on"]


def test_erasing_the_account_withdraws_the_mentor_and_drops_the_free_text(applicant, centre_coordinator):
    mentor_decide(mentor=applicant, by=centre_coordinator, approve=True)
    check_verify(
        mentor=applicant, by=centre_coordinator, issued_on=timezone.localdate() - dt.timedelta(days=1),
        reference="N-1",
    )  # fmt: skip
    volunteer_erase(user=applicant.volunteer, actor=None, reason="consent_withdrawn")
    mentor = Mentor.objects.get()
    assert mentor.status == MentorStatus.WITHDRAWN
    assert (mentor.motivation, mentor.district, mentor.interests, mentor.availability) == ("", "", [], [])
    assert BackgroundCheck.objects.get().reference == ""
