"""Incentives partners offer volunteers (a university's social student credit, a museum's free entry): the
coordinators of the partner organisation list, change and unlist them; the public catalogue reads them.

One gate, `incentives_managed_by(user)`: the incentives of the organisations the user manages (all of them for
a superuser). Every write goes through it, so another organisation's incentive is "not found", never changed.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from config.errors import DomainError
from config.i18n import TranslatedText, language_codes
from volunteers.audit import audit_log
from volunteers.models import Incentive, Region, Stage, StageStanding
from volunteers.permissions import organisations_managed_by
from volunteers.services.stages import book_figures

MAX_HOURS = Decimal(5000)


class IncentiveError(DomainError):
    messages = {
        "unknown": _("This incentive is not one of your organisations'."),
        "organisation": _("Choose one of the organisations you coordinate."),
        "title": _("Give the title in at least one language."),
        "reward": _("Say what the volunteer receives, in at least one language."),
        "hours": _("Give the hours as a number from 0 to %(max)s."),
        "stage": _("Choose one of the stages of the path, or none."),
        "region": _("Choose a region, or leave it empty for the whole country."),
    }


def incentives_managed_by(user) -> QuerySet[Incentive]:
    """The incentives this user may change: those of the organisations they manage."""
    return Incentive.objects.filter(organisation__in=organisations_managed_by(user))


@dataclass
class IncentiveData:
    organisation: object
    title: dict
    reward: dict
    description: dict | None = None
    hours_required: Decimal | int | str = Decimal(0)
    stage_required: Stage | None = None
    region: Region | None = None
    url: str = ""


def _texts(value) -> TranslatedText:
    value = value or {}
    return TranslatedText(
        {code: value[code].strip() for code in language_codes() if (value.get(code) or "").strip()}
    )


def _cleaned(*, actor, data: IncentiveData) -> dict:
    """The fields to write, or the first rule `data` breaks (with the field it belongs to)."""
    if (
        data.organisation is None
        or not organisations_managed_by(actor).filter(pk=data.organisation.pk).exists()
    ):
        raise IncentiveError("organisation", field="organisation")
    title, reward = _texts(data.title), _texts(data.reward)
    if not title:
        raise IncentiveError("title", field="title")
    if not reward:
        raise IncentiveError("reward", field="reward")
    try:
        hours = Decimal(str(data.hours_required).replace(",", ".")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise IncentiveError("hours", field="hours_required", max=MAX_HOURS) from None
    if not hours.is_finite() or hours < 0 or hours > MAX_HOURS:
        raise IncentiveError("hours", field="hours_required", max=MAX_HOURS)
    stage = data.stage_required
    if stage is not None and not Stage.objects.active().filter(pk=stage.pk).exists():
        raise IncentiveError("stage", field="stage_required")
    if data.region is not None and not Region.objects.filter(pk=data.region.pk).exists():
        raise IncentiveError("region", field="region")
    return {
        "organisation": data.organisation,
        "title": title,
        "description": _texts(data.description),
        "reward": reward,
        "hours_required": hours,
        "stage_required": stage,
        "region": data.region,
        "url": (data.url or "").strip(),
    }


def _summary(incentive: Incentive) -> dict:
    return {
        "incentive": incentive.pk,
        "organisation": incentive.organisation_id,
        "hours_required": str(incentive.hours_required),
        "stage_required": incentive.stage_required_id,
        "region": incentive.region_id,
        "active": incentive.active,
    }


@transaction.atomic
def incentive_create(*, actor, data: IncentiveData) -> Incentive:
    incentive = Incentive.objects.create(**_cleaned(actor=actor, data=data), created_by=actor)
    audit_log(actor=actor, action="volunteers.incentive.created", **_summary(incentive))
    return incentive


def _locked(*, actor, incentive_id) -> Incentive:
    incentive = incentives_managed_by(actor).select_for_update().filter(pk=incentive_id).first()
    if incentive is None:
        raise IncentiveError("unknown")
    return incentive


@transaction.atomic
def incentive_update(*, actor, incentive_id: int, data: IncentiveData) -> Incentive:
    """Change an incentive of one of the actor's organisations (it may move to another one they manage)."""
    incentive = _locked(actor=actor, incentive_id=incentive_id)
    fields = _cleaned(actor=actor, data=data)
    before = _summary(incentive)
    for name, value in fields.items():
        setattr(incentive, name, value)
    incentive.save(update_fields=list(fields))
    audit_log(actor=actor, action="volunteers.incentive.changed", before=before, **_summary(incentive))
    return incentive


@transaction.atomic
def incentive_unlist(*, actor, incentive_id: int, listed: bool = False) -> Incentive:
    """Take the incentive out of the catalogue (or, with listed=True, put it back). Repeating it changes
    nothing and writes no second audit entry."""
    incentive = _locked(actor=actor, incentive_id=incentive_id)
    if incentive.active != listed:
        incentive.active = listed
        incentive.save(update_fields=["active"])
        action = "volunteers.incentive.listed" if listed else "volunteers.incentive.unlisted"
        audit_log(actor=actor, action=action, **_summary(incentive))
    return incentive


# --- The catalogue ------------------------------------------------------------------------------------------


def incentives_listed(*, region: Region | None = None) -> QuerySet[Incentive]:
    """Listed incentives with what a card shows (one query a page); in a region: its own and the national
    ones."""
    incentives = Incentive.objects.active().select_related("organisation", "stage_required", "region")
    if region is not None:
        incentives = incentives.filter(Q(region__isnull=True) | Q(region=region))
    return incentives.order_by("hours_required", "pk")


@dataclass
class Eligibility:
    qualifies: bool
    hours_missing: Decimal
    stage_missing: Stage | None


class EligibilityJudge:
    """What one volunteer lacks for each incentive, from their book's figures and their standing: two
    queries, however many incentives are judged."""

    def __init__(self, volunteer):
        self.hours = book_figures(volunteer=volunteer).hours
        standing = StageStanding.objects.select_related("stage").filter(volunteer_id=volunteer.pk).first()
        self.stage = standing.stage if standing else None

    def __call__(self, incentive: Incentive) -> Eligibility:
        hours_missing = max(Decimal(0), incentive.hours_required - self.hours)
        needed = incentive.stage_required
        held = self.stage.position if self.stage else 0
        stage_missing = needed if needed is not None and held < needed.position else None
        return Eligibility(
            qualifies=not hours_missing and stage_missing is None,
            hours_missing=hours_missing,
            stage_missing=stage_missing,
        )
