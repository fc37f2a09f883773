"""Enrolling children in the clubs, through the service: the age rule on the day the child would start, the
waitlist (FIFO), duplicates, consent, the guardian's phone, clubs that take nobody, withdrawal and removal
(which free the place, promote and erase at once), the e-mails in the guardian's language, and the erasure
of ended clubs. The last test runs two guardians at once for the last place on PostgreSQL."""

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, connection
from django.utils import timezone

from tests.clubs.conftest import born_aged
from volunteers.clubs.consent import CONSENT_VERSION, consent_text
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Club, ClubStatus, Enrolment, EnrolmentStatus
from volunteers.clubs.services import enrolments as service
from volunteers.clubs.services.enrolments import (
    enrolment_create,
    enrolment_remove,
    enrolment_withdraw,
    enrolments_erase_ended,
    waitlist_position,
    waitlist_promote,
)
from volunteers.models import AuditEntry, ConsentMethod

pytestmark = pytest.mark.django_db

PHONE = "+7 701 234 56 78"


def enrol(club, *, name="Айдос Серікұлы", age=9, born=None, phone=PHONE, **extra):
    data = {
        "club": club,
        "child_name": name,
        "child_birth_date": born or born_aged(age, on=max(timezone.localdate(), club.starts_on)),
        "guardian_name": "Гүлнар Серікова",
        "guardian_phone": phone,
        "guardian_email": "parent@example.kz",
        "language": "ru",
        "consent": True,
        "consent_language": "ru",
        **extra,
    }
    return enrolment_create(**data)


def refused(code, club, **extra) -> ClubsError:
    with pytest.raises(ClubsError) as caught:
        enrol(club, **extra)
    assert caught.value.code == code, caught.value.code
    return caught.value


def counters(club) -> tuple[int, int]:
    club.refresh_from_db()
    return club.enrolled_count, club.waitlist_count


# --- Enrolling ----------------------------------------------------------------------------------------------


def test_a_free_place_enrols_the_child_and_records_the_consent(club, volunteer):
    before = timezone.now()
    enrolment = enrol(club, phone="8 (701) 234-56-78", guardian=volunteer)

    assert enrolment.status == EnrolmentStatus.ENROLLED and enrolment.enrolled_at >= before
    assert enrolment.guardian_phone == "+77012345678"  # normalised as the profile does
    assert enrolment.guardian == volunteer and enrolment.recorded_by is None
    assert (enrolment.consent_version, enrolment.consent_language, enrolment.consent_method) == (
        CONSENT_VERSION, "ru", ConsentMethod.ONLINE,
    )  # fmt: skip
    assert enrolment.consent_at >= before
    assert enrolment.child_key == Enrolment.key_of("айдос серікұлы", enrolment.child_birth_date)
    assert counters(club) == (1, 0)
    entry = AuditEntry.objects.get(action="clubs.enrolment.enrolled")
    assert entry.actor == volunteer and entry.data["enrolment"] == enrolment.pk
    assert "Айдос" not in str(entry.data)  # no child's name in the audit log: it outlives the erasure


def test_consent_given_in_person_is_recorded_by_the_coordinator(club, coordinator, other_organisation,
                                                                 coordinator_factory):  # fmt: skip
    enrolment = enrol(club, method=ConsentMethod.IN_PERSON, recorded_by=coordinator, consent_language="kk")
    assert (enrolment.consent_method, enrolment.recorded_by, enrolment.consent_language) == (
        ConsentMethod.IN_PERSON, coordinator, "kk",
    )  # fmt: skip
    outsider = coordinator_factory(other_organisation)
    refused("enrol_unknown", club, name="Other", method=ConsentMethod.IN_PERSON, recorded_by=outsider)
    refused("enrol_unknown", club, name="Other", method=ConsentMethod.IN_PERSON)


def test_the_consent_text_names_the_clubs_organisation_in_the_language_shown(club):
    russian = dict(consent_text(club=club, language="ru").sections)
    english = consent_text(club=club, language="en")
    assert english.version == CONSENT_VERSION and english.language == "en"
    assert any("Steppe Care" in text for _label, text in english.sections)
    assert any("Woodwork club" in text for _label, text in english.sections)
    # Organisation names fall back like every translated text: "Steppe Care" has no Russian name.
    assert any("Дала" in text or "Steppe Care" in text for text in russian.values())
    assert len(russian) == 7  # operator, purpose, data, period, third parties, cross-border, publication


def test_without_consent_nothing_is_saved(club):
    error = refused("enrol_consent", club, consent=False)
    assert error.field == "consent"
    assert not Enrolment.objects.exists() and counters(club) == (0, 0)


def test_a_full_club_puts_the_child_on_the_waitlist_in_turn(club_factory):
    club = club_factory(capacity=1)
    first = enrol(club, name="First")
    second = enrol(club, name="Second", phone="+77012345679")
    third = enrol(club, name="Third", phone="+77012345670")
    assert first.status == EnrolmentStatus.ENROLLED
    assert (second.status, third.status) == (EnrolmentStatus.WAITLISTED, EnrolmentStatus.WAITLISTED)
    assert second.enrolled_at is None
    assert (waitlist_position(second), waitlist_position(third), waitlist_position(first)) == (1, 2, None)
    assert counters(club) == (1, 2)


@pytest.mark.parametrize(
    ("years", "days", "allowed"),
    [
        (7, 0, True),  # turns 7 on the first day
        (7, 1, False),  # turns 7 the day after
        (15, 1, True),  # 14 on the first day, 15 the day after
        (15, 0, False),  # turns 15 on the first day
    ],
)
def test_the_age_is_that_on_the_first_day(club, years, days, allowed):
    """The club (7-14) starts on a Saturday to come: a child of 6 who turns 7 on that day may enrol."""
    start = club.starts_on
    born = start.replace(year=start.year - years) + dt.timedelta(days=days)
    if allowed:
        assert enrol(club, born=born).status == EnrolmentStatus.ENROLLED
    else:
        error = refused("enrol_age", club, born=born)
        assert error.field == "child_birth_date"
        assert error.params == {"min": 7, "max": 14, "age": 6 if years == 7 else 15}


def test_once_the_club_has_begun_the_age_is_todays(club_factory):
    today = timezone.localdate()
    club = club_factory(starts_on=today - dt.timedelta(days=14), weeks=8)
    turns_15_tomorrow = today.replace(year=today.year - 15) + dt.timedelta(days=1)
    assert enrol(club, born=turns_15_tomorrow).status == EnrolmentStatus.ENROLLED
    refused("enrol_age", club, name="Older", born=today.replace(year=today.year - 15))


@pytest.mark.parametrize(
    ("born", "code"),
    [
        (timezone.localdate() + dt.timedelta(days=1), "enrol_birth_future"),
        (dt.date(1015, 3, 1), "enrol_birth_date"),
        (dt.date(1960, 3, 1), "enrol_birth_date"),
    ],
)
def test_a_date_of_birth_that_cannot_be_a_childs_is_a_field_error(club, born, code):
    error = refused(code, club, born=born)
    assert error.field == "child_birth_date"


def test_the_same_child_twice_is_refused_whatever_the_spacing_and_case(club):
    first = enrol(club, name="Айдос Серікұлы")
    error = refused("enrol_duplicate", club, name="  айдос   СЕРІКҰЛЫ ", born=first.child_birth_date)
    assert error.field == "child_name"
    # Another child of the family (another name, or a twin with the same name but another date) is welcome.
    assert enrol(club, name="Әсел Серікқызы", born=first.child_birth_date).status == "enrolled"
    # Withdrawn, the child can be enrolled again.
    enrolment_withdraw(enrolment=first)
    assert enrol(club, name="Айдос Серікұлы", born=first.child_birth_date).status == "enrolled"


def test_the_partial_unique_constraint_is_the_backstop(club, monkeypatch):
    first = enrol(club, name="Айдос")
    # A path that skipped the check: the database still refuses, and the refusal is the same.
    monkeypatch.setattr(service, "ACTIVE_ENROLMENT", ())
    refused("enrol_duplicate", club, name="Айдос", born=first.child_birth_date)
    assert counters(club) == (1, 0)


def test_the_same_child_in_two_clubs_is_fine(club, club_factory, other_craft):
    other = club_factory(craft=other_craft, title={"en": "Sewing"})
    assert enrol(club).status == enrol(other).status == EnrolmentStatus.ENROLLED


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"phone": "12345"}, "enrol_phone", "guardian_phone"),
        ({"phone": "+1 202 555 0100"}, "enrol_phone", "guardian_phone"),
        ({"phone": ""}, "enrol_phone", "guardian_phone"),
        ({"name": "  "}, "enrol_child_name", "child_name"),
        ({"name": "x" * 81}, "enrol_child_name", "child_name"),
        ({"guardian_name": ""}, "enrol_guardian_name", "guardian_name"),
        ({"guardian_email": "not-an-address"}, "enrol_email", "guardian_email"),
        ({"relationship": "uncle"}, "enrol_choices", "relationship"),
        ({"language": "de"}, "enrol_choices", "language"),
    ],
)
def test_bad_input_is_refused_next_to_its_field(club, changes, code, field):
    error = refused(code, club, **changes)
    assert error.field == field
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("status", "code"),
    [(ClubStatus.CLOSED, "enrol_closed"), (ClubStatus.DRAFT, "enrol_closed"),
     (ClubStatus.CANCELLED, "enrol_cancelled")],
)  # fmt: skip
def test_a_club_not_open_takes_nobody(club_factory, status, code):
    error = refused(code, club_factory(status=status))
    assert error.field is None
    assert not Enrolment.objects.exists()


def test_a_club_that_has_ended_takes_nobody(club_factory):
    club = club_factory(starts_on=timezone.localdate() - dt.timedelta(weeks=9), weeks=8)
    refused("enrol_ended", club)


def test_one_phone_has_a_limited_number_of_children_in_one_club(club, settings):
    settings.CLUBS_CHILDREN_PER_PHONE = 2
    enrol(club, name="One")
    enrol(club, name="Two")
    error = refused("enrol_phone_limit", club, name="Three")
    assert error.field == "guardian_phone" and error.params == {"count": 2}
    assert enrol(club, name="Three", phone="+77012345679").status == EnrolmentStatus.ENROLLED


# --- Leaving: withdrawal and removal ------------------------------------------------------------------------


def test_a_withdrawal_frees_the_place_for_the_first_on_the_waitlist_and_erases_at_once(club_factory):
    club = club_factory(capacity=2)
    enrolled = [enrol(club, name=f"Enrolled {n}", phone=f"+7701234567{n}") for n in range(2)]
    waiting = [enrol(club, name=f"Waiting {n}", phone=f"+7702234567{n}") for n in range(3)]
    assert counters(club) == (2, 3)

    withdrawn = enrolment_withdraw(enrolment=enrolled[0])

    assert withdrawn.status == EnrolmentStatus.WITHDRAWN and withdrawn.ended_at is not None
    withdrawn.refresh_from_db()
    # The exact blanking: the names, the contacts and the account link go; the date of birth, the club, the
    # dates and the consent's record stay for the figures.
    assert (withdrawn.child_name, withdrawn.guardian_name, withdrawn.guardian_phone, withdrawn.guardian_email,
            withdrawn.guardian_id) == ("", "", "", "", None)  # fmt: skip
    assert withdrawn.child_key == f"#{withdrawn.pk}"
    assert withdrawn.child_birth_date == enrolled[0].child_birth_date and withdrawn.consent_version == 1
    statuses = [Enrolment.objects.get(pk=item.pk).status for item in waiting]
    assert statuses == [EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.WAITLISTED]
    assert Enrolment.objects.get(pk=waiting[0].pk).enrolled_at is not None
    assert [waitlist_position(Enrolment.objects.get(pk=item.pk)) for item in waiting[1:]] == [1, 2]
    assert counters(club) == (2, 2)
    entry = AuditEntry.objects.get(action="clubs.enrolment.withdrawn")
    assert entry.data["promoted"] == [waiting[0].pk] and entry.data["was"] == "enrolled"

    # Repeating it changes nothing; leaving the waitlist promotes nobody.
    assert enrolment_withdraw(enrolment=enrolled[0]).status == EnrolmentStatus.WITHDRAWN
    enrolment_withdraw(enrolment=waiting[2])
    assert counters(club) == (2, 1)


def test_removal_by_the_club_needs_a_reason_and_tells_the_guardian(
    club_factory, coordinator, django_capture_on_commit_callbacks
):
    club = club_factory(capacity=1)
    child = enrol(club, name="Айдос", language="ru")
    waiting = enrol(club, name="Әсел", phone="+77012345679", guardian_email="", language="kk")
    with pytest.raises(ClubsError) as caught:
        enrolment_remove(enrolment=child, by=coordinator, reason="   ")
    assert (caught.value.code, caught.value.field) == ("enrol_reason", "reason")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        removed = enrolment_remove(enrolment=child, by=coordinator, reason="Пропустил пять занятий подряд")

    assert removed.status == EnrolmentStatus.REMOVED and removed.end_reason.startswith("Пропустил")
    assert Enrolment.objects.get(pk=child.pk).child_name == ""
    assert Enrolment.objects.get(pk=waiting.pk).status == EnrolmentStatus.ENROLLED
    assert counters(club) == (1, 0)
    [message] = mail.outbox  # the promoted guardian gave no e-mail
    assert message.to == ["parent@example.kz"]
    assert "Айдос" in message.body and "Пропустил пять занятий подряд" in message.body
    assert "/ru/clubs/" not in message.body  # the link of an erased enrolment is not sent


def test_another_organisations_coordinator_cannot_remove(club, other_organisation, coordinator_factory):
    child = enrol(club)
    with pytest.raises(ClubsError) as caught:
        enrolment_remove(enrolment=child, by=coordinator_factory(other_organisation), reason="No")
    assert caught.value.code == "enrol_unknown"
    assert Enrolment.objects.get(pk=child.pk).status == EnrolmentStatus.ENROLLED


def test_nobody_is_promoted_into_a_cancelled_club(club_factory):
    club = club_factory(capacity=1)
    first = enrol(club, name="First")
    enrol(club, name="Second", phone="+77012345679")
    Club.objects.filter(pk=club.pk).update(status=ClubStatus.CANCELLED)
    enrolment_withdraw(enrolment=first)
    assert counters(club) == (0, 1)


def test_a_capacity_raised_is_filled_from_the_waitlist(club_factory):
    club = club_factory(capacity=1)
    enrol(club, name="First")
    waiting = [enrol(club, name=f"Waiting {n}", phone=f"+7702234567{n}") for n in range(3)]
    club = Club.objects.select_for_update().get(pk=club.pk)
    club.capacity = 3  # not saved yet: waitlist_promote saves the capacity with the counters
    promoted = waitlist_promote(club)
    assert [item.pk for item in promoted] == [waiting[0].pk, waiting[1].pk]
    assert counters(club) == (3, 1) and club.capacity == 3


def test_a_place_left_free_goes_to_the_waitlist_before_a_newcomer(club_factory):
    club = club_factory(capacity=1)
    enrol(club, name="First")
    waiting = enrol(club, name="Waiting", phone="+77012345679")
    Club.objects.filter(pk=club.pk).update(capacity=2)  # raised by a path that did not promote
    newcomer = enrol(club, name="Newcomer", phone="+77012345670")
    assert Enrolment.objects.get(pk=waiting.pk).status == EnrolmentStatus.ENROLLED
    assert newcomer.status == EnrolmentStatus.WAITLISTED
    assert counters(club) == (2, 1)


# --- Telling the guardian, and erasing when the club ends ---------------------------------------------------


def test_the_guardian_is_told_in_their_language(club_factory, django_capture_on_commit_callbacks):
    club = club_factory(capacity=1, title={"ru": "Кружок резьбы", "en": "Woodwork club"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = enrol(club, name="Айдос", language="ru")
        second = enrol(club, name="Dana", phone="+77012345679", guardian_email="dana@example.kz",
                       language="en")  # fmt: skip
        enrol(club, name="Нет почты", phone="+77012345670", guardian_email="")
    enrolled, waitlisted = mail.outbox
    assert enrolled.to == ["parent@example.kz"] and "Кружок резьбы" in enrolled.subject
    assert f"/ru/clubs/enrolment/{first.token}/" in enrolled.body
    assert waitlisted.to == ["dana@example.kz"] and "waitlist" in waitlisted.subject
    assert "number 1" in waitlisted.body and f"/en/clubs/enrolment/{second.token}/" in waitlisted.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_withdraw(enrolment=first)
    [promoted] = mail.outbox
    assert promoted.to == ["dana@example.kz"] and "place opened up" in promoted.subject


def test_the_enrolments_of_an_ended_or_cancelled_club_are_erased_once(club_factory, club):
    today = timezone.localdate()
    ended = club_factory(starts_on=today - dt.timedelta(weeks=9), weeks=8, title={"en": "Ended"})
    cancelled = club_factory(title={"en": "Cancelled"})
    running = enrol(club, name="Running")
    in_cancelled = enrol(cancelled, name="Child")
    # The ended club took its children while it ran.
    old = Enrolment.objects.create(
        club=ended, child_name="Old", child_birth_date=born_aged(9), child_key="old|2017-01-01",
        guardian_name="Parent", guardian_phone="+77012345678", status=EnrolmentStatus.ENROLLED,
        consent_version=1, consent_language="kk", consent_method="online", consent_at=timezone.now(),
    )  # fmt: skip
    Club.objects.filter(pk=cancelled.pk).update(status=ClubStatus.CANCELLED)

    assert enrolments_erase_ended() == 2
    assert enrolments_erase_ended() == 0
    for enrolment in (old, in_cancelled):
        enrolment.refresh_from_db()
        assert (enrolment.child_name, enrolment.guardian_phone) == ("", "")
        assert enrolment.status == EnrolmentStatus.ENROLLED  # still counted as enrolled in the figures
    assert Enrolment.objects.get(pk=running.pk).child_name == "Running"


# --- Two guardians at once (PostgreSQL row locks) -----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)")
def test_two_guardians_for_the_last_place_one_is_enrolled_one_waitlisted(club_factory):
    from tests.events.test_concurrency import _together

    club = club_factory(capacity=1)
    people = [("Айдос", "+77012345671"), ("Әсел", "+77012345672")]
    errors = _together(lambda person: enrol(club, name=person[0], phone=person[1]), people)
    assert errors == []
    statuses = sorted(Enrolment.objects.filter(club=club).values_list("status", flat=True))
    assert statuses == [EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED]
    assert counters(club) == (1, 1)


def test_the_database_refuses_a_second_active_row_for_one_child(club):
    first = enrol(club)
    with pytest.raises(IntegrityError):
        Enrolment.objects.create(
            club=club, child_name="x", child_birth_date=first.child_birth_date, child_key=first.child_key,
            guardian_name="x", guardian_phone="+77012345679", status=EnrolmentStatus.WAITLISTED,
            consent_version=1, consent_language="kk", consent_method="online", consent_at=timezone.now(),
        )  # fmt: skip
