"""The public page of the Volunteer's Path (/<lang>/path/) and the stage icons it shows."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.training.conftest import TITLES, programme_create
from volunteers.models import Stage, StageIcon, StageStanding

pytestmark = pytest.mark.django_db

ICONS = Path(__file__).resolve().parents[2] / "volunteers" / "static" / "volunteers" / "stages"


def url(language="en"):
    with translation.override(language):
        return reverse("stages_path")


def page(client, language="en"):
    response = client.get(url(language))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def stages(seeded):
    return {stage.slug: stage for stage in Stage.objects.all()}


def test_the_url_is_path_under_the_language():
    assert url("kk") == "/kk/path/" and url("ru") == "/ru/path/"


def test_every_active_stage_in_order_with_its_icon_criteria_and_rewards(client, stages):
    html = page(client)
    names = [
        "First step",
        "Active volunteer",
        "Experienced volunteer",
        "Volunteer leader",
        "Master of the path",
    ]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert '<img src="/static/volunteers/stages/seedling.svg" alt="Seedling" width="48" height="48">' in html
    assert "at least 20 verified hours" in html and "3 events attended" in html
    assert "at least 1 verified hour<" in html  # one hour is singular
    assert "6 months since the first activity" in html and "10 hours of mentoring" in html
    assert "2 courses of your choice completed" in html
    assert "A stage certificate; partners" in html  # the rewards


def test_the_default_thresholds_notice_goes_once_every_stage_is_the_programmes(client, stages):
    notice = "These thresholds are the platform's configurable default"
    assert notice in page(client)
    Stage.objects.update(default_thresholds=False)
    assert notice not in page(client)


def test_an_inactive_stage_is_not_shown(client, stages):
    Stage.objects.filter(slug="leader").update(active=False)
    html = page(client)
    assert "Volunteer leader" not in html and "Master of the path" in html


def test_a_required_course_is_named_by_its_title_in_the_visitors_language(client, stages):
    programme = programme_create()
    key = str(programme.course["kk"].translation_key)
    Stage.objects.filter(slug="active").update(required_courses=[key])
    assert f"the course «{TITLES['course']['en']}»" in page(client)
    assert f"«{TITLES['course']['ru']}»" in page(client, "ru")
    Stage.objects.filter(slug="active").update(required_courses=["00000000-0000-0000-0000-000000000000"])
    assert "a course that is no longer in the programme" in page(client)


def test_a_missing_translation_falls_back_and_says_so(client, stages):
    Stage.objects.filter(slug="active").update(
        name={"kk": "Белсенді волонтер"}, description={"kk": "Қазақша сипаттама."}
    )
    html = page(client)
    assert '<span lang="kk">Белсенді волонтер</span>' in html
    assert "Not translated into your language yet" in html


def test_how_many_volunteers_hold_each_stage(client, stages, user_factory):
    people = [user_factory(email=f"v{number}@example.kz") for number in range(3)]
    StageStanding.objects.bulk_create(
        [
            StageStanding(volunteer=people[0], stage=stages["active"]),
            StageStanding(volunteer=people[1], stage=stages["active"]),
            StageStanding(volunteer=people[2], stage=None),
        ]
    )
    html = page(client)
    assert "2 volunteers hold this stage" in html
    assert "0 volunteers hold this stage" in html
    active = html.index("Active volunteer")
    assert html.index("2 volunteers hold this stage") > active


def test_the_page_costs_the_same_queries_however_many_stages(client, stages, user_factory):
    def count():
        cache.clear()  # the holders' count included
        with CaptureQueriesContext(connection) as captured:
            page(client)
        return len(captured)

    few = count()
    Stage.objects.bulk_create(
        [
            Stage(position=10 + number, slug=f"extra-{number}", name={"en": f"Extra {number}"}, min_hours=900)
            for number in range(6)
        ]
    )
    StageStanding.objects.bulk_create(
        [
            StageStanding(volunteer=user_factory(email=f"p{n}@example.kz"), stage=stages["leader"])
            for n in range(4)
        ]
    )
    assert count() == few


def test_a_signed_in_volunteer_sees_their_stage_highlighted_and_what_is_next(client, stages, volunteer):
    StageStanding.objects.create(volunteer=volunteer, stage=stages["first-step"], hours=Decimal(5))
    client.force_login(volunteer)
    html = page(client)
    assert re.search(r'<li id="stage-first-step" class="stage stage-mine" aria-current="step">', html)
    assert 'id="stage-active" class="stage"' in html
    assert "Your stage:" in html and "Next stage:" in html
    assert "Verified hours:" in html and "<progress" in html
    # The book's page is another part of the issue: linked when it is mounted, left out when it is not.
    try:
        book = reverse("volunteer_book")
    except Exception:  # noqa: BLE001
        book = None
    assert (f'href="{book}"' in html) if book else ("Your volunteer book" not in html)


def test_an_anonymous_visitor_is_invited_to_sign_in(client, stages):
    html = page(client)
    assert "Sign in to see where you are on the path." in html and "stage-mine" not in html


@pytest.mark.parametrize("icon", StageIcon.values)
def test_every_icon_is_a_clean_square_svg(icon):
    path = ICONS / f"{icon}.svg"
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # noqa: S314  (our own files)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 48 48"
    assert "<script" not in text.lower() and "javascript:" not in text.lower()
    assert not re.search(r"\son\w+=", text)  # no event handlers
    assert "href" not in text  # nothing fetched from elsewhere
