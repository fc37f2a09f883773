"""Mentoring's figures for the dashboards and the annual reports (volunteers.reporting.figures; roadmap item
18, Sabaqtastyq, and the other programmes).

- Mentorships active: the pairs that ran during the period: approved (active, paused or ended now), started
  by the period's last day and not ended before its first. A pair that ran in January and ended in March
  counts in a year's figures; a pair approved for a start after the period does not.
- Verified mentors: approved by a coordinator by the period's last day, and still approved.
- Mentees: registered by the period's last day and not archived before its first (children, newcomers and
  the social workers of home visits, the programmes' own word for them); with a mentor: those of the pairs
  that ran.
- The area: a pair's and a mentee's centre (the organisation) and its region; a mentor's organisation (the
  one that reviews them) and the region they mentor in.

Three aggregate queries whatever the number of pairs.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from volunteers.mentoring.models import Mentee, Mentor, Mentorship, MentorshipStatus, MentorStatus, Pool
from volunteers.reporting.figures import FigureQuery, Headline, Section, Table, Unit, figures_provider
from volunteers.reporting.people import period_moments

RAN = (MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED, MentorshipStatus.ENDED)


def _centre_q(query: FigureQuery, prefix: str = "") -> Q:
    condition = Q()
    if query.region_id is not None:
        condition &= Q(**{f"{prefix}organisation__region_id": query.region_id})
    if query.organisation_id is not None:
        condition &= Q(**{f"{prefix}organisation_id": query.organisation_id})
    return condition


def ran_q(query: FigureQuery, prefix: str = "") -> Q:
    """The pairs that ran during the period (see the module's docstring)."""
    return Q(**{f"{prefix}status__in": RAN, f"{prefix}started_on__lte": query.end}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gte": query.start})
    )


@figures_provider(order=60)
def mentoring_section(query: FigureQuery) -> Section:
    since, until = period_moments(query)
    ran = ran_q(query)
    pairs = list(
        Mentorship.objects.filter(_centre_q(query))
        .filter(ran | Q(proposed_at__gte=since, proposed_at__lt=until))
        .values("status", "pool")
        .annotate(n=Count("pk"), ran=Count("pk", filter=ran))
        .order_by()
    )
    mentees = Mentee.objects.filter(_centre_q(query)).aggregate(
        on_rolls=Count(
            "pk",
            filter=Q(created_at__lt=until) & (Q(archived_at__isnull=True) | Q(archived_at__gte=since)),
        ),
        matched=Count(
            "pk", filter=Q(pk__in=Mentorship.objects.filter(_centre_q(query), ran).values("mentee_id"))
        ),
    )
    # An approval with no date (made before dates were kept) counts whatever the period.
    mentors = Mentor.objects.filter(
        Q(decided_at__lt=until) | Q(decided_at__isnull=True), status=MentorStatus.APPROVED
    )
    if query.region_id is not None:
        mentors = mentors.filter(region_id=query.region_id)
    if query.organisation_id is not None:
        mentors = mentors.filter(organisation_id=query.organisation_id)

    by_pool = {value: sum(row["ran"] for row in pairs if row["pool"] == value) for value in Pool.values}
    by_status = {
        value: sum(row["n"] for row in pairs if row["status"] == value) for value in MentorshipStatus.values
    }
    headlines = (
        Headline(
            "mentorships_active",
            _("Mentorships active"),
            sum(by_pool.values()),
            Unit.COUNT,
            note=_("Pairs that ran during the period: approved, started by its end and not ended before it."),
        ),
        Headline(
            "mentors_verified",
            _("Verified mentors"),
            mentors.count(),
            Unit.PEOPLE,
            note=_("Mentors a coordinator approved, by the end of the period."),
        ),
        Headline(
            "mentees",
            _("Mentees"),
            mentees["on_rolls"],
            Unit.PEOPLE,
            note=_("Registered by the end of the period and not archived before it."),
        ),
        Headline("mentees_matched", _("Mentees with a mentor"), mentees["matched"], Unit.PEOPLE),
    )
    return Section(
        key="mentoring",
        title=_("Mentoring"),
        order=60,
        headlines=headlines,
        tables=(
            Table(
                key="mentorships_by_pool",
                title=_("Mentorships active by programme"),
                columns=(_("Programme"), _("Mentorships")),
                rows=tuple((str(label), by_pool[value]) for value, label in Pool.choices),
            ),
            Table(
                key="mentorships_by_status",
                title=_("Mentorships by status"),
                columns=(_("Status"), _("Mentorships")),
                rows=tuple((str(label), by_status[value]) for value, label in MentorshipStatus.choices),
                note=_(
                    "The pairs that ran during the period and those proposed in it, by their status today."
                ),
            ),
        ),
    )
