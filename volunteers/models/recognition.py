"""Recognition: "Volunteer of the year" rounds, coordinators' nominations and the public vote (one vote per
verified account per year, which the database holds to)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AwardRoundQuerySet(models.QuerySet):
    def voting_open(self, now=None):
        now = now or timezone.now()
        return self.filter(voting_opens_at__lte=now, voting_closes_at__gt=now)


class AwardRound(models.Model):
    """One year's "Volunteer of the year": nominations until the vote opens, results once it closes."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    voting_opens_at = models.DateTimeField(_("voting opens"))
    voting_closes_at = models.DateTimeField(_("voting closes"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("Volunteer of the year round")
        verbose_name_plural = _("Volunteer of the year rounds")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(voting_closes_at__gt=F("voting_opens_at")),
                name="award_round_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return str(self.year)

    def nominations_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.voting_opens_at

    def voting_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.voting_opens_at <= now < self.voting_closes_at

    def results_published(self, now=None) -> bool:
        return (now or timezone.now()) >= self.voting_closes_at


class Nomination(models.Model):
    round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="nominations")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nominations",
        verbose_name=_("volunteer"),
    )  # fmt: skip
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    citation = models.TextField(_("why"), max_length=1000)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["round", "volunteer"], name="nominated_once_a_year")]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.volunteer_id}"


class Vote(models.Model):
    round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["round", "voter"], name="one_vote_a_year")]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.voter_id} → {self.nomination_id}"
