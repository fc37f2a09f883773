import datetime as dt

import pytest

from volunteers.clubs.models import Craft, Enrolment
from volunteers.clubs.schedule import in_series, series_dates, sessions_sync

pytestmark = pytest.mark.django_db


def test_default_crafts_in_three_languages(seeded):
    crafts = list(Craft.objects.all())
    assert len(crafts) >= 14
    assert all(craft.name.get("kk") and craft.name.get("ru") and craft.name.get("en") for craft in crafts)


def test_series_dates_are_the_weekdays_of_the_period():
    days = series_dates(dt.date(2026, 12, 1), dt.date(2026, 12, 14), [1, 3])  # Tuesdays and Thursdays
    assert days == [dt.date(2026, 12, d) for d in (1, 3, 8, 10)]


def test_club_sessions_follow_the_schedule(club):
    assert club.sessions.count() == 8
    assert all(
        session.date.weekday() == 5 and in_series(club, session.date) for session in club.sessions.all()
    )
    club.weekdays = [5, 6]
    assert sessions_sync(club) == (8, 0)
    club.ends_on = club.starts_on + dt.timedelta(days=6)
    assert sessions_sync(club) == (0, 14)
    assert club.sessions.count() == 2
    assert not in_series(club, club.starts_on + dt.timedelta(days=1 + 7))


def test_child_key_folds_the_name():
    born = dt.date(2015, 3, 1)
    assert Enrolment.key_of("  Айдос   Серікұлы ", born) == Enrolment.key_of("айдос серікұлы", born)
