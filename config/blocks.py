"""Blocks that every StreamField of the site may use (the CMS pages and the training programme's lessons).
Each has its template under templates/blocks/."""

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
