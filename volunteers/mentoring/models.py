"""Mentoring: mentors and their background checks, mentees registered by their centre, match runs, pairs
(mentorships) through their lifecycle, and the meetings whose hours reach the mentor's volunteer book.

Mentees are children and youth: the least data that serves a match (a first name or initials, the year of
birth, gender, languages, interests, needs), seen only by their centre's coordinators and admins.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from volunteers.models import Gender


class Pool(models.TextChoices):
    CHILDREN = "children", _("Children and youth (Sabaqtastyq)")
    NEWCOMERS = "newcomers", _("Newcomers to volunteering")
    HOME_VISITS = "home_visits", _("Home visits with a social worker (Qamqor)")


class Interest(models.TextChoices):
    SPORT = "sport", _("Sport")
    MUSIC = "music", _("Music")
    ART = "art", _("Drawing and art")
    READING = "reading", _("Reading and books")
    SCIENCE = "science", _("Science and mathematics")
    COMPUTERS = "computers", _("Computers and programming")
    LANGUAGES = "languages", _("Foreign languages")
    CRAFTS = "crafts", _("Crafts")
    NATURE = "nature", _("Nature and animals")
    COOKING = "cooking", _("Cooking")
    GAMES = "games", _("Chess and board games")
    HISTORY = "history", _("History and local lore")
    DANCE = "dance", _("Dance and theatre")


class Need(models.TextChoices):
    SCHOOLWORK = "schoolwork", _("Help with schoolwork")
    CAREER = "career", _("Choosing a profession and further study")
    LIFE_SKILLS = "life_skills", _("Everyday life skills")
    CONFIDENCE = "confidence", _("Confidence and communication")
    LANGUAGE = "language", _("Learning a language")
    LEISURE = "leisure", _("Leisure and hobbies")
    INDEPENDENT_LIVING = "independent_living", _("Preparing for independent living")
    FIRST_STEPS = "first_steps", _("First steps in volunteering")
    HOME_HELP = "home_help", _("Help at home for the people a social worker visits")


class GenderRule(models.TextChoices):
    ANY = "any", _("Any mentor")
    SAME = "same", _("A mentor of the mentee's gender")


class MentorStatus(models.TextChoices):
    APPLIED = "applied", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Mentor(models.Model):
    """A volunteer's application to mentor, and once approved, their standing offer."""

    volunteer = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="mentor",
        verbose_name=_("volunteer"),
    )  # fmt: skip
    # The organisation whose coordinators review the application (a centre, a front office).
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.PROTECT, related_name="mentors",
        verbose_name=_("organisation"),
    )  # fmt: skip
    pools = models.JSONField(_("who I would mentor"), default=list)
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    district = models.CharField(_("district or town"), max_length=100, blank=True)
    capacity = models.PositiveSmallIntegerField(_("how many mentees at a time"), default=1)
    languages = models.JSONField(_("languages"), default=list)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    motivation = models.TextField(_("why I want to mentor"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MentorStatus.choices, default=MentorStatus.APPLIED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)
    applied_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["-applied_at"]
        indexes = [models.Index(fields=["region", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1) & Q(capacity__lte=10), name="mentor_capacity_1_to_10"
            )
        ]

    def __str__(self) -> str:
        return str(self.volunteer)


class BackgroundCheck(models.Model):
    """A coordinator saw the mentor's certificate of no criminal record and says so: the platform keeps the
    verification, the certificate's dates and number, never a scan of it or of an identity document."""

    mentor = models.ForeignKey(
        Mentor, on_delete=models.CASCADE, related_name="checks", verbose_name=_("mentor")
    )
    reference = models.CharField(_("certificate number"), max_length=40, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("valid until"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("verified by"),
    )  # fmt: skip
    verified_at = models.DateTimeField(_("verified at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("revoked by"),
    )  # fmt: skip
    revoke_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("background check")
        verbose_name_plural = _("background checks")
        ordering = ["-expires_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")), name="background_check_expires_after_issue"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mentor_id}: {self.issued_on}–{self.expires_on}"


class CentreRules(models.Model):
    """A centre's settings for matching and follow-up."""

    organisation = models.OneToOneField(
        "volunteers.Organisation", on_delete=models.CASCADE, primary_key=True, related_name="mentoring_rules",
        verbose_name=_("organisation"),
    )  # fmt: skip
    district = models.CharField(_("district or town"), max_length=100, blank=True)
    gender_rule = models.CharField(
        _("gender rule"), max_length=4, choices=GenderRule.choices, default=GenderRule.ANY
    )
    min_age_gap = models.PositiveSmallIntegerField(
        _("mentor at least this many years older"), null=True, blank=True
    )
    max_age_gap = models.PositiveSmallIntegerField(
        _("mentor at most this many years older"), null=True, blank=True
    )
    reminder_weeks = models.PositiveSmallIntegerField(
        _("remind after this many weeks without a meeting"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("centre's mentoring rules")
        verbose_name_plural = _("centres' mentoring rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_age_gap__isnull=True)
                | Q(max_age_gap__isnull=True)
                | Q(max_age_gap__gte=models.F("min_age_gap")),
                name="centre_age_gap_bounds_ordered",
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Mentee(models.Model):
    """A child or young person a centre registers for a mentor; a newcomer volunteer; or, in the Qamqor
    pool, a social worker who wants two volunteers for home visits."""

    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.PROTECT, related_name="mentees",
        verbose_name=_("centre"),
    )  # fmt: skip
    pool = models.CharField(_("programme"), max_length=12, choices=Pool.choices, default=Pool.CHILDREN)
    # The account of a newcomer or of a social worker; children have none.
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("account"),
    )  # fmt: skip
    name = models.CharField(_("first name or initials"), max_length=40)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    languages = models.JSONField(_("languages"), default=list)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    demand = models.PositiveSmallIntegerField(_("mentors wanted"), default=1)
    note = models.CharField(
        _("note for the match"), max_length=300, blank=True,
        help_text=_("What helps to find a mentor. No health, family or case details."),
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("registered by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentee")
        verbose_name_plural = _("mentees")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["organisation", "pool"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(demand__gte=1) & Q(demand__lte=5), name="mentee_demand_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def age(self, on) -> int | None:
        """The age reached in the year of `on`: a child's record keeps only the year of birth."""
        return on.year - self.birth_year if self.birth_year else None


class MatchMode(models.TextChoices):
    OPTIMAL = "optimal", _("Best total compatibility")
    STABLE = "stable", _("Stable (deferred acceptance)")


class MatchRunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class MatchRun(models.Model):
    """One run of the engine over a centre's (or a region's) unmatched mentees; its result is proposals."""

    pool = models.CharField(_("programme"), max_length=12, choices=Pool.choices)
    mode = models.CharField(_("mode"), max_length=8, choices=MatchMode.choices, default=MatchMode.OPTIMAL)
    # A centre's run has the centre; a region's run covers the centres in `region` its author coordinates.
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("centre"),
    )  # fmt: skip
    region = models.ForeignKey(
        "volunteers.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    start_on = models.DateField(_("start date"))
    status = models.CharField(
        _("status"), max_length=8, choices=MatchRunStatus.choices, default=MatchRunStatus.RUNNING
    )
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("run by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("match run")
        verbose_name_plural = _("match runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_pool_display()} {self.created_at:%Y-%m-%d %H:%M}"


class MentorshipStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    REJECTED = "rejected", _("Rejected")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


OPEN_STATUSES = (MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED)
# What takes a mentor's place and a mentee's demand: a proposal does not until it is approved.
HELD_STATUSES = (MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED)


class EndReason(models.TextChoices):
    GOAL_REACHED = "goal_reached", _("The goals were reached")
    MENTEE_LEFT = "mentee_left", _("The mentee left the centre or the programme")
    MENTOR_UNAVAILABLE = "mentor_unavailable", _("The mentor can no longer take part")
    NOT_A_FIT = "not_a_fit", _("The pair did not work out")
    SAFEGUARDING = "safeguarding", _("A safeguarding concern")
    ELIGIBILITY = "eligibility", _("The mentor's check or certificate lapsed")
    OTHER = "other", _("Another reason")


class Mentorship(models.Model):
    """A pair: proposed by a match run (or by a coordinator's swap), then approved (active), paused, ended."""

    pool = models.CharField(_("programme"), max_length=12, choices=Pool.choices)
    mentee = models.ForeignKey(
        Mentee, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("mentee")
    )
    mentor = models.ForeignKey(
        Mentor, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("mentor")
    )
    organisation = models.ForeignKey(
        "volunteers.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("centre")
    )
    run = models.ForeignKey(
        MatchRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals",
        verbose_name=_("match run"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=MentorshipStatus.choices, default=MentorshipStatus.PROPOSED
    )
    score = models.PositiveSmallIntegerField(_("compatibility"), default=0)
    reasons = models.JSONField(_("why this pair"), default=dict, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("proposed by"),
    )  # fmt: skip
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    paused_at = models.DateTimeField(_("paused at"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=20, choices=EndReason.choices, blank=True)
    end_note = models.CharField(_("note"), max_length=300, blank=True)
    # The last meeting's date (or None): the dashboard's "at risk" and the reminders read it without a scan.
    last_meeting_on = models.DateField(_("last meeting"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-proposed_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["mentor", "status"]),
            models.Index(fields=["status", "last_meeting_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "mentor"],
                condition=Q(status__in=["proposed", "active", "paused"]),
                name="one_open_mentorship_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(status="ended") | ~Q(end_reason=""), name="ended_mentorship_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor_id} → {self.mentee_id} ({self.status})"


class Meeting(models.Model):
    """A meeting the mentor logs; once the coordinator acknowledges it, its hours reach the volunteer book."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("mentorship")
    )
    occurred_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("duration, minutes"))
    topic = models.CharField(_("topic"), max_length=200)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("logged by"),
    )  # fmt: skip
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("acknowledged by"),
    )  # fmt: skip
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=24 * 60), name="meeting_at_most_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.minutes} min"

    @property
    def ledger_source(self) -> str:
        return f"mentoring.meeting:{self.pk}"
