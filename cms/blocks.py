"""The StreamField blocks every page type shares. Each has its template under templates/blocks/.

Text inside blocks (alt text, captions, quotes) is translated with the page by wagtail-localize, so a
required field here is required in every language the page is published in.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from config.blocks import (
    RICH_TEXT_FEATURES,
    HeadingBlock,
    ImageBlock,
    QuoteBlock,
    VideoBlock,
)


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
