"""The programme's page types: its index, a course and a lesson. Kazakh is the source; wagtail-localize keeps
the ru and en translations. A course is known to the learning records by its translation key, so progress and
certificates belong to the course in every language."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from config.blocks import RICH_TEXT_FEATURES
from training.blocks import LessonBlock


class Level(models.TextChoices):
    STARTER = "starter", _("Starter")
    CORE = "core", _("Core")
    ADVANCED = "advanced", _("Advanced")


class Qualification(models.TextChoices):
    """What holding a course's certificate qualifies a volunteer for, beyond events that name the course."""

    NONE = "", _("Nothing beyond the course itself")
    SAFEGUARDING = "safeguarding", _("Mentoring children and youth (Sabaqtastyq)")
    EMERGENCY = "emergency", _("Coordinating in emergencies")


class ProgrammeIndexPage(Page):
    """The unified training programme: every course, by direction and level."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["training.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training programme")

    def get_context(self, request, *args, **kwargs):
        from training.views.programme import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(request, index=self))
        return context


class CoursePage(Page):
    direction = models.ForeignKey(
        "volunteers.Direction", verbose_name=_("direction"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text=_("Leave empty for a course that serves every direction."),
    )  # fmt: skip
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.STARTER)
    summary = models.TextField(_("summary"), max_length=600)
    duration_minutes = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(6000)]
    )
    outcomes = RichTextField(
        _("learning outcomes"), features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What a volunteer can do after the course, one point per line of a list."),
    )  # fmt: skip
    prerequisites = ParentalManyToManyField(
        "training.CoursePage", verbose_name=_("prerequisites"), blank=True, related_name="+",
        help_text=_("Courses whose valid certificate a volunteer needs before enrolling."),
    )  # fmt: skip
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"), default=24, validators=[MaxValueValidator(120)],
        help_text=_("0: the certificate does not expire."),
    )  # fmt: skip
    minors_allowed = models.BooleanField(_("open to volunteers under 18"), default=True)
    attempts_limit = models.PositiveSmallIntegerField(
        _("failed quiz attempts before a pause"), default=3, validators=[MaxValueValidator(50)],
        help_text=_("0: no limit."),
    )  # fmt: skip
    cooldown_hours = models.PositiveSmallIntegerField(
        _("pause after the failed attempts (hours)"), default=24, validators=[MaxValueValidator(24 * 30)]
    )
    qualification = models.CharField(
        _("qualifies for"), max_length=20, choices=Qualification.choices, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("direction"), FieldPanel("level"), FieldPanel("duration_minutes")],
            heading=_("Place in the programme"),
        ),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [FieldPanel("prerequisites"), FieldPanel("minors_allowed"), FieldPanel("qualification")],
            heading=_("Who may take it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_limit"),
                FieldPanel("cooldown_hours"),
                FieldPanel("validity_months"),
            ],
            heading=_("Quizzes and certificate"),
        ),  # fmt: skip
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("outcomes")]
    parent_page_types = ["training.ProgrammeIndexPage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        if self.pk and self.prerequisites.filter(translation_key=self.translation_key).exists():
            raise ValidationError({"prerequisites": _("A course cannot be its own prerequisite.")})

    @property
    def course_key(self):
        return self.translation_key

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from training.views.programme import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request, course=self))
        return context


class LessonPage(Page):
    duration_minutes = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    body = StreamField(LessonBlock(), verbose_name=_("lesson"))

    content_panels = Page.content_panels + [FieldPanel("duration_minutes"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["training.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    def course(self) -> CoursePage:
        return CoursePage.objects.parent_of(self).first()

    def quizzes(self) -> list:
        """The lesson's quiz blocks, as (block id, value)."""
        return [(block.id, block.value) for block in self.body if block.block_type == "quiz"]

    def serve(self, request, *args, **kwargs):
        course = self.get_parent().specific
        if not course.live:  # a lesson outlives its course only as a draft would: not at all
            raise Http404
        request.training_course = course
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from training.views.programme import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, lesson=self, course=getattr(request, "training_course", None)))
        return context
