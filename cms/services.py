from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site
from wagtail.rich_text import RichText

from cms.models import HomePage

HOME_CONTENT = {
    "kk": {
        "title": "Біргеміз — волонтерлер платформасы",
        "intro": "Қазақстан волонтерлерінің ұлттық платформасы: іс-шаралар, оқыту және «Волонтер жолы».",
        "body": "<p>Іс-шараларға жазылыңыз, бірыңғай оқыту бағдарламасынан өтіңіз, волонтерлік "
        "сағаттарыңызды жинаңыз және «Біргеміз» ұлттық жобаларына қатысыңыз.</p>",
    },
    "ru": {
        "title": "Біргеміз — платформа волонтёров",
        "intro": "Национальная платформа волонтёров Казахстана: мероприятия, обучение и «Путь волонтёра».",
        "body": "<p>Записывайтесь на мероприятия, проходите единую программу обучения, копите волонтёрские "
        "часы и участвуйте в национальных проектах «Біргеміз».</p>",
    },
    "en": {
        "title": "Birgemiz — the volunteers' platform",
        "intro": "Kazakhstan's national volunteering platform: events, training and the Volunteer's Path.",
        "body": "<p>Sign up for events, take the unified training programme, log your volunteer hours and "
        "join the Birgemiz national projects.</p>",
    },
}


def _home_fields(content: dict) -> dict:
    return {**content, "body": [("paragraph", RichText(content["body"]))]}


MEDIA_ACTIONS = ("add", "change", "choose")
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def locales_ensure() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def _root_page(default_locale: Locale) -> Page:
    root = Page.get_first_root_node()
    if root is None:
        # Transactional tests empty every table, the root page made by Wagtail's migration included.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=default_locale))
    return root


@transaction.atomic
def home_pages_ensure() -> HomePage:
    """The home page in the default language, its translations, and the Site pointing at it."""
    locales = locales_ensure()
    source_locale = locales[settings.LANGUAGE_CODE]
    root = _root_page(source_locale)
    # The placeholder page Wagtail's migration creates is not part of the site.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    home = HomePage.objects.filter(locale=source_locale).first()
    if home is None:
        content = _home_fields(HOME_CONTENT[settings.LANGUAGE_CODE])
        home = root.add_child(instance=HomePage(slug="home", locale=source_locale, **content))
        home.save_revision().publish()
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE or home.has_translation(locale):
            continue
        translation = home.copy_for_translation(locale)
        for field, value in _home_fields(HOME_CONTENT[code]).items():
            setattr(translation, field, value)
        translation.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Birgemiz"},
    )
    _editor_permissions_ensure(root)
    return home


def _editor_permissions_ensure(root: Page) -> None:
    """Editors write and submit pages for review; moderators also publish. Both upload and choose images and
    documents and translate pages. Editors also keep the stages of the Volunteer's Path (add and change; a
    stage is deactivated, not deleted). Granted here, not left to Wagtail's migrations, so that a database
    whose tables were emptied (transactional tests) gets them back with the page tree."""
    editors, _created = Group.objects.get_or_create(name="Editors")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    translate = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    media = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        codename__in=[f"{action}_{kind}" for action in MEDIA_ACTIONS for kind in ("image", "document")],
    )
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="volunteers", codename__in=["add_stage", "change_stage"]
        )
    )
    for group in (editors, moderators):
        group.permissions.add(access_admin, *translate)
        codenames = (
            EDITOR_PAGE_PERMISSIONS if group is moderators else ["add_page", "change_page", "lock_page"]
        )
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        for permission in media:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
