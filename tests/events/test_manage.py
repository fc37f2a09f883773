"""The coordinators' event pages through HTTP: the list, the form with its shifts, the event's page,
publishing and cancelling, and every refusal shown next to its field with nothing saved."""

import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from events.models import Event, EventStatus, Shift, Signup, SignupStatus
from events.services.signups import signup_create
from volunteers.models import Direction, MembershipRole, Organisation, OrganisationKind

ALMATY = ZoneInfo("Asia/Almaty")
NOW = dt.datetime(2030, 3, 1, 10, 0, tzinfo=ALMATY)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def moment(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2030, 3, day, hour, minute, tzinfo=ALMATY)


def typed(value: dt.datetime) -> str:
    """As a datetime-local input sends it: wall-clock time in Almaty, no zone."""
    return timezone.localtime(value, ALMATY).strftime("%Y-%m-%dT%H:%M")


def shift_rows(rows: list[dict], *, initial: int = 0, blank: int = 0) -> dict:
    data = {
        "shifts-TOTAL_FORMS": str(len(rows) + blank),
        "shifts-INITIAL_FORMS": str(initial),
        "shifts-MIN_NUM_FORMS": "0",
        "shifts-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        for name, value in row.items():
            data[f"shifts-{number}-{name}"] = value
    return data


def shift_row(start: dt.datetime, end: dt.datetime, capacity, *, pk=None, task=None, delete=False) -> dict:
    row = {
        "id": str(pk or ""),
        "task_kk": "",
        "task_ru": (task or {}).get("ru", ""),
        "task_en": (task or {}).get("en", ""),
        "starts_at": typed(start),
        "ends_at": typed(end),
        "capacity": str(capacity),
    }
    if delete:
        row["DELETE"] = "on"
    return row


@pytest.fixture
def form_data(almaty):
    direction = Direction.objects.get(slug="taza-alem")

    def make(*, starts=None, ends=None, title=None, **extra) -> dict:
        title = title or {"ru": "Уборка парка", "en": "Park clean-up"}
        data = {
            "title_kk": title.get("kk", ""),
            "title_ru": title.get("ru", ""),
            "title_en": title.get("en", ""),
            "description_kk": "",
            "description_ru": "Соберём мусор в парке.",
            "description_en": "",
            "accessibility_kk": "",
            "accessibility_ru": "",
            "accessibility_en": "",
            "direction": str(direction.pk),
            "region": str(almaty.pk),
            "city": "Almaty",
            "address": "Gorky Park",
            "starts_at": typed(starts or moment(10, 9)),
            "ends_at": typed(ends or moment(10, 15)),
            "cancel_hours_before": "24",
            "languages": ["kk", "ru"],
            "repeat": "0",
        }
        data.update(extra)
        return data

    return make


def two_shifts() -> dict:
    return shift_rows(
        [
            shift_row(moment(10, 9), moment(10, 12), 10, task={"ru": "Сбор мусора", "en": "Litter picking"}),
            shift_row(moment(10, 12), moment(10, 15), 5),
        ],
        blank=1,
    )


def field_errors(html: str, field_id: str) -> str:
    """What the page shows right after the input `field_id`, up to the next field: where its errors are."""
    start = html.index(f'id="{field_id}"')
    ends = [html.find(mark, start) for mark in ('<div class="field', "</fieldset>")]
    return html[start : min(end for end in ends if end != -1)]


def signed_up(event, count: int, volunteer_factory) -> list[Signup]:
    shift = event.shifts.get()
    return [signup_create(volunteer=volunteer_factory(), shift=shift) for _i in range(count)]


# --- The list -------------------------------------------------------------------------------------------


def test_the_list_shows_upcoming_events_first_then_past_ones_with_their_state(
    client, coordinator, event_factory, volunteer_factory, other_organisation, coordinator_factory
):
    with time_machine.travel(NOW - dt.timedelta(days=60), tick=False):
        past = event_factory(title={"en": "Winter clean-up"})
    soon = event_factory(
        title={"en": "Tree planting", "ru": "Посадка деревьев", "kk": "Ағаш отырғызу"}, days=3
    )
    draft = event_factory(title={"en": "Book drive"}, days=20, publish=False)
    later = event_factory(title={"en": "River clean-up"}, days=10)
    signed_up(soon, 2, volunteer_factory)
    event_factory(
        title={"en": "Not ours"},
        organisation_=other_organisation,
        actor=coordinator_factory(other_organisation),
    )
    client.force_login(coordinator)

    html = client.get("/en/coordinator/events/").content.decode()

    positions = [html.index(str(event.title)) for event in (soon, later, draft, past)]
    assert positions == sorted(positions)
    assert "Not ours" not in html
    assert html.index("Upcoming") < positions[0] < html.index("Past") < positions[-1]
    assert 'event-status-draft">Draft' in html
    assert 'event-status-published">Published' in html
    assert "2 / 10" in html
    assert html.count("missing translations") == 3  # all but the event written in three languages
    assert 'href="/en/coordinator/events/new/"' in html


def test_the_list_takes_as_many_queries_for_many_events_as_for_one(
    client, coordinator, event_factory, volunteer_factory
):
    event = event_factory()
    signed_up(event, 1, volunteer_factory)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/en/coordinator/events/").status_code == 200
    for days in range(8, 20):
        event_factory(days=days, publish=days % 2 == 0)

    with CaptureQueriesContext(connection) as many:
        response = client.get("/en/coordinator/events/")

    assert response.context["page"].paginator.count == 13
    assert len(many) == len(one)


# --- Creating ---------------------------------------------------------------------------------------------


def test_a_coordinator_creates_a_draft_with_two_shifts_in_the_russian_interface(
    client, coordinator, form_data
):
    client.force_login(coordinator)
    page = client.get("/ru/coordinator/events/new/")
    assert page.status_code == 200
    assert '<html lang="ru">' in page.content.decode()
    assert 'name="organisation"' not in page.content.decode()  # one organisation: nothing to choose
    assert 'name="required_courses"' not in page.content.decode()  # no course pages yet

    response = client.post("/ru/coordinator/events/new/", {**form_data(), **two_shifts()})

    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ru/coordinator/events/{event.pk}/"
    assert event.status == EventStatus.DRAFT
    assert event.organisation == coordinator.memberships.get().organisation
    assert event.title == {"ru": "Уборка парка", "en": "Park clean-up"}
    assert event.starts_at == moment(10, 9)  # the typed time is Almaty's
    assert event.language_codes == ["kk", "ru"]
    shifts = list(event.shifts.order_by("starts_at"))
    assert [(s.starts_at, s.ends_at, s.capacity) for s in shifts] == [
        (moment(10, 9), moment(10, 12), 10),
        (moment(10, 12), moment(10, 15), 5),
    ]
    assert shifts[0].task == {"ru": "Сбор мусора", "en": "Litter picking"}


def test_a_coordinator_of_two_organisations_chooses_one_of_them_only(
    client, coordinator, organisation, other_organisation, form_data, almaty
):
    second = Organisation.objects.create(
        slug="school-7", kind=OrganisationKind.SCHOOL, region=almaty, name={"en": "School 7"}
    )
    coordinator.memberships.create(organisation=second, role=MembershipRole.MANAGER)
    client.force_login(coordinator)

    refused = client.post(
        "/en/coordinator/events/new/", {**form_data(organisation=str(other_organisation.pk)), **two_shifts()}
    )
    chosen = client.post(
        "/en/coordinator/events/new/", {**form_data(organisation=str(second.pk)), **two_shifts()}
    )

    assert "Select a valid choice" in field_errors(refused.content.decode(), "id_organisation")
    assert chosen.status_code == 302
    assert Event.objects.get().organisation == second


def test_an_end_before_the_start_is_refused_next_to_the_end(client, coordinator, form_data):
    client.force_login(coordinator)

    response = client.post("/en/coordinator/events/new/", {**form_data(ends=moment(10, 8)), **two_shifts()})

    assert response.status_code == 200
    assert "The end must be after the start." in field_errors(response.content.decode(), "id_ends_at")
    assert not Event.objects.exists()


def test_a_shift_ending_before_it_starts_is_refused_in_its_row(client, coordinator, form_data):
    client.force_login(coordinator)
    rows = shift_rows(
        [shift_row(moment(10, 9), moment(10, 12), 5), shift_row(moment(10, 14), moment(10, 13), 5)]
    )

    response = client.post("/en/coordinator/events/new/", {**form_data(), **rows})

    html = response.content.decode()
    assert "The end must be after the start." in field_errors(html, "id_shifts-1-ends_at")
    assert "errorlist" not in field_errors(html, "id_shifts-0-ends_at")
    assert not Event.objects.exists()


def test_a_shift_outside_the_event_is_refused_in_its_row(client, coordinator, form_data):
    client.force_login(coordinator)
    rows = shift_rows([shift_row(moment(10, 14), moment(10, 17), 5)])

    response = client.post("/en/coordinator/events/new/", {**form_data(), **rows})

    assert "between the event&#x27;s start and end" in field_errors(
        response.content.decode(), "id_shifts-0-starts_at"
    )
    assert not Event.objects.exists()


@pytest.mark.parametrize("capacity", ["0", "-3"])
def test_a_shift_without_places_is_refused_next_to_its_places(client, coordinator, form_data, capacity):
    client.force_login(coordinator)
    rows = shift_rows([shift_row(moment(10, 9), moment(10, 12), capacity)])

    response = client.post("/en/coordinator/events/new/", {**form_data(), **rows})

    assert "Give at least one place." in field_errors(response.content.decode(), "id_shifts-0-capacity")
    assert not Event.objects.exists()


def test_an_event_without_shifts_is_refused_with_a_message_by_the_shifts(client, coordinator, form_data):
    client.force_login(coordinator)

    response = client.post("/en/coordinator/events/new/", {**form_data(), **shift_rows([], blank=3)})

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'id="shifts".*errorlist nonform.*Add at least one shift\.', html, flags=re.DOTALL)
    assert not Event.objects.exists()


def test_repeating_three_times_makes_four_weekly_events_in_one_series(client, coordinator, form_data):
    client.force_login(coordinator)

    response = client.post("/en/coordinator/events/new/", {**form_data(repeat="3"), **two_shifts()})

    events = list(Event.objects.order_by("starts_at"))
    assert response.status_code == 302
    assert len(events) == 4
    assert len({event.series_id for event in events}) == 1 and events[0].series_id is not None
    assert [event.starts_at for event in events] == [moment(10, 9) + dt.timedelta(weeks=n) for n in range(4)]
    assert Shift.objects.count() == 8


def test_repeating_more_than_a_year_is_refused_next_to_the_field(client, coordinator, form_data):
    client.force_login(coordinator)

    response = client.post("/en/coordinator/events/new/", {**form_data(repeat="53"), **two_shifts()})

    assert "Repeat from 1 to 52 times." in field_errors(response.content.decode(), "id_repeat")
    assert not Event.objects.exists()


# --- The cover image --------------------------------------------------------------------------------------


def png(size=(40, 30)) -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#00639a").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "cover.png"
    return buffer


def upload(name: str, content: bytes) -> io.BytesIO:
    buffer = io.BytesIO(content)
    buffer.name = name
    return buffer


def test_a_cover_image_is_kept_as_a_wagtail_image(client, coordinator, form_data):
    client.force_login(coordinator)

    response = client.post("/en/coordinator/events/new/", {**form_data(cover=png()), **two_shifts()})

    event = Event.objects.get()
    assert response.status_code == 302
    assert event.cover.width == 40
    assert event.cover.title == "Park clean-up"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cover.png", b"this is not a picture", "Upload a valid image"),
        ("cover.jpg", png().getvalue(), "Not a valid .jpeg image"),
        (
            "cover.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
            "Not a supported image format",
        ),
    ],
    ids=["not-an-image", "disguised-png", "svg"],
)
def test_a_file_that_is_not_an_accepted_image_is_refused_next_to_the_cover(
    client, coordinator, form_data, name, content, message
):
    client.force_login(coordinator)

    response = client.post(
        "/en/coordinator/events/new/", {**form_data(cover=upload(name, content)), **two_shifts()}
    )

    assert message in field_errors(response.content.decode(), "id_cover")
    assert not Event.objects.exists()
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=50)
def test_a_cover_image_too_large_is_refused_next_to_the_cover(client, coordinator, form_data):
    client.force_login(coordinator)

    response = client.post("/en/coordinator/events/new/", {**form_data(cover=png()), **two_shifts()})

    assert "This file is too big" in field_errors(response.content.decode(), "id_cover")
    assert not get_image_model().objects.exists()


def test_a_refused_event_keeps_no_cover_image(client, coordinator, form_data):
    client.force_login(coordinator)
    stored = stored_images()

    response = client.post(
        "/en/coordinator/events/new/", {**form_data(cover=png()), **shift_rows([], blank=3)}
    )

    assert response.status_code == 200
    assert not Event.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_images() == stored


def stored_images() -> set[str]:
    if not default_storage.exists("original_images"):
        return set()
    return set(default_storage.listdir("original_images")[1])


# --- Editing ----------------------------------------------------------------------------------------------


def edit_data(event: Event, form_data, *, rows=None, title=None, **extra) -> dict:
    shifts = list(event.shifts.filter(cancelled_at__isnull=True).order_by("starts_at", "pk"))
    rows = rows or [shift_row(s.starts_at, s.ends_at, s.capacity, pk=s.pk) for s in shifts]
    return {
        **form_data(starts=event.starts_at, ends=event.ends_at, title=title or dict(event.title), **extra),
        **shift_rows(rows, initial=len(shifts), blank=3),
    }


def test_places_cannot_be_cut_below_the_volunteers_confirmed(
    client, coordinator, event_factory, volunteer_factory, form_data
):
    event = event_factory(shifts=[(moment(10, 9), moment(10, 12), 5)])
    signed_up(event, 3, volunteer_factory)
    shift = event.shifts.get()
    client.force_login(coordinator)
    rows = [shift_row(shift.starts_at, shift.ends_at, 2, pk=shift.pk)]

    response = client.post(
        f"/en/coordinator/events/{event.pk}/edit/",
        edit_data(event, form_data, rows=rows, title={"en": "A new title"}),
    )

    assert response.status_code == 200
    assert "3 volunteers are already confirmed for this shift" in field_errors(
        response.content.decode(), "id_shifts-0-capacity"
    )
    shift.refresh_from_db()
    event.refresh_from_db()
    assert shift.capacity == 5
    assert event.title != {"en": "A new title"}


def test_an_edit_saves_the_event_and_its_shifts(client, coordinator, event_factory, form_data):
    event = event_factory(shifts=[(moment(10, 9), moment(10, 12), 5)], publish=False)
    shift = event.shifts.get()
    client.force_login(coordinator)
    rows = [
        shift_row(shift.starts_at, shift.ends_at, 8, pk=shift.pk),
        shift_row(moment(10, 12), moment(10, 14), 4),
    ]

    response = client.post(
        f"/en/coordinator/events/{event.pk}/edit/",
        edit_data(event, form_data, rows=rows, ends_at=typed(moment(10, 14)), title={"kk": "Тазалық"}),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == {"kk": "Тазалық"}
    assert event.ends_at == moment(10, 14)
    assert sorted(event.shifts.values_list("capacity", flat=True)) == [4, 8]


def test_a_shift_ticked_for_removal_is_cancelled_with_its_sign_ups(
    client, coordinator, event_factory, volunteer_factory, form_data
):
    event = event_factory(shifts=[(moment(10, 9), moment(10, 12), 5), (moment(10, 12), moment(10, 15), 5)])
    first, second = event.shifts.order_by("starts_at")
    signup = signup_create(volunteer=volunteer_factory(), shift=second)
    client.force_login(coordinator)
    rows = [
        shift_row(first.starts_at, first.ends_at, 5, pk=first.pk),
        shift_row(second.starts_at, second.ends_at, 5, pk=second.pk, delete=True),
    ]

    page = client.get(f"/en/coordinator/events/{event.pk}/edit/").content.decode()
    response = client.post(f"/en/coordinator/events/{event.pk}/edit/", edit_data(event, form_data, rows=rows))

    assert 'name="shifts-1-starts_at" value="2030-03-10T12:00"' in page  # Almaty time, as typed

    assert 'name="shifts-1-DELETE"' in page and 'name="shifts-2-DELETE"' not in page  # not on blank rows
    assert response.status_code == 302
    second.refresh_from_db()
    signup.refresh_from_db()
    assert second.cancelled_at is not None
    assert signup.status == SignupStatus.CANCELLED


def test_a_cancelled_event_cannot_be_edited(client, coordinator, event_factory):
    event = event_factory()
    client.force_login(coordinator)
    client.post(f"/en/coordinator/events/{event.pk}/cancel/", {"reason": ""})

    response = client.get(f"/en/coordinator/events/{event.pk}/edit/", follow=True)

    assert response.redirect_chain[-1][0] == f"/en/coordinator/events/{event.pk}/"
    assert "A cancelled event cannot be changed." in response.content.decode()


# --- The event's page, publishing, cancelling ------------------------------------------------------------


def test_the_event_page_shows_shifts_missing_translations_and_links(client, coordinator, event_factory):
    event = event_factory(title={"en": "Tree planting", "ru": "Посадка деревьев"}, publish=False)
    shift = event.shifts.get()
    client.force_login(coordinator)

    html = client.get(f"/en/coordinator/events/{event.pk}/").content.decode()

    assert "Missing translations" in html and "Қазақша" in html
    assert f'href="/en/coordinator/events/{event.pk}/edit/"' in html
    assert f'action="/en/coordinator/events/{event.pk}/publish/"' in html
    assert f'href="/en/coordinator/events/shifts/{shift.pk}/attendance/"' in html
    assert f'href="/en/coordinator/events/shifts/{shift.pk}/export.csv"' in html
    assert f'href="/en/coordinator/events/shifts/{shift.pk}/export.xlsx"' in html
    assert f'href="/en/events/{event.pk}/"' in html
    assert "0 / 10" in html


def test_publishing_opens_the_event_and_a_second_click_only_says_so(client, coordinator, event_factory):
    event = event_factory(publish=False)
    client.force_login(coordinator)

    first = client.post(f"/en/coordinator/events/{event.pk}/publish/", follow=True)
    again = client.post(f"/en/coordinator/events/{event.pk}/publish/", follow=True)

    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert "The event is published" in first.content.decode()
    assert again.status_code == 200
    assert "Only a draft can be published." in again.content.decode()
    assert f'href="/en/coordinator/events/{event.pk}/check-in/"' in again.content.decode()


def test_publishing_and_cancelling_take_no_get(client, coordinator, event_factory):
    event = event_factory(publish=False)
    client.force_login(coordinator)

    assert client.get(f"/en/coordinator/events/{event.pk}/publish/").status_code == 405
    assert client.get(f"/en/coordinator/events/{event.pk}/cancel/").status_code == 405
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT


def test_cancelling_asks_first_with_a_reason(client, coordinator, event_factory, volunteer_factory):
    event = event_factory()
    signed_up(event, 2, volunteer_factory)
    client.force_login(coordinator)

    html = client.get(f"/en/coordinator/events/{event.pk}/?confirm=cancel").content.decode()

    assert "2 volunteers signed up or waiting" in html
    assert 'name="reason"' in html
    assert f'action="/en/coordinator/events/{event.pk}/cancel/"' in html
    assert Event.objects.get(pk=event.pk).status == EventStatus.PUBLISHED


def test_cancelling_ends_every_sign_up_and_a_second_click_only_says_so(
    client, coordinator, event_factory, volunteer_factory
):
    event = event_factory(shifts=[(moment(10, 9), moment(10, 12), 1)])
    signed_up(event, 2, volunteer_factory)  # one confirmed, one on the waitlist
    client.force_login(coordinator)

    first = client.post(
        f"/en/coordinator/events/{event.pk}/cancel/", {"reason": "Storm warning"}, follow=True
    )
    again = client.post(f"/en/coordinator/events/{event.pk}/cancel/", {"reason": ""}, follow=True)

    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert event.cancel_reason == "Storm warning"
    assert set(Signup.objects.filter(shift__event=event).values_list("status", flat=True)) == {
        SignupStatus.CANCELLED
    }
    assert "The event is cancelled" in first.content.decode()
    assert "This event has already been cancelled." in again.content.decode()
    assert "Storm warning" in again.content.decode()
