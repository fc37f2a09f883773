from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


def _page_urls(page: Page, request) -> dict[str, str]:
    translations = Page.objects.filter(translation_key=page.translation_key, live=True).select_related(
        "locale"
    )
    return {p.locale.language_code: p.get_url(request) for p in translations}


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every language, for the switcher and the hreflang alternates.

    A CMS page links to its own translation (slugs differ per language); where none exists yet the link
    goes to that language's home page. Any other page keeps its path under the other language's prefix.
    """
    request = context["request"]
    page = context.get("page")
    page_urls = _page_urls(page, request) if isinstance(page, Page) else {}
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = page_urls.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    return context["request"].build_absolute_uri(url)


@register.simple_tag
def translated(value) -> dict:
    """`{% translated event.title as title %}`: the text in the visitor's language, or in the language it
    falls back to, with `lang` to mark it up and `fallback` true when it is not the visitor's language."""
    text, language = value.resolve() if hasattr(value, "resolve") else (str(value or ""), None)
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    names = dict(settings.LANGUAGES)
    return {
        "text": text,
        "lang": language or current,
        "fallback": language is not None and language != current,
        "language_name": names.get(language, ""),
    }
