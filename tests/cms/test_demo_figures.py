"""The figures' demo (cms/demo_figures.py): 60 volunteers nobody signs in as, 25 past events of the front
offices with their sign-ups and the hours in the volunteers' books as the check-in credits them, claims of
hours, certificates, stages, and the rollups that hold it all; a second run makes nothing."""

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone

from cms.demo_figures import DAYS_OF_ACTION, EMAIL, REGIONS, figures_demo_ensure
from events.models import Event, EventStatus, Shift, Signup, SignupStatus
from tests.training.conftest import programme_create
from training.models import Certificate, CoursePage
from volunteers.models import (
    EntryKind,
    EntryStatus,
    GuardianConsent,
    LedgerEntry,
    Membership,
    PersonalDataConsent,
    Region,
    StageChange,
    StageStanding,
    User,
    VolunteerProfile,
)
from volunteers.models.profile import age_on
from volunteers.reporting import selectors
from volunteers.services.reference import DEMO_DOMAIN, demo_accounts_ensure
from volunteers.services.stages import HOUR_KINDS, event_subject

pytestmark = pytest.mark.django_db

DEMO = Q(email__startswith="figures-", email__endswith=f"@{DEMO_DOMAIN}")


def _rows() -> dict:
    return {
        "users": User.objects.count(),
        "events": Event.objects.count(),
        "signups": Signup.objects.count(),
        "entries": LedgerEntry.objects.count(),
        "certificates": Certificate.objects.count(),
        "stage_changes": StageChange.objects.count(),
    }


@pytest.fixture(scope="module")
def _made(module_db, module_seeded):
    """The demo is made once for the module (see `module_db`), on the demo accounts and a training programme
    whose course is the demo's introduction course; then run again."""
    with module_db.unblock():
        demo_accounts_ensure()
        course = programme_create().course["kk"]
        CoursePage.objects.filter(pk=course.pk).update(slug="introduction")
        made = figures_demo_ensure()
        after = _rows()
        again = figures_demo_ensure()
        return {"made": made, "again": again, "after": after, "after_again": _rows()}


@pytest.fixture
def demo(_made, db):
    return _made


@pytest.fixture
def people(demo):
    return list(User.objects.filter(DEMO).select_related("profile__region").order_by("email"))


def _demo_events():
    return Event.objects.filter(shifts__signups__volunteer__email__startswith="figures-").distinct()


def test_what_it_made_and_a_second_run_that_makes_nothing(demo, people):
    made = demo["made"]
    assert made["volunteers"] == 60 == len(people)
    assert made["regions"] == len(REGIONS) == 19
    assert made["events"] == 25 == Event.objects.count()
    assert made["claims"] == 5
    confirmed = Signup.objects.filter(status=SignupStatus.CONFIRMED)
    assert made["signups"] == confirmed.count() > 60
    shift_entries = LedgerEntry.objects.filter(kind=EntryKind.SHIFT_HOURS, status=EntryStatus.VERIFIED)
    assert made["entries"] == shift_entries.count() == confirmed.filter(attended=True).count()
    assert made["certificates"] == Certificate.objects.count() > 0
    assert made["stages"] == StageStanding.objects.filter(stage__isnull=False).count() > 0

    assert demo["again"] == dict.fromkeys(made, 0)
    assert demo["after_again"] == demo["after"]


def test_nobody_signs_in_as_a_demo_volunteer(demo, people, client):
    assert [user.email for user in people] == [EMAIL.format(number=number) for number in range(1, 61)]
    assert not any(user.has_usable_password() for user in people)
    for password in ("", "!", "correct-horse-battery"):
        assert not client.login(email=people[0].email, password=password)


def test_the_volunteers_registered_consented_and_joined_their_front_office(demo, people):
    today = timezone.localdate()
    by_region = Counter(user.profile.region.iso_code for user in people)
    assert by_region == {code: count for code, (count, _city) in REGIONS.items()}
    ages = [user.profile.age() for user in people]
    assert min(ages) >= 15 and max(ages) <= 75 and sum(age < 18 for age in ages) == 5
    assert sum(user.profile.is_silver for user in people) == 12
    assert {user.profile.is_retired for user in people if user.profile.age() >= 60} == {True}
    assert Counter(user.profile.gender for user in people)[""] == 2
    assert {user.profile.directions.count() for user in people} <= {1, 2}
    ids = [user.pk for user in people]
    assert PersonalDataConsent.objects.filter(user_id__in=ids).values("user").distinct().count() == 60
    for user in people:
        profile = user.profile
        registered = timezone.localtime(profile.created_at).date()
        assert today - dt.timedelta(days=421) <= registered < today
        assert timezone.localtime(user.date_joined).date() == registered
        office = Membership.objects.get(user=user).organisation
        assert office.slug == f"front-office-{profile.region.iso_code.lower()}"
        if age_on(profile.date_of_birth, registered) < settings.VOLUNTEERS_GUARDIAN_CONSENT_UNDER:
            assert profile.guardian_confirmed()
    assert GuardianConsent.objects.filter(profile__user__in=ids, confirmed_at__isnull=False).exists()


def test_past_events_of_the_front_offices_some_on_days_of_action_one_cancelled(demo):
    now = timezone.now()
    events = list(Event.objects.select_related("organisation", "day_of_action").prefetch_related("shifts"))
    assert len(events) == 25 and all(event.ends_at < now for event in events)
    assert all(event.starts_at > now - dt.timedelta(days=367) for event in events)
    assert {event.organisation.kind for event in events} == {"regional_fo"}
    assert len({event.region_id for event in events}) == 12
    assert len({event.direction_id for event in events}) >= 8
    assert all(set(event.title) == {"kk", "ru", "en"} for event in events)
    on_days = [event for event in events if event.day_of_action is not None]
    assert sorted(event.day_of_action.slug for event in on_days) == sorted(DAYS_OF_ACTION)
    assert all(timezone.localtime(event.starts_at).month == event.day_of_action.month for event in on_days)
    for event in events:
        [shift] = event.shifts.all()
        assert 10 <= shift.capacity <= 30
    # Each shift's counter is its confirmed sign-ups (one query for all the shifts).
    shifts = Shift.objects.annotate(
        confirmed=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED))
    ).values_list("confirmed_count", "confirmed")
    assert all(counter == confirmed for counter, confirmed in shifts)

    [cancelled] = [event for event in events if event.status == EventStatus.CANCELLED]
    assert [event.status for event in events].count(EventStatus.PUBLISHED) == 24
    signups = Signup.objects.filter(shift__event=cancelled)
    assert signups.exists() and not signups.exclude(status=SignupStatus.CANCELLED).exists()
    assert not LedgerEntry.objects.filter(subject=event_subject(cancelled.pk)).exists()
    # Each sign-up came after its volunteer registered and before the event.
    for signup in Signup.objects.select_related("shift", "volunteer__profile"):
        assert signup.volunteer.profile.created_at < signup.queued_at < signup.shift.starts_at
    # Minors stay away from the events for adults only.
    for signup in Signup.objects.filter(shift__event__adults_only=True).select_related("volunteer__profile"):
        day = timezone.localtime(signup.shift.starts_at).date()
        assert age_on(signup.volunteer.profile.date_of_birth, day) >= 18


def test_hours_credited_as_the_check_in_does(demo):
    signups = Signup.objects.filter(status=SignupStatus.CONFIRMED).select_related("shift__event")
    entries = {entry.source: entry for entry in LedgerEntry.objects.filter(kind=EntryKind.SHIFT_HOURS)}
    assert len(entries) == LedgerEntry.objects.filter(kind=EntryKind.SHIFT_HOURS).count()
    assert any(not signup.attended for signup in signups)
    for signup in signups:
        entry = entries.get(f"events.signup:{signup.pk}")
        if not signup.attended:
            assert entry is None and signup.hours == 0
            continue
        event = signup.shift.event
        assert entry.hours == signup.hours > 0 and entry.status == EntryStatus.VERIFIED
        assert entry.volunteer_id == signup.volunteer_id and entry.subject == event_subject(event.pk)
        assert entry.occurred_on == timezone.localtime(signup.shift.starts_at).date()
        assert (entry.organisation_id, entry.region_id, entry.direction_id) == (
            event.organisation_id, event.region_id, event.direction_id,
        )  # fmt: skip
        assert entry.title == event.title
        assert signup.hours in (signup.shift.hours, signup.shift.hours - 1)
    almaty = LedgerEntry.objects.filter(kind=EntryKind.SHIFT_HOURS, region__iso_code="KZ-75")
    coordinator = User.objects.get(email=f"coordinator@{DEMO_DOMAIN}")
    assert set(almaty.values_list("verified_by", flat=True)) == {coordinator.pk}


def test_claims_decided_by_the_demo_coordinator(demo):
    coordinator = User.objects.get(email=f"coordinator@{DEMO_DOMAIN}")
    decisions = LedgerEntry.objects.filter(kind=EntryKind.CLAIMED_HOURS, corrects__isnull=False)
    assert Counter(decisions.values_list("status", flat=True)) == {
        EntryStatus.VERIFIED: 4,
        EntryStatus.REJECTED: 1,
    }
    assert set(decisions.values_list("verified_by", flat=True)) == {coordinator.pk}
    assert set(decisions.values_list("volunteer__profile__region__iso_code", flat=True)) == {"KZ-75"}
    verified = decisions.filter(status=EntryStatus.VERIFIED).aggregate(hours=Sum("hours"))["hours"]
    assert verified == Decimal(3 + 2 + 4 + 5)


def test_the_rollups_hold_the_demo_hours(demo):
    """The figures read from the rollups equal the book's verified hours counted here."""
    book = LedgerEntry.objects.filter(status=EntryStatus.VERIFIED, kind__in=HOUR_KINDS)
    attended = Signup.objects.filter(attended=True).aggregate(hours=Sum("hours"))["hours"]
    claimed = book.filter(kind=EntryKind.CLAIMED_HOURS).aggregate(hours=Sum("hours"))["hours"]
    total = book.aggregate(hours=Sum("hours"))["hours"]
    assert total == attended + claimed == attended + 14
    assert selectors.hours_total() == total
    almaty = Region.objects.get(iso_code="KZ-75")
    assert selectors.hours_total(region=almaty) == book.filter(region=almaty).aggregate(h=Sum("hours"))["h"]
    by_month = dict(selectors.hours_by_month())
    today = timezone.localdate()
    first = min(month for month, hours in by_month.items() if hours)
    assert (today.year - first.year) * 12 + today.month - first.month <= 12
    assert sum(by_month.values()) == total
    # This year's and last year's dashboards hold every hour: the demo's dates are in the last twelve months.
    assert selectors.hours_total(year=today.year) + selectors.hours_total(year=today.year - 1) == total
    assert selectors.courses_completed() == Certificate.objects.count()
    active = selectors.active_volunteers(year=today.year) + selectors.active_volunteers(year=today.year - 1)
    assert active >= book.values("volunteer").distinct().count()


def test_stages_evaluated_without_mail(demo, people, mailoutbox):
    ids = [user.pk for user in people]
    with_hours = set(
        LedgerEntry.objects.filter(
            volunteer_id__in=ids, status=EntryStatus.VERIFIED, hours__gt=0
        ).values_list("volunteer_id", flat=True)
    )
    standings = StageStanding.objects.filter(volunteer_id__in=with_hours, stage__isnull=False)
    assert standings.count() == len(with_hours) >= 30
    assert not StageChange.objects.filter(volunteer_id__in=ids, notified_at__isnull=True).exists()
    assert mailoutbox == []
    assert not VolunteerProfile.objects.filter(user__in=ids, erased_at__isnull=False).exists()
