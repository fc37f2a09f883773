"""A small site of every page type, made through Wagtail's API as editors make it: each page written in
Kazakh, then translated into Russian and English (copy_for_translation), and one project left untranslated,
standing in the other languages as an alias of the Kazakh page (as wagtail-localize's synchronisation leaves
it)."""

import datetime as dt
import io
import itertools

import pytest
from django.core.files.images import ImageFile
from django.db.models import Model
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page
from wagtail.rich_text import RichText

from cms.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    ContactPage,
    DaysOfActionPage,
    FaqPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    StandardPage,
)
from events.models import Event
from events.services.events import EventData, ShiftData, event_create, event_publish
from volunteers.models import Direction, Organisation, Region

LANGUAGES = ("kk", "ru", "en")
_numbers = itertools.count(1)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return publish(page)


def translate(page: Page, code: str, **fields) -> Page:
    """The page's translation into `code`, with its text in that language, published."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def alias(page: Page, code: str) -> Page:
    """What stands in for a translation that has not been made: an alias of the source page."""
    return page.copy_for_translation(Locale.objects.get(language_code=code), alias=True).specific


def image_create(title: str = "Steppe", size=(1600, 900)) -> Image:
    if Collection.get_first_root_node() is None:  # transactional tests empty Wagtail's tables
        Collection.add_root(name="Root")
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#00639a").save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title.lower()}.png"))


def body(text: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def in_all_languages(parent: dict, page_class, texts: dict, **shared) -> dict:
    """A page under `parent[kk]` in Kazakh and its translations under `parent[ru]`, `parent[en]`. `texts`
    gives each language's fields (a callable value is called, for StreamField content)."""

    def fields(code):
        return {name: value() if callable(value) else value for name, value in texts[code].items()}

    pages = {"kk": add(parent["kk"], page_class(**fields("kk"), **shared))}
    for code in ("ru", "en"):
        pages[code] = translate(pages["kk"], code, **fields(code))
    return pages


PROJECT = {
    "kk": {
        "title": "Біргеміз: Таза әлем",
        "slug": "taza-alem",
        "goal": "Өзендер мен ормандарды тазарту.",
        "volunteers_do": "<p>Волонтерлер ағаш отырғызады.</p>",
    },
    "ru": {
        "title": "Біргеміз: Таза әлем — чистая природа",
        "slug": "taza-alem-ru",
        "goal": "Очистить реки и леса.",
        "volunteers_do": "<p>Волонтёры сажают деревья.</p>",
    },
    "en": {
        "title": "Birgemiz: Taza Álem, a clean world",
        "slug": "taza-alem-en",
        "goal": "Clean rivers and forests.",
        "volunteers_do": "<p>Volunteers plant trees.</p>",
    },
}


def page_tree_build() -> dict:
    """Every page type in kk, ru and en under the seeded home pages; returns them by name and language."""
    homes = {code: HomePage.objects.get(locale__language_code=code) for code in LANGUAGES}
    image = image_create()
    tree = {"homes": homes, "image": image}
    tree["projects"] = in_all_languages(
        homes,
        ProjectIndexPage,
        {
            "kk": {"title": "Біргеміз жобалары", "slug": "zhobalar", "intro": "<p>Сегіз ұлттық жоба.</p>"},
            "ru": {
                "title": "Проекты Біргеміз",
                "slug": "proekty",
                "intro": "<p>Восемь национальных проектов.</p>",
            },
            "en": {
                "title": "Birgemiz projects",
                "slug": "projects",
                "intro": "<p>Eight national projects.</p>",
            },
        },
    )
    partners = [("partner", {"name": "Жасыл ел", "url": "https://example.kz/"})]
    stories = {
        "kk": [
            (
                "story",
                {
                    "title": "Айгерімнің тарихы",
                    "person": "Айгерім",
                    "text": RichText("<p>Мәтін</p>"),
                    "image": image,
                    "alt": "Айгерім ағаш отырғызып жатыр",
                },
            )
        ],
        "ru": [
            (
                "story",
                {
                    "title": "История Айгерим",
                    "person": "Айгерим",
                    "text": RichText("<p>Текст</p>"),
                    "image": image,
                    "alt": "Айгерим сажает дерево",
                },
            )
        ],
        "en": [
            (
                "story",
                {
                    "title": "Aigerim's story",
                    "person": "Aigerim",
                    "text": RichText("<p>Text</p>"),
                    "image": image,
                    "alt": "Aigerim planting a tree",
                },
            )
        ],
    }
    texts = {
        code: {**PROJECT[code], "stories": stories[code], "body": body(f"{code}: more"), "image_alt": alt}
        for code, alt in (("kk", "Орман"), ("ru", "Лес"), ("en", "A forest"))
    }
    tree["project"] = in_all_languages(
        tree["projects"],
        ProjectPage,
        texts,
        direction=Direction.objects.get(slug="taza-alem"),
        partners=partners,
        image=image,
    )
    untranslated = add(
        tree["projects"]["kk"],
        ProjectPage(
            title="Біргеміз: Аяла",
            slug="ayala",
            goal="Жануарларға жауапкершілікпен қарау.",
            volunteers_do="<p>Баспаналарға көмектесеміз.</p>",
            direction=Direction.objects.get(slug="ayala"),
        ),
    )
    tree["untranslated"] = {
        "kk": untranslated,
        "ru": alias(untranslated, "ru"),
        "en": alias(untranslated, "en"),
    }

    tree["news_index"] = in_all_languages(
        homes,
        NewsIndexPage,
        {
            "kk": {"title": "Жаңалықтар", "slug": "zhanalyqtar"},
            "ru": {"title": "Новости", "slug": "novosti"},
            "en": {"title": "News", "slug": "news"},
        },
    )
    tree["news"] = in_all_languages(
        tree["news_index"],
        NewsPage,
        {
            "kk": {
                "title": "Таза планета марафоны басталды",
                "slug": "marathon",
                "summary": "Мыңдаған волонтер.",
                "body": lambda: body("Марафон туралы"),
            },
            "ru": {
                "title": "Стартовал марафон «Чистая планета»",
                "slug": "marathon",
                "summary": "Тысячи волонтёров.",
                "body": lambda: body("О марафоне"),
            },
            "en": {
                "title": "The Clean planet marathon has begun",
                "slug": "marathon",
                "summary": "Thousands of volunteers.",
                "body": lambda: body("About the marathon"),
            },
        },
        date=dt.date(2026, 9, 12),
    )
    for code, tag in (("kk", "экология"), ("ru", "экология"), ("en", "environment")):
        news = tree["news"][code]
        news.tags.add(tag)
        tree["news"][code] = publish(news)

    tree["practices_index"] = in_all_languages(
        homes,
        BestPracticeIndexPage,
        {
            "kk": {"title": "Үздік тәжірибелер", "slug": "tazhiribeler"},
            "ru": {"title": "Лучшие практики", "slug": "praktiki"},
            "en": {"title": "Best practices", "slug": "best-practices"},
        },
    )
    tree["practices"] = {}
    for key, region, direction, titles in (
        ("almaty", "KZ-75", "taza-alem", ("Алматыдағы саябақтар", "Парки Алматы", "Almaty's parks")),
        ("abai", "KZ-10", "qamqor", ("Семейдегі қарттар үйі", "Дом престарелых в Семее", "Semey care home")),
    ):
        tree["practices"][key] = in_all_languages(
            tree["practices_index"],
            BestPracticePage,
            {
                code: {"title": title, "slug": key, "summary": f"{title}.", "body": lambda t=title: body(t)}
                for code, title in zip(LANGUAGES, titles, strict=True)
            },
            region=Region.objects.get(iso_code=region),
            direction=Direction.objects.get(slug=direction),
            organisation="Steppe Care",
        )

    days_texts = {
        "kk": {
            "title": "Бірыңғай іс-қимыл күндері",
            "slug": "kunder",
            "intro": "<p>Жыл сайынғы акциялар.</p>",
        },
        "ru": {"title": "Единые дни действий", "slug": "dni", "intro": "<p>Ежегодные акции.</p>"},
        "en": {"title": "Days of action", "slug": "days", "intro": "<p>Yearly campaigns.</p>"},
    }
    tree["days"] = in_all_languages(homes, DaysOfActionPage, days_texts)
    faq = {
        code: {
            "title": title,
            "slug": slug,
            "body": lambda q=question, a=answer: [
                ("accordion", {"title": "", "items": [{"title": q, "body": RichText(f"<p>{a}</p>")}]})
            ],
        }
        for code, title, slug, question, answer in (
            ("kk", "Сұрақтар мен жауаптар", "suraqtar", "Кім волонтер бола алады?", "Он төрт жастан бастап."),
            ("ru", "Вопросы и ответы", "voprosy", "Кто может стать волонтёром?", "С четырнадцати лет."),
            ("en", "Questions and answers", "faq", "Who can volunteer?", "Anyone from fourteen."),
        )
    }
    tree["faq"] = in_all_languages(homes, FaqPage, faq)
    tree["standard"] = in_all_languages(
        homes,
        StandardPage,
        {
            "kk": {
                "title": "Платформа туралы",
                "slug": "turaly",
                "intro": "Біз туралы.",
                "body": lambda: body("Кіріспе"),
            },
            "ru": {
                "title": "О платформе",
                "slug": "o-platforme",
                "intro": "О нас.",
                "body": lambda: body("Введение"),
            },
            "en": {
                "title": "About the platform",
                "slug": "about",
                "intro": "About us.",
                "body": lambda: body("Introduction"),
            },
        },
    )
    tree["contact"] = in_all_languages(
        homes,
        ContactPage,
        {
            "kk": {"title": "Байланыс", "slug": "bailanys", "intro": "<p>Бізге жазыңыз.</p>"},
            "ru": {"title": "Контакты", "slug": "kontakty", "intro": "<p>Напишите нам.</p>"},
            "en": {"title": "Contact", "slug": "contact", "intro": "<p>Write to us.</p>"},
        },
    )
    return tree


def page_tree_reload(tree: dict) -> dict:
    """The same tree read again from the database: fresh instances, for a test that changes its pages when the
    tree is built once for many tests."""
    return {
        key: page_tree_reload(value)
        if isinstance(value, dict)
        else type(value)._default_manager.get(pk=value.pk)
        if isinstance(value, Model)
        else value
        for key, value in tree.items()
    }


@pytest.fixture
def pages(seeded):
    return page_tree_build()


def event_make(direction: str = "taza-alem", days: int = 5, title: dict | None = None) -> Event:
    """A published event of the seeded Almaty front office, made through the coordinators' services."""
    number = next(_numbers)
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=days, hours=number)
    ends = starts + dt.timedelta(hours=3)
    [event] = event_create(
        organisation=Organisation.objects.get(slug="front-office-kz-75"),
        data=EventData(
            title=title
            or {
                "kk": f"Саябақты тазалау {number}",
                "ru": f"Уборка парка {number}",
                "en": f"Park clean-up {number}",
            },
            direction=Direction.objects.get(slug=direction),
            starts_at=starts,
            ends_at=ends,
            region=Region.objects.get(iso_code="KZ-75"),
            city="Алматы",
            address="Горький саябағы",
        ),
        shifts=[ShiftData(starts_at=starts, ends_at=ends, capacity=10)],
        actor=None,
    )
    return event_publish(event=event, actor=None)
