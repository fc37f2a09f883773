"""The demo's Volunteer zholy (cms/demo_path.py), made after the demo's training programme: the introduction
course required at the "Active volunteer" stage, two partners' incentives, this year's round; a second run
makes nothing, and what an editor changed stays."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from cms.demo_path import path_demo_ensure
from cms.demo_training import training_demo_ensure
from tests.conftest import rolled_back
from training.models import CoursePage
from volunteers.models import AwardRound, Incentive, Organisation, OrganisationKind, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(module_seeded, db):
    """Overrides the conftest's `seeded`: the site is seeded once for the module (see `module_db`)."""
    return type(module_seeded).objects.get(pk=module_seeded.pk)


@pytest.fixture(scope="class")
def _programme_made(module_db, module_seeded):
    """The training demo, made once for the tests of a class in a savepoint rolled back after them: the
    module's last test runs without it."""
    with rolled_back(module_db):
        with module_db.unblock():
            training_demo_ensure()
        yield


@pytest.fixture
def programme(_programme_made, seeded):
    return CoursePage.objects.get(slug="introduction", locale__language_code="kk")


def _state():
    return (
        list(Stage.objects.order_by("pk").values()),
        list(Incentive.objects.order_by("pk").values()),
        list(Organisation.objects.order_by("pk").values_list("pk", "slug")),
        list(AwardRound.objects.order_by("pk").values()),
    )


class TestOnTheTrainingDemo:
    """The two tests that start from the demo's training programme, made once for both."""

    @time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC), tick=False)
    def test_the_demo_path_and_a_second_run_that_changes_nothing(self, programme):
        made = path_demo_ensure()
        assert made == {"stages": 1, "organisations": 2, "incentives": 2, "rounds": 1}
        active = Stage.objects.get(slug="active")
        assert active.required_courses == [str(programme.translation_key)]
        assert active.default_thresholds  # still the platform's default, now with the course

        credit = Incentive.objects.get(organisation__kind=OrganisationKind.UNIVERSITY)
        assert credit.title["en"] == "Social student credit: 20 verified hours → 2 academic credits"
        assert credit.hours_required == 20 and not credit.title.missing() and not credit.reward.missing()
        museum = Incentive.objects.get(stage_required=active)
        assert museum.hours_required == 0 and museum.organisation.slug == "demo-science-museum"

        award = AwardRound.objects.get()
        assert award.year == 2026
        opens, closes = timezone.localtime(award.voting_opens_at), timezone.localtime(award.voting_closes_at)
        assert (opens.date(), opens.hour, opens.minute) == (dt.date(2026, 12, 1), 0, 0)
        assert closes.date() == dt.date(2026, 12, 20)

        before = _state()
        assert path_demo_ensure() == {"stages": 0, "organisations": 0, "incentives": 0, "rounds": 0}
        assert _state() == before

    def test_an_existing_university_is_the_partner_and_an_editors_stage_is_left_alone(
        self, programme, almaty
    ):
        university = Organisation.objects.create(
            slug="kaznu", kind=OrganisationKind.UNIVERSITY, region=almaty, name={"en": "A university"}
        )
        Stage.objects.filter(slug="active").update(default_thresholds=False)
        AwardRound.objects.create(
            year=timezone.localdate().year,
            voting_opens_at=timezone.now(),
            voting_closes_at=timezone.now() + dt.timedelta(days=3),
        )
        made = path_demo_ensure()
        assert made == {"stages": 0, "organisations": 1, "incentives": 2, "rounds": 0}
        assert Incentive.objects.filter(organisation=university).count() == 1
        assert not Organisation.objects.filter(slug="demo-university").exists()
        assert Stage.objects.get(slug="active").required_courses == []


def test_without_the_training_demo_the_stage_is_not_touched(seeded):
    path_demo_ensure()
    assert Stage.objects.get(slug="active").required_courses == []
    assert Incentive.objects.count() == 2
