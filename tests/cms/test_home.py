import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import HomePage, NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage
from events.services.events import EventData, ShiftData, event_create, event_publish
from volunteers.models import Direction, Organisation, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(seeded):
    return HomePage.objects.get(locale__language_code="kk")


def _add(home, count):
    projects = ProjectIndexPage.objects.child_of(home).first() or home.add_child(
        instance=ProjectIndexPage(title="Біргеміз", slug="birgemiz")
    )
    news = NewsIndexPage.objects.child_of(home).first() or home.add_child(
        instance=NewsIndexPage(title="Жаңалықтар", slug="news")
    )
    directions = list(Direction.objects.filter(is_birgemiz=True))
    organisation = Organisation.objects.get(slug="front-office-kz-75")
    region = Region.objects.get(iso_code="KZ-75")
    for number in range(count):
        stamp = f"{timezone.now().timestamp()}-{number}".replace(".", "")
        projects.add_child(
            instance=ProjectPage(
                title=f"Жоба {stamp}", slug=f"project-{stamp}", goal="Мақсат",
                direction=directions[number % len(directions)], volunteers_do="<p>Не істейміз</p>",
            )
        )  # fmt: skip
        news.add_child(
            instance=NewsPage(title=f"Жаңалық {stamp}", slug=f"news-{stamp}", summary="Қысқаша", body=[])
        )
        start = timezone.now() + dt.timedelta(days=3 + number)
        [event] = event_create(
            organisation=organisation,
            data=EventData(
                title={"kk": f"Іс-шара {stamp}"}, direction=directions[0], starts_at=start,
                ends_at=start + dt.timedelta(hours=2), region=region, address="Абай даңғылы, 1",
            ),
            shifts=[ShiftData(starts_at=start, ends_at=start + dt.timedelta(hours=2), capacity=5)],
            actor=None,
        )  # fmt: skip
        event_publish(event=event, actor=None)


def _queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_the_home_page_renders_in_a_fixed_number_of_queries(client, home):
    _add(home, 1)
    few, _response = _queries(client, "/kk/")
    _add(home, 5)
    many, response = _queries(client, "/kk/")
    assert many == few
    assert len(response.context["events"]) == 3 and len(response.context["news"]) == 3


def test_the_home_page_shows_live_figures(client, home):
    _add(home, 2)
    _count, response = _queries(client, "/ru/")
    assert response.context["figures"]["events"] == 2
    assert "<dd>2</dd>" in response.text
