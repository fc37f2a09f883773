import io
from html import escape

import pytest
from django.test import RequestFactory, override_settings
from PIL import Image as PillowImage
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from cms.demo import demo_site_ensure
from cms.images import HEIGHT, ILLUSTRATIONS, WIDTH
from cms.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    ContactPage,
    DaysOfActionPage,
    FaqPage,
    HomePage,
    Navigation,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    SiteSettings,
    StandardPage,
)
from volunteers.models import Direction

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
DEMO_TYPES = [
    ProjectIndexPage, ProjectPage, NewsIndexPage, NewsPage, BestPracticeIndexPage, BestPracticePage,
    DaysOfActionPage, FaqPage, ContactPage, StandardPage,
]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def _media(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def _demo_made(_media, module_db, module_seeded):
    """The demo is made once for the module (see `module_db`); each test runs in a savepoint on top of it."""
    with module_db.unblock():
        return demo_site_ensure()


@pytest.fixture
def demo(_demo_made, db):
    return dict(_demo_made)


def _in(model, code):
    return model.objects.filter(locale__language_code=code)


def test_the_demo_makes_every_page_in_kazakh_and_real_translations(demo):
    assert demo["pages"] == 21
    assert demo["translations"] == 42
    assert demo["images"] == len(ILLUSTRATIONS)
    for code in LANGUAGES:
        projects = _in(ProjectPage, code).live()
        assert projects.count() == 8
        assert not projects.filter(alias_of__isnull=False).exists()
        assert set(projects.values_list("direction__slug", flat=True)) == set(
            Direction.objects.filter(is_birgemiz=True).values_list("slug", flat=True)
        )
        assert _in(NewsPage, code).live().filter(alias_of__isnull=True).count() == 4
        assert _in(BestPracticePage, code).live().filter(alias_of__isnull=True).count() == 2
    practices = BestPracticePage.objects.filter(locale__language_code="kk")
    assert practices.values("region").distinct().count() == 2
    assert practices.values("direction").distinct().count() == 2


def test_translations_are_written_in_their_own_language(demo):
    for source in _in(ProjectPage, "kk"):
        pages = {code: source.get_translation(Locale.objects.get(language_code=code)) for code in LANGUAGES}
        assert len({page.goal for page in pages.values()}) == 3
        assert len({str(page.volunteers_do) for page in pages.values()}) == 3
        assert len({page.stories.raw_data[0]["value"]["title"] for page in pages.values()}) == 3
        assert all(len(page.partners) >= 2 for page in pages.values())
    english = _in(NewsPage, "en")
    assert {tag for news in english for tag in news.tags.names()} >= {"platform", "mentoring"}
    assert not any("платформа" in news.tags.names() for news in english)


def test_lead_images_are_drawn_once_and_described_in_each_language(demo):
    images = get_image_model().objects.all()
    assert images.count() == len(ILLUSTRATIONS)
    with images.first().open_file() as file:
        assert PillowImage.open(io.BytesIO(file.read())).size == (WIDTH, HEIGHT)
    for model in (ProjectPage, NewsPage, BestPracticePage):
        for source in _in(model, "kk"):
            alts = {
                code: source.get_translation(Locale.objects.get(language_code=code)) for code in LANGUAGES
            }
            assert all(page.image_id == source.image_id for page in alts.values())
            assert len({page.image_alt for page in alts.values()}) == 3
            assert all(page.image_alt.strip() for page in alts.values())


def test_a_second_run_makes_nothing_and_keeps_what_editors_changed(demo):
    project = _in(ProjectPage, "ru").get(direction__slug="bilim")
    project.goal = "Текст редактора"
    project.save_revision().publish()
    counts = {model: model.objects.count() for model in [Page, *DEMO_TYPES]}
    images = get_image_model().objects.count()

    again = demo_site_ensure()

    assert set(again.values()) == {0}
    assert {model: model.objects.count() for model in [Page, *DEMO_TYPES]} == counts
    assert get_image_model().objects.count() == images
    assert ProjectPage.objects.get(pk=project.pk).goal == "Текст редактора"


def test_an_alias_left_by_the_synchronisation_becomes_a_translation(demo):
    russian = Locale.objects.get(language_code="ru")
    source = _in(NewsPage, "kk").get(slug="mentors-wanted")
    source.get_translation(russian).delete()
    alias = source.copy_for_translation(russian, alias=True)
    assert alias.alias_of_id == source.pk

    assert demo_site_ensure()["translations"] == 1

    translation = NewsPage.objects.get(pk=alias.pk)
    assert translation.alias_of_id is None
    assert translation.title == "Проект «Сабақтастық» приглашает новых наставников"
    assert "наставничество" in translation.tags.names()


def test_new_kazakh_pages_get_aliases_in_russian_and_english(demo, rf: RequestFactory):
    synchronised = LocaleSynchronization.objects.select_related("locale", "sync_from")
    assert {(item.locale.language_code, item.sync_from.language_code) for item in synchronised} == {
        ("ru", "kk"),
        ("en", "kk"),
    }
    about = _in(StandardPage, "kk").get(slug="about")
    page = StandardPage(title="Серіктестер", slug="partners", intro="Серіктестеріміз.", body=[])
    about.add_child(instance=page)
    for hook in hooks.get_hooks("after_create_page"):  # what the admin runs after an editor adds a page
        hook(rf.get("/"), page)
    aliases = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    assert {alias.locale.language_code for alias in aliases} == {"ru", "en"}
    assert all(alias.alias_of_id == page.pk for alias in aliases)


def test_site_settings_and_menus_are_filled(demo):
    site = Site.objects.get(is_default_site=True)
    contacts = SiteSettings.for_site(site)
    assert contacts.email and contacts.phone
    assert not contacts.address.missing() and not contacts.hours.missing()
    assert len(contacts.social_links) >= 2
    navigation = Navigation.for_site(site)
    menu = [block.value["page"].specific for block in navigation.main_menu]
    assert [type(page) for page in menu] == [
        ProjectIndexPage, NewsIndexPage, BestPracticeIndexPage, DaysOfActionPage, FaqPage, ContactPage,
    ]  # fmt: skip
    assert all(page.locale.language_code == "kk" for page in menu)
    assert [type(block.value["page"].specific) for block in navigation.footer_links] == [
        StandardPage,
        ContactPage,
        FaqPage,
    ]
    assert not navigation.footer_text.missing()


def test_the_home_pages_get_figures_and_calls_to_action(demo):
    for code in LANGUAGES:
        home = HomePage.objects.get(locale__language_code=code)
        kinds = [block.block_type for block in home.body]
        assert kinds[0] == "paragraph"  # the opening text the home page was seeded with, kept
        assert "figures" in kinds and "call_to_action" in kinds
        [projects] = [
            b.value["page"] for b in home.body if b.block_type == "call_to_action" and b.value["page"]
        ]
        assert projects.locale.language_code == code
        assert home.image_alt


def test_every_demo_page_renders_in_each_language(client, demo):
    for code in LANGUAGES:
        pages = [HomePage.objects.get(locale__language_code=code)]
        for model in DEMO_TYPES:
            pages += list(_in(model, code).live())
        assert len(pages) == 22
        for page in pages:
            response = client.get(page.get_url())
            assert response.status_code == 200, page.get_url()
            assert escape(page.title) in response.content.decode(), page.get_url()
            assert f'<html lang="{code}">' in response.content.decode()
