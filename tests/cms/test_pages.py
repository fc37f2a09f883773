import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail import blocks
from wagtail.models import Site
from wagtail.rich_text import RichText

from cms.blocks import ImageBlock, StoryBlock
from cms.models import BestPracticePage, Navigation, NewsPage, ProjectPage, SiteSettings, StandardPage
from events.models import DayOfAction
from tests.cms.conftest import (
    add,
    event_make,
    image_create,
    page_tree_build,
    page_tree_reload,
    publish,
    translate,
)
from volunteers.models import Direction, Region

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")


@pytest.fixture(scope="module")
def _tree(module_db, module_seeded):
    """The page tree is built once for the module (see `module_db`); each test runs in a savepoint on top."""
    with module_db.unblock():
        return page_tree_build()


@pytest.fixture
def pages(_tree, db):
    """Overrides the conftest's `pages`: the module's tree, read again so that no test sees the instances
    another test changed."""
    return page_tree_reload(_tree)


def _get(client, page, **params):
    response = client.get(page.get_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def _queries(client, url) -> int:
    """The queries of a page rendered with nothing in Django's cache: no cached page, menu, rendition or
    site. Rendered once before, so that what a process looks up once in its life is not counted."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _h1(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


# --- Every page type, in every language ---------------------------------------------------------------------

FIELDS = {
    "projects": ["intro"],
    "project": ["goal", "volunteers_do"],
    "news_index": [],
    "news": ["summary"],
    "practices_index": [],
    "days": ["intro"],
    "faq": [],
    "standard": ["intro"],
    "contact": ["intro"],
}


def test_each_page_type_renders_its_content_in_each_language(client, pages):
    for kind, fields in FIELDS.items():
        for code in LANGUAGES:
            page = pages[kind][code]
            html = _get(client, page)
            assert f'<html lang="{code}">' in html
            assert _h1(html) == page.title
            for field in fields:
                assert getattr(page, field) in html, (kind, code, field)
            assert "untranslated-note" not in html


def test_the_project_page_shows_all_its_parts(client, pages):
    event = event_make(direction="taza-alem")
    html = _get(client, pages["project"]["ru"])
    assert "Очистить реки и леса." in html and "<p>Волонтёры сажают деревья.</p>" in html
    assert '<a href="https://example.kz/" rel="noopener">Жасыл ел</a>' in html
    assert "История Айгерим" in html and 'alt="Айгерим сажает дерево"' in html
    assert "ru: more" in html
    assert re.search(r'<img [^>]*alt="Лес"[^>]*srcset="[^"]*480w', html) or re.search(
        r'<img [^>]*srcset="[^"]*480w[^>]*alt="Лес"', html
    )
    assert f'href="/ru/events/{event.pk}/" lang="ru">Уборка парка' in html
    assert 'href="/ru/events/?direction=taza-alem"' in html
    # No course pages in its context yet: the section is not there.
    assert "project-courses" not in html


def test_the_project_page_lists_the_upcoming_published_events_of_its_direction_only(client, pages):
    own = event_make(direction="taza-alem")
    other = event_make(direction="bilim")
    html = _get(client, pages["project"]["en"])
    assert f"/en/events/{own.pk}/" in html
    assert f"/en/events/{other.pk}/" not in html


def test_the_project_index_shows_a_card_per_project(client, pages):
    html = _get(client, pages["projects"]["en"])
    assert html.count('class="card"') == 2
    assert 'href="/en/projects/taza-alem-en/"' in html and "Clean rivers and forests." in html
    # The untranslated project's card is in Kazakh, and says so.
    assert '<li class="card" lang="kk">' in html and 'href="/en/projects/ayala/"' in html


def test_the_news_index_lists_news_with_date_summary_and_tags(client, pages):
    html = _get(client, pages["news_index"]["ru"])
    news = pages["news"]["ru"]
    assert f'href="{news.get_url()}"' in html and news.title in html
    assert '<time datetime="2026-09-12">12 сентября 2026 г.</time>' in html
    assert "Тысячи волонтёров." in html
    assert (
        'href="/ru/novosti/?tag=%D1%8D%D0%BA%D0%BE%D0%BB%D0%BE%D0%B3%D0%B8%D1%8F" rel="tag">экология</a>'
        in html
    )


def test_the_news_index_filters_by_tag(client, pages):
    index = pages["news_index"]["en"]
    other = add(
        index, NewsPage(title="Volunteer of the year", slug="of-the-year", summary="Awards.", body=[])
    )
    other.tags.add("awards")
    publish(other)
    cache.clear()

    html = _get(client, index, tag="awards")
    assert "Volunteer of the year" in html and "The Clean planet marathon has begun" not in html
    assert "News tagged “awards”" in html and f'href="{index.get_url()}">All news</a>' in html
    html = _get(client, index, tag="nothing-has-this")
    assert "No news has this tag." in html


def test_a_tag_with_markup_is_shown_as_text(client, pages):
    html = _get(client, pages["news_index"]["en"], tag="<script>alert(1)</script>")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_news_page_shows_its_date_tags_and_body(client, pages):
    html = _get(client, pages["news"]["en"])
    assert '<time datetime="2026-09-12">' in html
    assert "Thousands of volunteers." in html and "About the marathon" in html
    assert 'href="/en/news/?tag=environment" rel="tag">environment</a>' in html
    assert 'href="/en/news/">' in html


def test_best_practices_filter_by_region_and_direction_in_the_address(client, pages):
    index = pages["practices_index"]["ru"]
    html = _get(client, index)
    assert "Парки Алматы" in html and "Дом престарелых в Семее" in html
    assert 'name="region"' in html and 'name="direction"' in html

    html = _get(client, index, region="KZ-75")
    assert "Парки Алматы" in html and "Дом престарелых в Семее" not in html
    assert '<option value="KZ-75" selected>' in html

    html = _get(client, index, direction="qamqor")
    assert "Парки Алматы" not in html and "Дом престарелых в Семее" in html

    html = _get(client, index, region="KZ-75", direction="qamqor")
    assert "Парки Алматы" not in html and "Дом престарелых в Семее" not in html


def test_best_practices_list_only_the_pages_in_the_visitors_language(client, pages):
    html = _get(client, pages["practices_index"]["en"])
    assert "Almaty&#x27;s parks" in html and "Парки Алматы" not in html


def test_an_unknown_filter_value_lists_nothing_instead_of_failing(client, pages):
    html = _get(client, pages["practices_index"]["en"], region="KZ-XX")
    assert "Almaty's parks" not in html


def test_the_best_practice_page_shows_its_region_direction_and_body(client, pages):
    html = _get(client, pages["practices"]["almaty"]["en"])
    assert "Almaty" in html and "Steppe Care" in html and "Almaty&#x27;s parks." in html
    assert str(Direction.objects.get(slug="taza-alem").name.in_language("en")) in html


def test_the_days_of_action_page_counts_this_years_published_events(client, pages):
    clean_planet = DayOfAction.objects.get(slug="clean-planet")
    event = event_make()
    event.day_of_action = clean_planet
    event.save(update_fields=["day_of_action"])
    html = _get(client, pages["days"]["en"])
    year = timezone.localdate().year
    assert html.count('class="day-of-action"') == DayOfAction.objects.count()
    assert 'href="/en/events/days/clean-planet/"' in html
    assert f"1 event in {year}" in html and f"0 events in {year}" in html


def test_the_faq_opens_each_answer_without_javascript(client, pages):
    html = _get(client, pages["faq"]["kk"])
    assert '<details class="accordion-item">' in html
    assert "<summary>Кім волонтер бола алады?</summary>" in html and "Он төрт жастан бастап." in html


def test_the_contact_page_shows_the_contacts_in_the_visitors_language(client, pages):
    contacts = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    contacts.email = "info@birgemiz.kz"
    contacts.phone = "+7 717 200 00 00"
    contacts.address = {"kk": "Астана, Мәңгілік Ел 8", "ru": "Астана, Мангилик Ел 8"}
    contacts.hours = {"kk": "Дүйсенбі–жұма, 9:00–18:00"}
    contacts.social_links = [("link", {"network": "telegram", "url": "https://t.me/birgemiz"})]
    contacts.save()

    html = _get(client, pages["contact"]["ru"])
    assert '<dd lang="ru">Астана, Мангилик Ел 8</dd>' in html
    assert '<dd lang="kk">Дүйсенбі–жұма, 9:00–18:00</dd>' in html  # no Russian text: the Kazakh, marked
    assert 'href="mailto:info@birgemiz.kz"' in html and 'href="tel:+77172000000"' in html
    assert '<a href="https://t.me/birgemiz" rel="me noopener">Telegram</a>' in html


# --- Blocks -------------------------------------------------------------------------------------------------


def test_every_block_renders(client, pages):
    image = image_create("Volunteers")
    project_kk = pages["project"]["kk"]
    page = add(
        pages["homes"]["kk"],
        StandardPage(
            title="Блоктар",
            slug="bloktar",
            body=[
                ("heading", {"text": "Бөлім", "level": "h2"}),
                ("heading", {"text": "Тармақ", "level": "h3"}),
                ("paragraph", RichText("<p>Мәтін <b>қалың</b></p>")),
                ("image", {"image": image, "alt": "Волонтерлер тобы", "caption": "Астанада"}),
                ("quote", {"text": "Бірге күштіміз", "attribution": "Абай"}),
                (
                    "call_to_action",
                    {"title": "Қосылыңыз", "text": "", "button": "Жобаға", "page": project_kk, "url": ""},
                ),
                (
                    "video",
                    {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Марафон", "caption": ""},
                ),
                ("figures", {"title": "Сандар", "figures": [{"value": "1 200", "label": "волонтер"}]}),
                ("accordion", {"title": "", "items": [{"title": "Сұрақ", "body": RichText("<p>Жауап</p>")}]}),
            ],
        ),
    )
    html = _get(client, page)
    assert '<h2 class="block-heading">Бөлім</h2>' in html and '<h3 class="block-heading">Тармақ</h3>' in html
    assert "<p>Мәтін <b>қалың</b></p>" in html
    img = re.search(r"<figure class=\"block-image\">\s*(<img [^>]*>)", html).group(1)
    assert 'alt="Волонтерлер тобы"' in img and "400w" in img and "800w" in img and 'sizes="' in img
    assert "<figcaption>Астанада</figcaption>" in html
    assert "<blockquote><p>Бірге күштіміз</p></blockquote>" in html and "— Абай" in html
    assert f'<a class="button" href="{project_kk.get_url()}">Жобаға</a>' in html
    frame = re.search(r"<iframe [^>]*>", html).group(0)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in frame
    assert 'title="Марафон"' in frame and 'loading="lazy"' in frame
    assert "<div><dt>волонтер</dt><dd>1 200</dd></div>" in html
    assert "<summary>Сұрақ</summary>" in html


def test_a_call_to_action_links_to_the_page_in_the_visitors_language(client, pages):
    """The button chosen on the Kazakh page leads Russian visitors of its translation to the Russian page."""
    block = (
        "call_to_action",
        {"title": "Join", "text": "", "button": "Go", "page": pages["project"]["kk"], "url": ""},
    )
    page = add(pages["homes"]["kk"], StandardPage(title="Қосылу", slug="qosylu", body=[block]))
    translation = translate(page, "ru", title="Присоединиться")
    html = _get(client, translation)
    assert f'<a class="button" href="{pages["project"]["ru"].get_url()}">Go</a>' in html


def test_an_image_needs_its_text_alternative():
    image = image_create("Alt")
    with pytest.raises(blocks.StructBlockValidationError):
        ImageBlock().clean({"image": image, "alt": "", "caption": ""})
    with pytest.raises(blocks.StructBlockValidationError):
        StoryBlock().clean(
            {"title": "T", "person": "", "text": RichText("<p>x</p>"), "image": image, "alt": " "}
        )
    page = ProjectPage(title="T", slug="t", goal="G", volunteers_do="<p>V</p>", image=image, image_alt=" ")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "image_alt" in error.value.message_dict


# --- Languages: the untranslated note, hreflang, menus ------------------------------------------------------


def test_an_untranslated_page_says_so_and_marks_its_content_as_kazakh(client, pages):
    html = _get(client, pages["untranslated"]["ru"])
    assert (
        "Эта страница ещё не переведена на русский язык, поэтому она показана на языке оригинала: "
        '<span lang="kk">Қазақша</span>.'
    ) in html
    assert re.search(
        r'<article class="cms-page project-page" lang="kk">\s*<header class="page-header">\s*'
        r"<h1>Біргеміз: Аяла</h1>",
        html,
    )
    assert "Жануарларға жауапкершілікпен қарау." in html
    # The site's own words inside it are in the visitor's language, and say so.
    assert '<h2 id="project-goal" lang="ru">' in html

    html = _get(client, pages["untranslated"]["en"])
    assert (
        "This page has not been translated into your language yet; it is shown in "
        '<span lang="kk">Қазақша</span>.'
    ) in html

    html = _get(client, pages["untranslated"]["kk"])
    assert (
        "untranslated-note" not in html and 'lang="kk">' not in html.split("<main", 1)[1].split("<footer")[0]
    )


def test_a_cms_page_links_its_three_languages(client, pages):
    html = _get(client, pages["project"]["en"])
    for code in LANGUAGES:
        url = pages["project"][code].get_url()
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver{url}">' in html


def _menus_set(main, footer=(), footer_text=None):
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    navigation.main_menu = [("page", {"page": page}) for page in main]
    navigation.footer_links = [("page", {"page": page}) for page in footer]
    navigation.footer_text = footer_text or {}
    navigation.save()


def test_menu_items_are_in_the_visitors_language(client, pages):
    _menus_set(
        main=[pages["projects"]["kk"], pages["untranslated"]["kk"]],
        footer=[pages["contact"]["kk"]],
        footer_text={"kk": "Біргеміз бірге", "en": "Together"},
    )
    html = client.get("/ru/events/").content.decode()
    header = html.split("</header>")[0]
    assert '<a href="/ru/proekty/">Проекты Біргеміз</a>' in header
    # No Russian translation of this one yet: its Kazakh title, marked as Kazakh.
    assert '<a href="/ru/proekty/ayala/" lang="kk">Біргеміз: Аяла</a>' in header
    footer = html.split("<footer")[1]
    assert '<a href="/ru/kontakty/">Контакты</a>' in footer
    assert '<p lang="kk">Біргеміз бірге</p>' in footer

    html = _get(client, pages["projects"]["en"])
    assert '<a href="/en/projects/" aria-current="page">Birgemiz projects</a>' in html
    assert '<p lang="en">Together</p>' in html


def test_the_menu_follows_a_renamed_page(client, pages):
    _menus_set(main=[pages["projects"]["kk"]])
    assert "Проекты Біргеміз" in client.get("/ru/events/").content.decode()
    projects = pages["projects"]["ru"]
    projects.title = "Национальные проекты"
    publish(projects)
    assert "Национальные проекты" in client.get("/ru/events/").content.decode()


def test_the_menus_cost_the_same_queries_whatever_their_length(client, pages):
    _menus_set(main=[pages["projects"]["kk"]])
    few = _queries(client, "/en/events/")
    _menus_set(
        main=[pages[kind]["kk"] for kind in ("projects", "news_index", "practices_index", "days", "faq")],
        footer=[pages[kind]["kk"] for kind in ("standard", "contact", "untranslated")],
    )
    many = _queries(client, "/en/events/")
    assert many == few
    # And once built, the menus cost no query at all on the pages that follow.
    client.get("/en/events/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/en/events/")
    assert not any("cms_navigation" in query["sql"] or "wagtailcore_page" in query["sql"] for query in warm)


# --- Query budgets ------------------------------------------------------------------------------------------


def test_the_news_index_runs_the_same_queries_for_any_number_of_news(client, pages):
    index = pages["news_index"]["kk"]

    def news_add(number):
        news = add(
            index,
            NewsPage(
                title=f"Жаңалық {number}",
                slug=f"news-{number}",
                summary="Қысқаша",
                body=[],
                image=image_create(f"News{number}"),
                image_alt="Сурет",
                date=dt.date(2026, 10, number + 1),
            ),
        )
        news.tags.add(f"tag{number}", "ортақ")
        publish(news)

    news_add(0)
    few = _queries(client, index.get_url())
    for number in range(1, 9):
        news_add(number)
    assert _queries(client, index.get_url()) == few


def test_the_project_page_runs_the_same_queries_for_any_number_of_events_and_stories(client, pages):
    project = pages["project"]["en"]
    url = project.get_url()
    event_make()
    few = _queries(client, url)
    for _number in range(6):
        event_make()
    project.stories = list(project.stories.raw_data) * 4
    project.partners = [("partner", {"name": f"Partner {number}", "url": ""}) for number in range(5)]
    publish(project)
    many = _queries(client, url)
    assert many == few
    assert len(re.findall(r'href="/en/events/\d+/"', client.get(url).content.decode())) == 6


def test_the_best_practices_index_runs_the_same_queries_for_any_number_of_practices(client, pages):
    index = pages["practices_index"]["kk"]
    url = index.get_url()
    few = _queries(client, url)
    for number in range(6):
        add(
            index,
            BestPracticePage(
                title=f"Тәжірибе {number}",
                slug=f"practice-{number}",
                summary="Қысқаша",
                body=[],
                region=Region.objects.get(iso_code="KZ-75"),
                direction=Direction.objects.get(slug="bilim"),
            ),
        )
    assert _queries(client, url) == few
