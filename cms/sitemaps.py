from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    """Every live public page of every language, each with the alternates of all its languages.

    Wagtail's own sitemap walks only the site's root page, the Kazakh home: the Russian and English trees are
    its siblings, not its descendants. The alternates are grouped here from the pages listed, in one pass,
    instead of a query per page (a sitemap page holds 50,000 addresses: far more than this site has)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = root.get_translations(inclusive=True).only("path")
        in_a_home = Q()
        for home in homes:
            in_a_home |= Q(path__startswith=home.path)
        return Page.objects.filter(in_a_home).live().public().order_by("path").select_related("locale")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {page.pk: page.get_full_url(self.request) for page in pages}
        by_key = defaultdict(list)
        for item in pages:
            if locations[item.pk]:
                by_key[item.translation_key].append(
                    {"lang_code": item.locale.language_code, "location": locations[item.pk]}
                )
        urls = []
        for item in pages:
            if not locations[item.pk]:
                continue
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": by_key[item.translation_key],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
