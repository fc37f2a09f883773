"""Recognition: the leaderboards of volunteers who opt in, and "Volunteer of the year" (roadmap items 36 and
46): coordinators nominate, every verified account votes once a year, the results show once the vote closes.

The database holds the rules that races could break (one nomination per volunteer and one vote per account a
year); the services check first so that the usual refusal is a clear message, and turn the constraint's
IntegrityError into the same message when two requests race past the check.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.errors import DomainError
from volunteers.audit import audit_log
from volunteers.models import (
    AwardRound,
    EntryStatus,
    LedgerEntry,
    Nomination,
    Organisation,
    VolunteerProfile,
    Vote,
)
from volunteers.permissions import organisations_managed_by, profiles_visible_to
from volunteers.services.stages import HOUR_KINDS

LEADERBOARD_SIZE = 50
LEADERBOARD_CACHE_SECONDS = 300
CITATION_MIN, CITATION_MAX = 20, 1000


class RecognitionError(DomainError):
    messages = {
        "no_profile": _("Complete your volunteer profile first."),
        "nominations_closed": _("Nominations for this round are closed: they end when the vote opens."),
        "not_your_organisation": _("Nominate on behalf of an organisation you coordinate."),
        "volunteer_unknown": _(
            "None of the volunteers you coordinate has this e-mail address or phone number."
        ),
        "nominate_self": _("You cannot nominate yourself."),
        "already_nominated": _("This volunteer is already nominated in this round."),
        "citation_length": _("Say why in %(min)s to %(max)s characters."),
        "nomination_withdrawn": _("This nomination has been withdrawn."),
        "withdraw_closed": _("The vote has closed: the nomination can no longer be withdrawn."),
        "voting_not_open": _("Voting has not opened yet."),
        "voting_closed": _("Voting has closed."),
        "unverified": _(
            "Confirm your e-mail address to vote: open the link in the message we sent you, or send a new "
            "one from your e-mail settings."
        ),
        "vote_self": _("You cannot vote for yourself."),
        "already_voted": _("You have already voted this year."),
    }


def short_name(first_name: str, last_name: str) -> str:
    """How a volunteer is named in public: "Aigerim S." — never the surname in full, never the e-mail."""
    first, last = (first_name or "").strip(), (last_name or "").strip()
    if not first:
        return last[:1] + "." if last else str(_("A volunteer"))
    return f"{first} {last[:1]}." if last else first


# --- Leaderboards ------------------------------------------------------------------------------------------


@dataclass
class LeaderboardRow:
    rank: int
    volunteer_id: int
    name: str
    region: object
    hours: Decimal
    stage: object


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


def leaderboard_totals(*, year: int, region=None, direction=None, limit: int = LEADERBOARD_SIZE) -> list:
    """[(volunteer id, verified hours)] of the `limit` volunteers with the most verified hours in `year`
    among those shown on the boards: one aggregate query. Corrections are entries too (a revoked credit is
    a negative one), so the sum is what the book says now; a filter by direction counts only the hours given
    in it."""
    start, end = _year_bounds(year)
    entries = LedgerEntry.objects.filter(
        status=EntryStatus.VERIFIED,
        kind__in=HOUR_KINDS,
        occurred_on__gte=start,
        occurred_on__lt=end,
        volunteer__is_active=True,
        volunteer__profile__leaderboard_opt_in=True,
        volunteer__profile__erased_at__isnull=True,
    )
    if region is not None:
        entries = entries.filter(volunteer__profile__region=region)
    if direction is not None:
        entries = entries.filter(direction=direction)
    totals = (
        entries.values("volunteer_id")
        .annotate(total=Sum("hours"))
        .filter(total__gt=0)
        .order_by("-total", "volunteer_id")[:limit]
    )
    return [(row["volunteer_id"], row["total"]) for row in totals]


def leaderboard(*, year: int, region=None, direction=None, cached: bool = True) -> list[LeaderboardRow]:
    """The board: ranks (equal hours, equal rank), public names, regions, hours and stages.

    The aggregate is cached for a few minutes (it reads a year of the book); who may be shown is read fresh
    on every call, so a volunteer who opts out or is erased leaves the boards at once."""
    key = f"recognition:leaderboard:{year}:{getattr(region, 'pk', '')}:{getattr(direction, 'pk', '')}"
    totals = cache.get(key) if cached else None
    if totals is None:
        totals = leaderboard_totals(year=year, region=region, direction=direction)
        if cached:
            cache.set(key, totals, LEADERBOARD_CACHE_SECONDS)
    if not totals:
        return []
    profiles = (
        VolunteerProfile.objects.active()
        .filter(leaderboard_opt_in=True, user_id__in=[volunteer_id for volunteer_id, _total in totals])
        .select_related("user", "region", "user__stage_standing__stage")
        .in_bulk()
    )
    rows: list[LeaderboardRow] = []
    for volunteer_id, hours in totals:
        profile = profiles.get(volunteer_id)
        if profile is None:
            continue
        rank = rows[-1].rank if rows and rows[-1].hours == hours else len(rows) + 1
        standing = getattr(profile.user, "stage_standing", None)
        rows.append(
            LeaderboardRow(
                rank=rank,
                volunteer_id=volunteer_id,
                name=short_name(profile.user.first_name, profile.user.last_name),
                region=profile.region,
                hours=hours,
                stage=standing.stage if standing is not None else None,
            )
        )
    return rows


@transaction.atomic
def leaderboard_opt_in_set(*, volunteer, opt_in: bool) -> bool:
    """Show or hide the volunteer on the leaderboards. Returns whether anything changed."""
    profile = VolunteerProfile.objects.active().select_for_update(of=("self",)).filter(user=volunteer).first()
    if profile is None:
        raise RecognitionError("no_profile")
    if profile.leaderboard_opt_in == opt_in:
        return False
    profile.leaderboard_opt_in = opt_in
    profile.save(update_fields=["leaderboard_opt_in", "updated_at"])
    audit_log(
        actor=volunteer,
        action="volunteers.leaderboard.opted_in" if opt_in else "volunteers.leaderboard.opted_out",
        subject=volunteer,
    )
    return True


# --- Volunteer of the year: nominations ---------------------------------------------------------------------


def citation_clean(citation: str) -> str:
    citation = (citation or "").strip()
    if not CITATION_MIN <= len(citation) <= CITATION_MAX:
        raise RecognitionError("citation_length", field="citation", min=CITATION_MIN, max=CITATION_MAX)
    return citation


def round_for_nominations(now=None) -> AwardRound | None:
    """The round that takes nominations now: the earliest whose vote has not opened."""
    now = now or timezone.now()
    return AwardRound.objects.filter(voting_opens_at__gt=now).order_by("voting_opens_at").first()


def nominations_managed_by(user):
    """The nominations made on behalf of the organisations `user` coordinates (all of them for an admin)."""
    return Nomination.objects.filter(organisation__in=organisations_managed_by(user))


@transaction.atomic
def nomination_create(*, actor, round: AwardRound, volunteer, organisation: Organisation, citation: str):
    award_round = round
    if not award_round.nominations_open():
        raise RecognitionError("nominations_closed")
    if organisation is None or not organisations_managed_by(actor).filter(pk=organisation.pk).exists():
        raise RecognitionError("not_your_organisation", field="organisation")
    if volunteer is None or not profiles_visible_to(actor).filter(user_id=volunteer.pk).exists():
        raise RecognitionError("volunteer_unknown", field="volunteer")
    if volunteer.pk == actor.pk:
        raise RecognitionError("nominate_self", field="volunteer")
    citation = citation_clean(citation)
    fields = {"organisation": organisation, "nominated_by": actor, "citation": citation, "withdrawn_at": None}
    withdrawn = (
        Nomination.objects.select_for_update()
        .filter(round=award_round, volunteer=volunteer, withdrawn_at__isnull=False)
        .first()
    )
    if withdrawn is not None:
        # Nominated again after a withdrawal: the one row a volunteer may have in a round comes back.
        for name, value in fields.items():
            setattr(withdrawn, name, value)
        withdrawn.save(update_fields=list(fields))
        nomination = withdrawn
    else:
        try:
            with transaction.atomic():
                nomination = Nomination.objects.create(round=award_round, volunteer=volunteer, **fields)
        except IntegrityError:
            raise RecognitionError("already_nominated", field="volunteer") from None
    audit_log(
        actor=actor,
        action="volunteers.nomination.created",
        subject=volunteer,
        nomination=nomination.pk,
        year=award_round.year,
        organisation=organisation.pk,
    )
    return nomination


@transaction.atomic
def nomination_withdraw(*, actor, nomination: Nomination) -> Nomination:
    """Withdraw a nomination until the vote closes. Votes cast for it go back to their voters, who may vote
    again. The row is locked: a vote being cast for it waits (its foreign key) and then sees it withdrawn."""
    nomination = (
        nominations_managed_by(actor)
        .select_for_update(of=("self",))
        .select_related("round", "volunteer")
        .filter(pk=nomination.pk)
        .first()
    )
    if nomination is None:
        raise RecognitionError("not_your_organisation")
    if nomination.withdrawn_at is not None:
        raise RecognitionError("nomination_withdrawn")
    if nomination.round.results_published():
        raise RecognitionError("withdraw_closed")
    nomination.withdrawn_at = timezone.now()
    nomination.save(update_fields=["withdrawn_at"])
    returned, _details = Vote.objects.filter(nomination=nomination).delete()
    audit_log(
        actor=actor,
        action="volunteers.nomination.withdrawn",
        subject=nomination.volunteer,
        nomination=nomination.pk,
        year=nomination.round.year,
        votes_returned=returned,
    )
    return nomination


def nominees(award_round: AwardRound):
    """The nominations the public sees: not withdrawn, of volunteers still on the platform; one query."""
    return (
        Nomination.objects.filter(
            round=award_round,
            withdrawn_at__isnull=True,
            volunteer__is_active=True,
            volunteer__profile__erased_at__isnull=True,
        )
        .select_related("volunteer", "volunteer__profile__region", "organisation")
        .order_by("volunteer__first_name", "volunteer__last_name", "pk")
    )


# --- Volunteer of the year: the vote ------------------------------------------------------------------------


def account_verified(user) -> bool:
    return user.is_authenticated and EmailAddress.objects.filter(user=user, verified=True).exists()


@transaction.atomic
def vote_cast(*, voter, nomination: Nomination) -> Vote:
    nomination = (
        Nomination.objects.select_related("round")
        .filter(pk=nomination.pk, volunteer__is_active=True, volunteer__profile__erased_at__isnull=True)
        .first()
    )
    if nomination is None or nomination.withdrawn_at is not None:
        raise RecognitionError("nomination_withdrawn")
    award_round = nomination.round
    if award_round.nominations_open():
        raise RecognitionError("voting_not_open")
    if award_round.results_published():
        raise RecognitionError("voting_closed")
    if not account_verified(voter):
        raise RecognitionError("unverified")
    if nomination.volunteer_id == voter.pk:
        raise RecognitionError("vote_self")
    if Vote.objects.filter(round=award_round, voter=voter).exists():
        raise RecognitionError("already_voted")
    # Lock, then re-check: a withdrawal holds the row while it returns the votes cast for it, so a vote waits
    # for it and then sees it withdrawn. (The foreign key cannot do this: Django's are checked at commit.)
    locked = Nomination.objects.select_for_update(no_key=True).filter(pk=nomination.pk).first()
    if locked is None or locked.withdrawn_at is not None:
        raise RecognitionError("nomination_withdrawn")
    try:
        with transaction.atomic():
            return Vote.objects.create(round=award_round, voter=voter, nomination=nomination)
    except IntegrityError:
        # Another request of the same voter got there first: the constraint is the rule.
        raise RecognitionError("already_voted") from None


def vote_of(*, voter, award_round: AwardRound) -> Vote | None:
    if not voter.is_authenticated:
        return None
    return Vote.objects.filter(round=award_round, voter=voter).select_related("nomination__volunteer").first()


@dataclass
class Results:
    rows: list = field(default_factory=list)  # [(nomination, votes)], most votes first
    winners: list = field(default_factory=list)
    total: int = 0


def round_results(round: AwardRound) -> Results | None:
    """The votes of each nominee, only once the vote has closed (None before). Two queries."""
    if not round.results_published():
        return None
    counts = dict(
        Vote.objects.filter(round=round)
        .values("nomination_id")
        .annotate(votes=Count("pk"))
        .values_list("nomination_id", "votes")
    )
    rows = sorted(
        ((nomination, counts.get(nomination.pk, 0)) for nomination in nominees(round)),
        key=lambda row: -row[1],
    )
    best = rows[0][1] if rows else 0
    return Results(
        rows=rows,
        winners=[nomination for nomination, votes in rows if best and votes == best],
        total=sum(votes for _nomination, votes in rows),
    )
