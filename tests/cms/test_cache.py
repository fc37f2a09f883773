import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site
from wagtail.rich_text import RichText

from cms.models import HomePage, Navigation, SiteSettings, StandardPage
from events.services.events import EventData, ShiftData, event_create, event_publish
from volunteers.models import Direction, Membership, MembershipRole, Organisation, OrganisationKind, Region

pytestmark = pytest.mark.django_db

BODY = [("paragraph", RichText("<p>Мәтін</p>"))]


@pytest.fixture
def home(seeded):
    # The settings rows a first visit would create (and so purge the cache with) exist beforehand.
    site = Site.objects.get(is_default_site=True)
    Navigation.for_site(site)
    SiteSettings.for_site(site)
    return HomePage.objects.get(locale__language_code="kk")


@pytest.fixture
def standard(home):
    page = home.add_child(instance=StandardPage(title="Біз туралы", slug="about", body=BODY))
    page.save_revision().publish()
    return page


def _get(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, path
    return response


def test_the_second_anonymous_visit_is_served_from_the_cache(client, home, django_assert_max_num_queries):
    first = _get(client, "/kk/")
    with django_assert_max_num_queries(2):
        second = _get(Client(), "/kk/")
    assert second.content == first.content
    assert home.title in second.content.decode()


def test_head_is_served_from_the_cache_too(client, home, django_assert_max_num_queries):
    _get(client, "/kk/")
    with django_assert_max_num_queries(2):
        assert client.head("/kk/").status_code == 200


def test_publishing_any_page_purges_the_cache(client, home, standard):
    _get(client, "/kk/about/")
    _get(client, "/kk/")

    home.title = "Жаңа тақырып"
    home.save_revision().publish()
    assert "Жаңа тақырып" in _get(client, "/kk/").content.decode()

    revision = standard.save_revision()
    standard.title = "Біз кімбіз"
    revision = standard.save_revision()
    revision.publish()
    assert "Біз кімбіз" in _get(client, "/kk/about/").content.decode()


def test_unpublishing_moving_and_deleting_purge_the_cache(client, home, standard):
    _get(client, "/kk/about/")
    standard.unpublish()
    assert client.get("/kk/about/").status_code == 404

    standard.save_revision().publish()
    _get(client, "/kk/about/")
    other = home.add_child(instance=StandardPage(title="Бөлім", slug="section", body=BODY))
    other.save_revision().publish()
    standard.move(other, pos="last-child")
    assert client.get("/kk/about/")["Location"] == "/kk/section/about/"  # Wagtail's automatic redirect
    _get(client, "/kk/section/about/")

    StandardPage.objects.get(pk=standard.pk).delete()
    assert client.get("/kk/section/about/").status_code == 404


def test_a_changed_event_purges_the_cache_but_a_sign_up_does_not(
    client, home, user_factory, django_assert_max_num_queries
):
    region = Region.objects.get(iso_code="KZ-75")
    organisation = Organisation.objects.create(
        slug="steppe-care", kind=OrganisationKind.NGO, region=region, name={"en": "Steppe Care"}
    )
    coordinator = user_factory(email="coordinator@example.kz")
    Membership.objects.create(user=coordinator, organisation=organisation, role=MembershipRole.COORDINATOR)
    starts = timezone.now() + dt.timedelta(days=3)
    data = EventData(
        title={"kk": "Тазалық"}, direction=Direction.objects.get(slug="taza-alem"), starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2), region=region, address="Gorky Park",
    )  # fmt: skip
    [event] = event_create(
        organisation=organisation, data=data, actor=coordinator,
        shifts=[ShiftData(starts_at=data.starts_at, ends_at=data.ends_at, capacity=3)],
    )  # fmt: skip
    _get(client, "/kk/")

    event_publish(event=event, actor=coordinator)
    with django_assert_max_num_queries(100) as rendered:
        _get(client, "/kk/")
    assert len(rendered) > 2

    # A sign-up changes only its shift's counters: that does not empty the cache (a card's "places left" may
    # lag by the cache's few minutes), or a day of action's 50 000 sign-ups an hour would keep it empty.
    _get(client, "/kk/")
    shift = event.shifts.get()
    shift.confirmed_count = 1
    shift.save(update_fields=["confirmed_count"])
    with django_assert_max_num_queries(2):
        _get(client, "/kk/")


def test_signed_in_visitors_are_never_served_nor_stored(client, home, user_factory):
    _get(Client(), "/kk/")  # an anonymous visit fills the cache
    user = user_factory()
    client.force_login(user)
    html = _get(client, "/kk/").content.decode()
    assert "/kk/accounts/logout/" in html  # their own header, not the anonymous visitors' copy

    editor_client = Client()
    editor_client.force_login(user)
    home.title = "Тек кіргендерге"
    home.save_revision()  # a draft: never shown to anyone
    _get(editor_client, "/kk/")
    assert "Тек кіргендерге" not in _get(Client(), "/kk/").content.decode()


def test_a_signed_in_visit_does_not_fill_the_cache(client, home, user_factory, django_assert_max_num_queries):
    client.force_login(user_factory())
    _get(client, "/kk/")
    anonymous = Client()
    with django_assert_max_num_queries(100) as queries:
        _get(anonymous, "/kk/")
    assert len(queries) > 2  # rendered, not served from a signed-in visitor's copy


def test_easy_reading_and_language_are_part_of_the_key(client, home):
    standard_html = _get(client, "/kk/").content.decode()
    easy = Client()
    easy.cookies["easy"] = "1"
    easy_html = _get(easy, "/kk/").content.decode()
    assert 'class="easy-reading' in easy_html
    assert 'class="easy-reading' not in standard_html
    assert 'lang="ru"' in _get(Client(), "/ru/").content.decode()[:200]


def test_the_language_cookie_is_set_on_a_cached_page_and_never_stored(home):
    _get(Client(), "/ru/")
    newcomer = Client()
    response = _get(newcomer, "/ru/")
    assert response.cookies["lang"].value == "ru"
    returning = Client()
    returning.cookies["lang"] = "ru"
    assert "lang" not in _get(returning, "/ru/").cookies


def test_a_pending_message_is_shown_not_a_cached_page(client, home, user_factory):
    _get(Client(), "/kk/")
    user = user_factory()
    client.post("/kk/accounts/login/", {"login": user.email, "password": user.raw_password})
    client.post("/kk/accounts/logout/")
    html = _get(client, "/kk/").content.decode()
    assert 'class="message' in html
    # The page with the message was not stored: the next visitor does not see it.
    assert 'class="message' not in _get(Client(), "/kk/").content.decode()


def test_a_password_protected_page_is_never_cached(client, standard):
    PageViewRestriction.objects.create(
        page=standard,
        restriction_type=PageViewRestriction.PASSWORD,
        password="birgemiz",  # noqa: S106
    )
    form = _get(client, "/kk/about/")
    assert "csrfmiddlewaretoken" in form.content.decode()
    restriction = PageViewRestriction.objects.get(page=standard)
    client.post(
        f"/kk/_util/authenticate_with_password/{restriction.pk}/{standard.pk}/",
        {"password": "birgemiz", "return_url": "/kk/about/"},
    )
    assert "Біз туралы" in _get(client, "/kk/about/").content.decode()
    assert "csrfmiddlewaretoken" in _get(Client(), "/kk/about/").content.decode()
