"""The public club catalogue and a club's page: what is listed, the filters, places left, the schedule in
words, verified masters only, drafts hidden, the three languages, and queries independent of the list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.clubs.conftest import born_aged
from volunteers.clubs.models import Audience, Club, ClubStatus, MasterStatus
from volunteers.clubs.services.enrolments import enrolment_create

pytestmark = pytest.mark.django_db


def fill(club, count):
    for number in range(count):
        enrolment_create(
            club=club, child_name=f"Child {number}", child_birth_date=born_aged(9, on=club.starts_on),
            guardian_name="Parent", guardian_phone=f"+7701234560{number}", consent=True,
        )  # fmt: skip


def shown(response) -> set[str]:
    return {club.title["en"] for club in response.context["page"].object_list}


def test_the_catalogue_lists_open_and_closed_clubs_that_have_not_ended(client, club_factory):
    today = timezone.localdate()
    club_factory(title={"en": "open", "ru": "Открытый кружок"})
    club_factory(title={"en": "closed"}, status=ClubStatus.CLOSED)
    club_factory(title={"en": "draft"}, status=ClubStatus.DRAFT)
    club_factory(title={"en": "cancelled"}, status=ClubStatus.CANCELLED)
    club_factory(title={"en": "ended"}, starts_on=today - dt.timedelta(weeks=9), weeks=8)
    club_factory(title={"en": "running"}, starts_on=today - dt.timedelta(weeks=2), weeks=8)

    response = client.get("/ru/clubs/")
    assert response.status_code == 200
    assert shown(response) == {"open", "closed", "running"}
    assert [club.title["en"] for club in response.context["page"].object_list][-1] == "closed"  # open first
    assert "Открытый кружок" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"boys-almaty", "girls-astana", "all-sewing"}),
        ("region=KZ-71", {"girls-astana"}),
        ("craft=sewing", {"all-sewing"}),
        ("audience=boys", {"boys-almaty", "all-sewing"}),
        ("audience=girls", {"girls-astana", "all-sewing"}),
        ("audience=all", {"all-sewing"}),
        ("age=6", {"girls-astana"}),
        ("age=12", {"boys-almaty", "all-sewing"}),
        ("age=16", {"all-sewing"}),
        ("places=on", {"boys-almaty", "all-sewing"}),
        ("region=KZ-75&age=8&audience=boys", {"boys-almaty"}),
    ],
)
def test_the_filters(client, club_factory, astana, other_craft, query, expected):
    club_factory(title={"en": "boys-almaty"}, audience=Audience.BOYS, min_age=7, max_age=14)
    full = club_factory(
        title={"en": "girls-astana"},
        audience=Audience.GIRLS,
        region=astana,
        min_age=5,
        max_age=10,
        capacity=1,
    )
    fill(full, 1)
    club_factory(title={"en": "all-sewing"}, audience=Audience.ALL, craft=other_craft, min_age=10, max_age=18)
    response = client.get(f"/en/clubs/?{query}")
    assert response.status_code == 200
    assert shown(response) == expected


def test_a_bad_age_in_the_query_is_a_message_next_to_the_field(client, club):
    response = client.get("/en/clubs/?age=300")
    assert response.status_code == 200
    assert response.context["filter"].form.errors["age"]


def test_a_card_says_the_places_left_the_waitlist_the_schedule_and_the_verified_masters(
    client, club_factory, master_factory
):
    declined = master_factory(status=MasterStatus.DECLINED)
    declined.volunteer.first_name = "Hidden"
    declined.volunteer.save()
    left = club_factory(title={"en": "left"}, capacity=3, weekdays=(1, 5))
    left.masters.add(declined)
    fill(left, 1)
    full = club_factory(title={"en": "full"}, capacity=1)
    fill(full, 2)
    club_factory(title={"en": "closed"}, status=ClubStatus.CLOSED)

    response = client.get("/en/clubs/")
    cards = {club.title["en"]: club for club in response.context["page"].object_list}
    text = response.text
    assert "2 places left" in text
    assert "Full: join the waitlist · 1 on the waitlist" in text
    assert "Enrolment closed" in text
    assert "Tuesdays, Saturdays, 10:00–12:00" in text
    assert [master.status for master in cards["left"].verified_masters] == [MasterStatus.VERIFIED]
    assert "Hidden" not in text


def test_the_catalogue_runs_the_same_queries_for_any_page_size(client, club_factory, master_factory):
    club_factory()
    client.get("/en/clubs/?region=KZ-75")  # menus and footer are then cached
    with CaptureQueriesContext(connection) as one:
        client.get("/en/clubs/?region=KZ-75")
    for number in range(24):
        club = club_factory(title={"en": f"Club {number}"})
        club.masters.add(master_factory())
    client.get("/en/clubs/?region=KZ-75")
    with CaptureQueriesContext(connection) as full_page:
        response = client.get("/en/clubs/?region=KZ-75")
    assert len(response.context["page"].object_list) == 20
    assert len(full_page) == len(one)


@pytest.mark.parametrize(
    ("language", "heading", "weekday"),
    [("kk", "Балаларға арналған қолөнер үйірмелері", "сенбі сайын"),
     ("ru", "Кружки ремёсел для детей", "по субботам"),
     ("en", "Craft clubs for children", "Saturdays")],
    ids=["kk", "ru", "en"],
)  # fmt: skip
def test_the_catalogue_in_three_languages(client, club, language, heading, weekday):
    response = client.get(f"/{language}/clubs/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert heading in response.text
    assert weekday in response.text.lower() or weekday in response.text


# --- A club's page ------------------------------------------------------------------------------------------


def test_a_clubs_page_shows_the_club_its_next_sessions_and_the_enrol_button(client, club):
    response = client.get(f"/en/clubs/{club.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "Woodwork club" in text and "Carving spoons and toys." in text
    assert "Abai Ave 10" in text and "Saturdays, 10:00–12:00" in text
    assert "From 7 to 14 years old".lower() in text.lower()
    assert len(response.context["sessions"]) == 5
    assert f'href="/en/clubs/{club.pk}/enrol/"' in text and "Enrol a child" in text
    assert "10 places left" in text


def test_the_description_falls_back_to_another_language_with_a_note(client, club):
    Club.objects.filter(pk=club.pk).update(title={"ru": "Только по-русски"}, description={"ru": "Описание"})
    response = client.get(f"/en/clubs/{club.pk}/")
    assert "Только по-русски" in response.text and "Описание" in response.text
    assert "has not been translated into your language yet" in response.text
    assert 'lang="ru"' in response.text


def test_a_full_club_offers_the_waitlist(client, club_factory):
    club = club_factory(capacity=1)
    fill(club, 1)
    response = client.get(f"/en/clubs/{club.pk}/")
    assert "Join the waitlist" in response.text and "Enrol a child" not in response.text


@pytest.mark.parametrize(
    ("status", "reason"),
    [(ClubStatus.CLOSED, "Enrolment in this club is closed."),
     (ClubStatus.CANCELLED, "This club has been cancelled.")],
)  # fmt: skip
def test_a_closed_or_cancelled_club_says_why_and_offers_no_button(client, club_factory, status, reason):
    club = club_factory(status=status)
    Club.objects.filter(pk=club.pk).update(cancel_reason="The master fell ill.")
    response = client.get(f"/en/clubs/{club.pk}/")
    assert response.status_code == 200
    assert reason in response.text
    assert ("The master fell ill." in response.text) == (status == ClubStatus.CANCELLED)
    assert f"/en/clubs/{club.pk}/enrol/" not in response.text


def test_an_ended_club_says_so(client, club_factory):
    club = club_factory(starts_on=timezone.localdate() - dt.timedelta(weeks=9), weeks=8)
    response = client.get(f"/en/clubs/{club.pk}/")
    assert "This club has ended." in response.text and "/enrol/" not in response.text


def test_a_draft_is_not_found(client, club_factory, coordinator):
    club = club_factory(status=ClubStatus.DRAFT)
    assert client.get(f"/en/clubs/{club.pk}/").status_code == 404
    assert client.get(f"/en/clubs/{club.pk}/enrol/").status_code == 404
    client.force_login(coordinator)
    assert client.get(f"/en/clubs/{club.pk}/").status_code == 404
    assert client.get("/en/clubs/999999/").status_code == 404


@pytest.mark.parametrize(
    ("language", "text"),
    [("kk", "Баланы жазу"), ("ru", "Записать ребёнка"), ("en", "Enrol a child")],
    ids=["kk", "ru", "en"],
)
def test_a_clubs_page_in_three_languages(client, club, language, text):
    response = client.get(f"/{language}/clubs/{club.pk}/")
    assert response.status_code == 200
    assert text in response.text
