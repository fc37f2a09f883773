"""What a certificate qualifies for: courses an event requires (the event gate) and the safeguarding
qualification that mentoring asks for. A certificate counts for the course in every language."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation

from config.errors import DomainError
from events.eligibility import person_refusals
from events.models import Signup, SignupStatus
from events.services.signups import signup_create
from tests.training.conftest import programme_create
from tests.training.test_learning import course_complete, moment
from training.models import Certificate, Qualification
from training.qualifications import courses_missing, is_qualified, qualification_expires_on, qualified_users
from training.services.certificates import certificate_revoke


def test_a_certificate_earned_in_one_language_counts_for_every_page(programme, volunteer):
    today = timezone.localdate()
    assert courses_missing(user=volunteer, courses=[programme.course["kk"]], on=today) == [
        programme.course["kk"]
    ]
    course_complete(volunteer, programme, language="ru")
    for language in ("kk", "ru", "en"):
        assert courses_missing(user=volunteer, courses=[programme.course[language]], on=today) == []


def test_an_expired_or_revoked_certificate_does_not_count(seeded, volunteer, coordinator):
    programme = programme_create(validity_months=1)
    course = programme.course["kk"]
    with time_machine.travel(moment("2026-01-31"), tick=False):
        course_complete(volunteer, programme)
    assert courses_missing(user=volunteer, courses=[course], on=dt.date(2026, 2, 28)) == []
    assert courses_missing(user=volunteer, courses=[course], on=dt.date(2026, 3, 1)) == [course]
    certificate_revoke(certificate=Certificate.objects.get(user=volunteer), by=coordinator, reason="Error")
    assert courses_missing(user=volunteer, courses=[course], on=dt.date(2026, 2, 10)) == [course]


def test_an_anonymous_visitor_misses_every_course(seeded, volunteer):
    one, two = programme_create(), programme_create()
    course_complete(volunteer, one)
    courses = [one.course["kk"], two.course["en"]]
    assert courses_missing(user=AnonymousUser(), courses=courses, on=timezone.localdate()) == courses


def test_one_query_however_many_courses(seeded, volunteer, django_assert_num_queries):
    programmes = [programme_create() for _number in range(3)]
    course_complete(volunteer, programmes[1])
    courses = [programmes[0].course["kk"], programmes[1].course["ru"], programmes[2].course["en"]]
    with django_assert_num_queries(1):
        missing = courses_missing(user=volunteer, courses=courses, on=timezone.localdate())
    assert missing == [courses[0], courses[2]]
    with django_assert_num_queries(0):
        assert courses_missing(user=volunteer, courses=[], on=timezone.localdate()) == []


def test_the_safeguarding_qualification(seeded, volunteer_factory, coordinator):
    safeguarding = programme_create(qualification=Qualification.SAFEGUARDING, validity_months=12)
    other = programme_create(qualification=Qualification.EMERGENCY)
    mentor, stranger, revoked = volunteer_factory(), volunteer_factory(), volunteer_factory()
    with time_machine.travel(moment("2026-01-15"), tick=False):
        course_complete(mentor, safeguarding, language="en")
        course_complete(revoked, safeguarding)
    course_complete(stranger, other)
    certificate_revoke(certificate=Certificate.objects.get(user=revoked), by=coordinator, reason="Error")
    day = dt.date(2026, 6, 1)
    assert set(qualified_users(qualification=Qualification.SAFEGUARDING, on=day)) == {mentor.pk}
    assert is_qualified(user=mentor, qualification=Qualification.SAFEGUARDING, on=day)
    assert not is_qualified(user=stranger, qualification=Qualification.SAFEGUARDING, on=day)
    assert not is_qualified(user=revoked, qualification=Qualification.SAFEGUARDING, on=day)
    assert not is_qualified(user=AnonymousUser(), qualification=Qualification.SAFEGUARDING, on=day)
    assert qualification_expires_on(user=mentor, qualification=Qualification.SAFEGUARDING, on=day) == dt.date(
        2027, 1, 15
    )
    assert qualification_expires_on(user=stranger, qualification=Qualification.SAFEGUARDING, on=day) is None
    after = dt.date(2027, 1, 16)
    assert not is_qualified(user=mentor, qualification=Qualification.SAFEGUARDING, on=after)
    assert list(qualified_users(qualification=Qualification.SAFEGUARDING, on=after)) == []
    assert qualification_expires_on(user=mentor, qualification=Qualification.SAFEGUARDING, on=after) is None


def test_the_qualification_lasts_until_the_latest_certificate_ends(seeded, volunteer):
    short = programme_create(qualification=Qualification.SAFEGUARDING, validity_months=6)
    long = programme_create(qualification=Qualification.SAFEGUARDING, validity_months=24)
    with time_machine.travel(moment("2026-01-15"), tick=False):
        course_complete(volunteer, short)
        course_complete(volunteer, long)
    day = dt.date(2026, 3, 1)
    assert qualification_expires_on(
        user=volunteer, qualification=Qualification.SAFEGUARDING, on=day
    ) == dt.date(2028, 1, 15)
    assert list(qualified_users(qualification=Qualification.SAFEGUARDING, on=day)) == [volunteer.pk]


# --- The event gate ---------------------------------------------------------------------------------------


def _codes(refusals) -> list:
    return [refusal.code for refusal in refusals]


def test_an_event_requiring_the_course_refuses_without_a_certificate(
    programme, volunteer, event_factory
):  # fmt: skip
    event = event_factory(required_courses=[programme.course["kk"]])
    refusals = person_refusals(user=volunteer, event=event)
    assert _codes(refusals) == ["course_missing"]
    assert refusals[0].params["course"] == programme.course["kk"].title
    with pytest.raises(DomainError) as raised:
        signup_create(volunteer=volunteer, shift=event.shifts.get())
    assert raised.value.code == "course_missing"
    assert not Signup.objects.exists()


def test_an_event_requiring_the_course_accepts_a_certificate_from_any_language(
    programme, volunteer, event_factory
):  # fmt: skip
    event = event_factory(required_courses=[programme.course["ru"]])
    course_complete(volunteer, programme, language="en")
    assert person_refusals(user=volunteer, event=event) == []
    signup = signup_create(volunteer=volunteer, shift=event.shifts.get())
    assert signup.status == SignupStatus.CONFIRMED


def test_every_required_course_is_needed(seeded, volunteer, event_factory):
    one, two = programme_create(), programme_create()
    event = event_factory(required_courses=[one.course["kk"], two.course["kk"]])
    course_complete(volunteer, one)
    refusals = person_refusals(user=volunteer, event=event)
    assert _codes(refusals) == ["course_missing"]
    course_complete(volunteer, two)
    assert person_refusals(user=volunteer, event=event) == []


def test_the_certificate_must_be_valid_on_the_day_of_the_event(seeded, volunteer, event_factory):
    programme = programme_create(validity_months=1)
    with time_machine.travel(moment("2026-05-01"), tick=False):
        course_complete(volunteer, programme)  # valid until 1 June
    with time_machine.travel(moment("2026-05-25", "10:00:00"), tick=True):
        on_the_last_day = event_factory(required_courses=[programme.course["kk"]], days=7)
        after_it = event_factory(required_courses=[programme.course["kk"]], days=8)
        assert timezone.localtime(after_it.starts_at).date() == dt.date(2026, 6, 2)
        assert person_refusals(user=volunteer, event=on_the_last_day) == []
        assert _codes(person_refusals(user=volunteer, event=after_it)) == ["course_missing"]
        with pytest.raises(DomainError) as raised:
            signup_create(volunteer=volunteer, shift=after_it.shifts.get())
        assert raised.value.code == "course_missing"
        assert signup_create(volunteer=volunteer, shift=on_the_last_day.shifts.get()).status == "confirmed"


def test_the_event_page_links_the_course_in_the_visitors_language(
    client, programme, volunteer, event_factory
):
    event = event_factory(required_courses=[programme.course["kk"]])
    for language in ("ru", "en", "kk"):
        with translation.override(language):  # and restored after the request, which activates it
            url = reverse("events:detail", args=[event.pk])
            page = client.get(url).content.decode()
        assert url.startswith(f"/{language}/")
        course_url = programme.course[language].get_url()
        assert f'href="{course_url}"' in page, language
        assert programme.course[language].title in page
        for other in {"kk", "ru", "en"} - {language}:
            assert f'href="{programme.course[other].get_url()}"' not in page


def test_the_event_page_tells_a_signed_in_volunteer_what_is_missing(
    client, programme, volunteer, event_factory
):
    event = event_factory(required_courses=[programme.course["kk"]])
    client.force_login(volunteer)
    with translation.override("en"):
        url = reverse("events:detail", args=[event.pk])
        page = client.get(url).content.decode()
        assert "Introduction to volunteering" in page
        assert "You meet the requirements of this event." not in page
        course_complete(volunteer, programme, language="ru")
        page = client.get(url).content.decode()
        assert "You meet the requirements of this event." in page
