"""What editors set once per site: the contacts, the social links, the main menu and the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from config.i18n import TranslatedField

SOCIAL_NETWORKS = [
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("telegram", "Telegram"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("x", "X"),
    ("vk", "VK"),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"


class MenuLinkBlock(blocks.StructBlock):
    """A page of the site; its title is shown in the visitor's language (the page's translation)."""

    page = blocks.PageChooserBlock(label=_("page"))

    class Meta:
        icon = "doc-empty"
        label = _("Page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    address = TranslatedField(_("address"), blank=True)
    hours = TranslatedField(_("opening hours"), blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("social networks"), blank=True)

    panels = [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address"), FieldPanel("hours"),
              FieldPanel("social_links")]  # fmt: skip

    class Meta:
        verbose_name = _("contacts and social networks")


@register_setting(icon="list-ul")
class Navigation(BaseSiteSetting):
    main_menu = StreamField([("page", MenuLinkBlock())], verbose_name=_("main menu"), blank=True)
    footer_links = StreamField([("page", MenuLinkBlock())], verbose_name=_("footer links"), blank=True)
    footer_text = TranslatedField(_("footer text"), blank=True)

    panels = [FieldPanel("main_menu"), FieldPanel("footer_links"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = _("menus and footer")
