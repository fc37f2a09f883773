"""The blocks of a lesson: text, images, video, documents, callouts and quizzes.

A quiz's questions and choices keep their block ids in every language (wagtail-localize translates the text
and keeps the structure), so an attempt is scored the same whichever language it was taken in, and the ids a
browser sends back are checked against the page, never trusted.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from config.blocks import RICH_TEXT_FEATURES, HeadingBlock, ImageBlock, VideoBlock


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        label = _("Document")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("note", _("Note")), ("important", _("Important")), ("safety", _("Safety"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        label = _("Callout")


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("right answer"), required=False)


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("question"), max_length=500)
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            (QuestionKind.SINGLE, _("One right answer")),
            (QuestionKind.MULTIPLE, _("Several right answers")),
        ],
        default=QuestionKind.SINGLE,
    )
    choices = blocks.ListBlock(ChoiceBlock(), label=_("answers"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("explanation"), required=False, help_text=_("Shown after the answer is submitted.")
    )

    def clean(self, value):
        value = super().clean(value)
        right = sum(1 for choice in value["choices"] if choice["correct"])
        if right == 0:
            raise blocks.StructBlockValidationError({"choices": ValidationError(_("Mark the right answer."))})
        if value["kind"] == QuestionKind.SINGLE and right > 1:
            raise blocks.StructBlockValidationError(
                {"choices": ValidationError(_("A question with one right answer has only one marked."))}
            )
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1, max_num=30)

    class Meta:
        icon = "tasks"
        template = "blocks/quiz.html"
        label = _("Quiz")
        description = _("Questions scored on the server; the course's pass mark applies")


class LessonBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph.html"
    )
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quiz = QuizBlock()
