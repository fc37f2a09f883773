"""Learning records. Each is keyed by the course's (and lesson's) translation key, not by one language's page,
so switching language keeps a volunteer's progress, attempts and certificates."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedField

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are read aloud and typed
CODE_LENGTH = 10


def certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE,
        related_name="enrolments",
    )  # fmt: skip
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    # A renewal starts a new round: quizzes must be passed again after it.
    round_started_at = models.DateTimeField(_("round started"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # Lessons complete in this round, out of the lessons the course has; kept for lists and figures.
    lessons_done = models.PositiveSmallIntegerField(default=0)
    lessons_total = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="enrolment_once")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.course_key}"

    @property
    def percent(self) -> int:
        if self.completed_at is not None:
            return 100
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0


class LessonProgress(models.Model):
    """A lesson read in a round of an enrolment (its quizzes are passed separately)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lessons_read")
    lesson_key = models.UUIDField()
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson_key"], name="lesson_read_once"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.lesson_key}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    lesson_key = models.UUIDField()
    quiz_id = models.CharField(max_length=64)
    # One form, one attempt: the form carries this token, so submitting it twice records it once.
    token = models.CharField(max_length=64)
    answers = models.JSONField(default=dict)  # {question id: [choice ids]}
    results = models.JSONField(default=dict)  # {question id: right?}
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField()  # per cent
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "token"], name="attempt_token_once"),
            models.CheckConstraint(
                condition=Q(correct__lte=models.F("total")), name="attempt_correct_le_total"
            ),
            models.CheckConstraint(condition=Q(score__lte=100), name="attempt_score_le_100"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.quiz_id} {self.score}%"


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=day), issued_on__lte=day, revoked_at__isnull=True
        )


class Certificate(models.Model):
    class State(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE,
        related_name="certificates",
    )  # fmt: skip
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="certificates")
    course_key = models.UUIDField(_("course"), db_index=True)
    code = models.CharField(_("code"), max_length=16, unique=True, default=certificate_code)
    # What the verification page shows, as it was when the certificate was issued.
    holder_name = models.CharField(_("name"), max_length=300)
    course_title = TranslatedField(_("course"))
    issued_on = models.DateField(_("issued"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)  # the e-mail a month before expiry

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_on", "-pk"]
        indexes = [
            models.Index(fields=["user", "course_key", "expires_on"]),
            # The course page's count of holders reads this index alone.
            models.Index(
                fields=["course_key", "user"], condition=Q(revoked_at__isnull=True),
                name="certificate_course_holders",
            ),
            # The figures' courses completed in a period (training.figures) read this index, not every row.
            models.Index(
                fields=["issued_on", "course_key"], condition=Q(revoked_at__isnull=True),
                name="certificate_issued_on",
            ),
        ]  # fmt: skip
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def state(self, day) -> str:
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_on is not None and self.expires_on < day:
            return self.State.EXPIRED
        return self.State.VALID
