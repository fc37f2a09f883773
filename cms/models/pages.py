"""The site's page types. Kazakh is the source language; wagtail-localize keeps the ru and en translations.
A page not translated yet exists in the other languages as an alias of the source, and says so."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock, PartnerBlock, StoryBlock

PAGE_SIZE = 12
HOME_EVENTS = 3
HOME_NEWS = 3
CARD_IMAGE = "fill-480x270"  # the rendition a page's card shows
TAG_PATTERN = r"^[\w\s\-.]+$"  # letters of any alphabet, digits, spaces, hyphens and dots: no markup


class SitePage(Page):
    """What every page of the site shares: a lead image with its text alternative, and the note shown when
    the page is still an untranslated alias (cms.sitemaps lists every page with its other languages)."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("lead image"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    image_alt = models.CharField(
        _("text alternative of the lead image"), max_length=250, blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )  # fmt: skip

    image_panels = [MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Lead image"))]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})

    @property
    def untranslated(self) -> bool:
        """An alias of the source page stands in for a translation that has not been made yet."""
        return self.alias_of_id is not None


class HomePage(SitePage):
    """The site's home page, one per locale (kk is the source; ru and en are its translations)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        *SitePage.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ProjectIndexPage", "cms.NewsIndexPage", "cms.BestPracticeIndexPage", "cms.DaysOfActionPage",
        "cms.FaqPage", "cms.StandardPage", "cms.ContactPage", "cms.SilverProgrammePage",
        "training.ProgrammeIndexPage",
    ]  # fmt: skip
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """Figures, the next events, the Birgemiz projects and the latest news: a fixed number of queries,
        however many of each there are."""
        from cms.figures import site_figures
        from events.models import Event

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = site_figures()
        context["events"] = list(
            Event.objects.published().upcoming().for_cards().order_by("starts_at", "pk")[:HOME_EVENTS]
        )
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        context["projects"] = list(
            ProjectPage.objects.live()
            .filter(locale_id=self.locale_id)
            .select_related("direction")
            .prefetch_related(Prefetch("image", queryset=images))
            .order_by("path")
        )
        context["news"] = list(
            NewsPage.objects.live().filter(locale_id=self.locale_id).order_by("-date", "-pk")[:HOME_NEWS]
        )
        return context


class ProjectIndexPage(SitePage):
    """The Birgemiz national projects: lists its project pages."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Birgemiz projects page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = ProjectPage.objects.child_of(self).live().select_related("direction", "image")
        return context


class ProjectPage(SitePage):
    """One of the eight Birgemiz national projects; its events and courses are listed by its direction."""

    direction = models.ForeignKey(
        "volunteers.Direction", verbose_name=_("direction"), on_delete=models.PROTECT, related_name="+"
    )
    goal = models.TextField(_("goal"))
    volunteers_do = RichTextField(_("what volunteers do"), features=RICH_TEXT_FEATURES)
    partners = StreamField([("partner", PartnerBlock())], verbose_name=_("partner organisations"), blank=True)
    stories = StreamField([("story", StoryBlock())], verbose_name=_("stories"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("more about the project"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("direction"),
        FieldPanel("goal"),
        *SitePage.image_panels,
        FieldPanel("volunteers_do"),
        FieldPanel("partners"),
        FieldPanel("stories"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("goal"),
        index.SearchField("volunteers_do"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Birgemiz project page")

    def get_context(self, request, *args, **kwargs):
        from events.models import Event
        from training.models import CoursePage

        context = super().get_context(request, *args, **kwargs)
        context["events"] = list(
            Event.objects.published()
            .upcoming()
            .filter(direction_id=self.direction_id)
            .select_related("region", "direction")
            .order_by("starts_at", "pk")[:6]
        )
        context["courses"] = list(
            CoursePage.objects.live()
            .filter(locale_id=self.locale_id, direction_id=self.direction_id)
            .order_by("path")
        )
        return context


class NewsIndexPage(SitePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().select_related("image").order_by("-date", "-pk")
        tag = request.GET.get("tag", "").strip()
        if tag:
            news = news.filter(tags__name=tag)
        context["tag"] = tag
        context["page_obj"] = Paginator(news, PAGE_SIZE).get_page(request.GET.get("page"))
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


def _tags_check(tags) -> None:
    for tag in tags:
        name = getattr(tag, "name", tag)
        if not re.match(TAG_PATTERN, name) or len(name) > 50:
            raise ValidationError(
                {
                    "tags": _("“%(tag)s” cannot be a tag: use letters, digits, spaces and hyphens.")
                    % {"tag": name}
                }
            )


class NewsPageForm(WagtailAdminPageForm):
    def clean_tags(self):
        # The page's clean() cannot see tags typed into the form: they are checked here, next to the field.
        tags = self.cleaned_data["tags"]
        try:
            _tags_check(tags)
        except ValidationError as error:
            raise ValidationError(error.message_dict["tags"]) from None
        return tags


class NewsPage(SitePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = SitePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        *SitePage.image_panels,
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def clean(self):
        super().clean()
        _tags_check(self.tags.all())


class BestPracticeIndexPage(SitePage):
    """Best practices collected from the regions (roadmap item 47), filtered by region and direction."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.BestPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("best practices index")


class BestPracticePage(SitePage):
    region = models.ForeignKey(
        "volunteers.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    direction = models.ForeignKey(
        "volunteers.Direction", verbose_name=_("direction"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = SitePage.content_panels + [
        FieldPanel("region"),
        FieldPanel("direction"),
        FieldPanel("organisation"),
        FieldPanel("summary"),
        *SitePage.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.BestPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")


class DaysOfActionPage(SitePage):
    """The unified days of action (roadmap item 41) with this year's events of each."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("days of action page")


class FaqPage(SitePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("questions and answers"))

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("questions and answers page")


class StandardPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        *SitePage.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.FaqPage"]

    class Meta:
        verbose_name = _("standard page")


class ContactPage(SitePage):
    """The contacts from the site settings, with the editors' text around them."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")


SILVER_EVENTS = 6
SILVER_CLUBS = 6


class SilverProgrammePage(SitePage):
    """Silver volunteering (roadmap items 25-26): the editors' text, and what the page adds itself: three ways
    to join for people who rarely use the web, the upcoming events suited to silver volunteers, the craft
    clubs and the programme's figures.

    Anonymous visitors get this page from the page cache (cms.cache), so what it shows them is the same for
    everyone; the front office of the visitor's region is chosen with `?region=` (part of the cached URL), or
    from the profile of a signed-in volunteer, whose pages are never cached."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        *SitePage.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("silver volunteering page")

    def get_context(self, request, *args, **kwargs):
        """A fixed number of queries, however many events, clubs and front offices there are."""
        from events.models import Event
        from volunteers.clubs.figures import programme_figures
        from volunteers.clubs.models import Club

        context = super().get_context(request, *args, **kwargs)
        context["events"] = list(
            Event.objects.published()
            .upcoming()
            .filter(silver_friendly=True)
            .for_cards()
            .order_by("starts_at", "pk")[:SILVER_EVENTS]
        )
        clubs = list(
            Club.objects.public()
            .filter(ends_on__gte=timezone.localdate())
            .select_related("craft", "region")
            .order_by("starts_on", "pk")[:SILVER_CLUBS]
        )
        for club in clubs:
            club.url = reverse("clubs:club_detail", args=[club.pk])
        context["clubs"] = clubs
        context["clubs_catalogue_url"] = reverse("clubs:catalogue")
        context["master_declare_url"] = reverse("clubs:master_declare")
        context["figures"] = programme_figures()
        context["silver_age"] = settings.VOLUNTEERS_SILVER_AGE
        context.update(self._front_offices(request))
        return context

    @staticmethod
    def _front_offices(request) -> dict:
        """The regional front offices with their contacts (one query), and the visitor's among them: the
        region asked for in the address, else the signed-in volunteer's."""
        from volunteers.models import Organisation, OrganisationKind

        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        offices = sorted(
            Organisation.objects.filter(kind=OrganisationKind.REGIONAL_FRONT_OFFICE).select_related("region"),
            key=lambda office: office.region.name.in_language(language).casefold(),
        )
        wanted = request.GET.get("region", "").strip().upper()
        mine = next((office for office in offices if office.region.iso_code == wanted), None)
        user = getattr(request, "user", None)
        if mine is None and not wanted and user is not None and user.is_authenticated:
            profile = getattr(user, "profile", None)
            region_id = profile.region_id if profile is not None else None
            mine = next((office for office in offices if office.region_id == region_id), None)
        return {"front_offices": offices, "my_front_office": mine, "region_asked": wanted}
