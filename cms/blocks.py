"""The StreamField blocks every page type shares. Each has its template under templates/blocks/.

Text inside blocks (alt text, captions, quotes) is translated with the page by wagtail-localize, so a
required field here is required in every language the page is published in.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]

VIDEO_PATTERNS = [
    # (pattern of a page address, embed address). Only these two hosts, through their privacy modes; the
    # embed address is computed here, so showing a video asks no one on the server side. These two hosts are
    # the CSP's frame-src in config/settings/base.py.
    (re.compile(r"^https?://(?:www\.)?(?:youtube\.com/watch\?(?:.*&)?v=|youtu\.be/)([\w-]{11})"),
     "https://www.youtube-nocookie.com/embed/{}"),
    (re.compile(r"^https?://(?:www\.)?vimeo\.com/(\d+)"), "https://player.vimeo.com/video/{}?dnt=1"),
]  # fmt: skip


def video_embed_url(url: str) -> str | None:
    for pattern, embed in VIDEO_PATTERNS:
        match = pattern.match(url or "")
        if match:
            return embed.format(match.group(1))
    return None


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("Heading")), ("h3", _("Subheading"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A heading that starts a section of the page")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("text alternative"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Written in the page's language."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("An image with its text alternative and an optional caption")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)
    button = blocks.CharBlock(label=_("button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.CharBlock(
        label=_("or an address"),
        max_length=300,
        required=False,
        help_text=_("A path on this site (/kk/events/) or a full https:// address."),
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if not value.get("page") and not url:
            raise blocks.StructBlockValidationError(
                {"page": ValidationError(_("Choose a page or give an address."))}
            )
        if url and not (url.startswith("/") or url.startswith("https://")):
            raise blocks.StructBlockValidationError(
                {"url": ValidationError(_("Give a path that starts with / or an https:// address."))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("video address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("title"), max_length=200, help_text=_("Read out by screen readers."))
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value.get("url")) is None:
            raise blocks.StructBlockValidationError(
                {"url": ValidationError(_("Give the address of a YouTube or Vimeo video."))}
            )
        return value


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=30)
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)


class FiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    figures = blocks.ListBlock(FigureBlock(), label=_("figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/figures.html"
        label = _("Figures")


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("question or title"), max_length=250)
    body = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        label = _("Accordion")
        description = _("Questions and answers, or sections that open one by one")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    figures = FiguresBlock()
    accordion = AccordionBlock()


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    url = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "group"
        label = _("Partner organisation")


class StoryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    person = blocks.CharBlock(label=_("whose story"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("story"), features=RICH_TEXT_FEATURES)
    image = ImageChooserBlock(label=_("image"), required=False)
    alt = blocks.CharBlock(label=_("text alternative of the image"), max_length=250, required=False)

    class Meta:
        icon = "user"
        template = "blocks/story.html"
        label = _("Story")

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("alt") or "").strip():
            raise blocks.StructBlockValidationError(
                {"alt": ValidationError(_("Describe the image for people who cannot see it."))}
            )
        return value
