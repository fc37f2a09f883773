"""The volunteers' figures: who is registered and who is active, by age group, gender, region, direction and
stage of Volunteer zholy, and the organisations of the area by type.

- Registered: an active profile (not erased, the account not deactivated) created by the period's last day.
- Active: net verified hours in a month of the period (VolunteerYear, the rollup of the volunteer book: the
  months' bits of each year of the period), among the active profiles; active whenever they registered (a
  volunteer imported with their past hours was active then).
- The area: a region is the profile's region; an organisation is its active members (memberships, as
  volunteers.permissions.profiles_visible_to reads them).
- Ages are counted on the day the period is read on (FigureQuery.on), from bounds of the date of birth.

A fixed number of aggregate queries whatever the number of volunteers, each read from the smaller side: the
registered ones by gender and region (each age group, silver, minors and the new ones counted alongside: the
headlines and the tables by age, gender and region), the active ones likewise, read from the rollup's list of
them; the directions chosen and the stages reached, for the whole country as every row less the few excluded
accounts' (see `_counted`); the active volunteers by month from the rollup; the organisations; and the names
of regions, directions and stages.

At scale (a million profiles, SQLite) the registered ones' query is ten times faster with a partial covering
index of the profiles not erased on (gender, region, created_at, date_of_birth, is_retired, user).
"""

import datetime as dt
from collections import Counter

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from volunteers.filters import born_on_or_before_for_age
from volunteers.models import (
    Direction,
    Gender,
    Membership,
    Organisation,
    OrganisationKind,
    Region,
    Stage,
    StageStanding,
    User,
    VolunteerProfile,
)
from volunteers.reporting.figures import (
    Chart,
    FigureQuery,
    Headline,
    Section,
    Table,
    Unit,
    figures_provider,
    shared,
)
from volunteers.reporting.models import VolunteerYear

# The age groups of the tables: (key, the lowest age of the group); a group runs up to the next one's lowest.
AGE_GROUPS = (("under_18", 0), ("18_34", 18), ("35_49", 35), ("50_64", 50), ("65_plus", 65))
NOT_GIVEN = "not_given"


def day_start(day: dt.date) -> dt.datetime:
    """The first moment of `day` in the site's time zone: compared with a timestamp, it uses the column's
    index, where `__date` would convert every row."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def period_moments(query: FigureQuery) -> tuple[dt.datetime, dt.datetime]:
    """[since, until): the first moment of the period and the first moment after it."""
    return day_start(query.start), day_start(query.end + dt.timedelta(days=1))


def period_months(query: FigureQuery) -> list[dt.date]:
    """The first days of the period's months, in order."""
    months, month = [], query.start.replace(day=1)
    while month <= query.end:
        months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def month_label(month: dt.date) -> str:
    """ "March 2026" in the active language (Kazakh's month names included)."""
    return formats.date_format(month, "F Y")


def members_of(organisation_id: int):
    """The users who are active members of the organisation (any role), as a subquery."""
    return Membership.objects.filter(organisation_id=organisation_id, active=True).values("user_id")


def _inactive_accounts():
    """The accounts that are not in use (deactivated, or erased: erasure deactivates the account and clears
    the profile's directions): a few rows, read once by a query that names them."""
    return User.objects.filter(is_active=False).values("pk")


def profile_q(query: FigureQuery) -> Q:
    """The active profiles (as ProfileQuerySet.active()) of the query's area. "Not one of the inactive
    accounts" rather than a join to every account: the profiles' own columns answer the rest."""
    condition = Q(erased_at__isnull=True) & ~Q(user_id__in=_inactive_accounts())
    if query.region_id is not None:
        condition &= Q(region_id=query.region_id)
    if query.organisation_id is not None:
        condition &= Q(user_id__in=members_of(query.organisation_id))
    return condition


def profiles_of(query: FigureQuery):
    """The active profiles of the query's area (not yet of its period)."""
    return VolunteerProfile.objects.filter(profile_q(query)).order_by()


def volunteers_q(query: FigureQuery, field: str, *, registered_by: dt.datetime | None = None) -> Q:
    """The rows whose user id (`field`: "volunteer_id", "volunteerprofile_id") is a volunteer with an active
    profile in the query's area, registered before `registered_by` when given.

    For a region or an organisation, the ids of their profiles (a few thousand). For the whole country, the
    rows of every account but the excluded ones (see `_excluded`), where the ids of every profile would be a
    million."""
    if query.national:
        return ~_excluded(field, registered_by=registered_by)
    profiles = profiles_of(query)
    if registered_by is not None:
        profiles = profiles.filter(created_at__lt=registered_by)
    return Q(**{f"{field}__in": profiles.values("user_id")})


def _excluded(field: str, *, registered_by: dt.datetime | None = None) -> Q:
    """The rows of the accounts that are not counted in the whole country's figures: the inactive ones and,
    with `registered_by`, those who registered later. Both few (none of the latter in the present period).
    The tables read so (a profile's directions, the stage standings, the rollup's years) have rows of
    volunteers only, and erasing a volunteer deactivates the account (and clears the directions)."""
    condition = Q(**{f"{field}__in": _inactive_accounts()})
    if registered_by is not None:
        later = VolunteerProfile.objects.filter(created_at__gte=registered_by).values("user_id")
        condition |= Q(**{f"{field}__in": later})
    return condition


def _counted(rows, field: str, key: str, query: FigureQuery, *, registered_by: dt.datetime) -> Counter:
    """{`key`: rows} of `rows` (a table keyed by user id in `field`) of the area's volunteers who had
    registered by `registered_by`. For the whole country: every row's, less the excluded ones' (see
    `_excluded`): two counts, by an index of `key` and of the few excluded, rather than a check of each of a
    million rows."""

    def count(rows) -> Counter:
        return Counter(dict(rows.values_list(key).annotate(n=Count("pk")).order_by()))

    if not query.national:
        return count(rows.filter(volunteers_q(query, field, registered_by=registered_by)))
    return count(rows) - count(rows.filter(_excluded(field, registered_by=registered_by)))


def _active_years(query: FigureQuery):
    """The VolunteerYear rows with a verified active month within the period."""
    months = period_months(query)
    aliases, condition = {}, Q(pk__in=[])
    for year in query.years:
        mask = sum(1 << (month.month - 1) for month in months if month.year == year)
        aliases[f"bits_{year}"] = F("months").bitand(mask)
        condition |= Q(year=year, **{f"bits_{year}__gt": 0})
    return (
        VolunteerYear.objects.filter(year__in=list(query.years)).alias(**aliases).filter(condition).order_by()
    )


def active_volunteer_ids(query: FigureQuery):
    """A subquery of the ids of the volunteers active in the period (any area)."""
    return _active_years(query).values("volunteer_id")


def active_q(query: FigureQuery, field: str) -> Q:
    """The rows whose user id (`field`) is a volunteer active in the period. For the whole country, read
    from the active ones' side (the list of them, each row then found by its id); for a region or an
    organisation, the area's few rows each look their volunteer's years up (an index's search), rather than
    the whole country's list being made first."""
    if query.national:
        return Q(**{f"{field}__in": active_volunteer_ids(query)})
    return Q(Exists(_active_years(query).filter(volunteer_id=OuterRef(field))))


def _age_counts(on: dt.date) -> dict:
    """Count(...) of each age group on `on` (AGE_GROUPS and "not given"), from bounds of the date of birth:
    compared in the database, where a covering index can answer them."""
    bounds = [born_on_or_before_for_age(lowest, on) for _key, lowest in AGE_GROUPS]
    counts = {NOT_GIVEN: Count("pk", filter=Q(date_of_birth__isnull=True))}
    for number, (key, _lowest) in enumerate(AGE_GROUPS):
        # Born after the next group's bound (younger than its lowest age) and on or before this one's.
        condition = Q(date_of_birth__lte=bounds[number]) if number else Q(date_of_birth__isnull=False)
        if number + 1 < len(AGE_GROUPS):
            condition &= Q(date_of_birth__gt=bounds[number + 1])
        counts[key] = Count("pk", filter=condition)
    return counts


def _by_region_and_gender(profiles, **counts) -> list[dict]:
    """The profiles counted (`counts`) by region (0: not given) and gender: one aggregate query of at most
    21 × 3 rows."""
    rows = profiles.values("gender", "region_id").annotate(**counts).order_by()
    return [{**row, "region_id": row["region_id"] or 0} for row in rows]


def _registered(query: FigureQuery) -> list[dict]:
    """The area's volunteers registered by the period's end, by region and gender: `n` in all, `new` in the
    period, `silver`, `minor` and each age group on the day the period is read on."""
    since, until = period_moments(query)
    on = query.on
    silver = Q(is_retired=True) | Q(
        date_of_birth__lte=born_on_or_before_for_age(settings.VOLUNTEERS_SILVER_AGE, on)
    )
    minor = Q(date_of_birth__gt=born_on_or_before_for_age(settings.VOLUNTEERS_ADULT_AGE, on))
    return _by_region_and_gender(
        profiles_of(query).filter(created_at__lt=until),
        n=Count("pk"),
        new=Count("pk", filter=Q(created_at__gte=since)),
        silver=Count("pk", filter=silver),
        minor=Count("pk", filter=minor),
        **_age_counts(on),
    )


def _active(query: FigureQuery) -> list[dict]:
    """The area's volunteers active in the period (registered whenever), by region and gender: `n` in all and
    each age group. Read from the active ones' side: as many rows as active volunteers."""
    return _by_region_and_gender(
        profiles_of(query).filter(active_q(query, "user_id")),
        n=Count("pk"),
        **_age_counts(query.on),
    )


def _total(rows, column: str = "n", *, key: str | None = None) -> Counter:
    """The rows' `column` summed, by `key` (one total under None when no key)."""
    counts: Counter = Counter()
    for row in rows:
        counts[row[key] if key else None] += row[column]
    return counts


def _age_labels() -> dict[str, str]:
    return {
        "under_18": _("Under 18"),
        "18_34": _("18–34"),
        "35_49": _("35–49"),
        "50_64": _("50–64"),
        "65_plus": _("65 and over"),
        NOT_GIVEN: _("Not given"),
    }


def _direction_counts(query: FigureQuery, direction_ids: list[int]) -> tuple[Counter, dict]:
    """({direction id: registered volunteers who chose it}, {"d<id>": active ones}): a volunteer counted in
    each direction they chose; the registered ones counted by `_counted`, the active ones read from their side
    (a count per direction, no sorting of their choices)."""
    _since, until = period_moments(query)
    links = VolunteerProfile.directions.through.objects.order_by()
    per_direction = {f"d{pk}": Count("pk", filter=Q(direction_id=pk)) for pk in direction_ids}
    registered = _counted(links, "volunteerprofile_id", "direction_id", query, registered_by=until)
    active = links.filter(
        volunteers_q(query, "volunteerprofile_id"), active_q(query, "volunteerprofile_id")
    ).aggregate(**per_direction)
    return registered, active


def _by_direction(query: FigureQuery) -> tuple[tuple, ...]:
    """(direction, registered, active) for every direction."""
    directions = list(Direction.objects.all())
    registered, active = shared(
        f"people:directions:{query.key}",
        lambda: _direction_counts(query, [direction.pk for direction in directions]),
    )
    return tuple(
        (str(direction), registered[direction.pk], active.get(f"d{direction.pk}", 0))
        for direction in directions
    )


def _by_stage(query: FigureQuery, registered: int) -> tuple[tuple, ...]:
    """(stage, registered volunteers standing at it today), "no stage yet" the rest (a standing without a
    stage, or none): the standings counted by `_counted`, and the stages' names."""
    _since, until = period_moments(query)
    stages = list(Stage.objects.all())
    counts = +shared(
        f"people:stages:{query.key}",
        lambda: _counted(
            StageStanding.objects.order_by(), "volunteer_id", "stage_id", query, registered_by=until
        ),
    )  # a copy: the shared counts stay whole
    counts.pop(None, None)  # a standing without a stage: "no stage yet"
    rows = [(str(stage), counts.get(stage.pk, 0)) for stage in stages if stage.active or counts.get(stage.pk)]
    rows.append((_("No stage yet"), registered - sum(counts.values())))
    return tuple(rows)


def _active_by_month(query: FigureQuery) -> tuple[tuple, ...]:
    """(month, volunteers active in it) for each month of the period, among the area's active profiles: one
    aggregate over the rollup's rows of the period's years."""
    months = period_months(query)
    rows = (
        VolunteerYear.objects.filter(volunteers_q(query, "volunteer_id"), year__in=list(query.years))
        .alias(**{f"bit{number}": F("months").bitand(1 << (number - 1)) for number in range(1, 13)})
        .order_by()
    )
    counts = shared(
        f"people:months:{query.key}",
        lambda: rows.aggregate(
            **{
                f"m{month:%Y%m}": Count("pk", filter=Q(year=month.year, **{f"bit{month.month}__gt": 0}))
                for month in months
            }
        ),
    )
    return tuple((month_label(month), counts[f"m{month:%Y%m}"]) for month in months)


def _organisations_by_kind(query: FigureQuery) -> Table:
    organisations = Organisation.objects.filter(verified=True).order_by()
    if query.region_id is not None:
        organisations = organisations.filter(region_id=query.region_id)
    counts = dict(organisations.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    return Table(
        key="organisations_by_kind",
        title=_("Verified organisations by type"),
        columns=(_("Type of organisation"), _("Organisations")),
        rows=tuple((str(label), counts.get(kind, 0)) for kind, label in OrganisationKind.choices),
        units=(Unit.COUNT,),
        note=_("As they are now: the organisations the platform has verified."),
    )


@figures_provider(order=10)
def volunteers_section(query: FigureQuery) -> Section:
    registered = shared(f"people:registered:{query.key}", lambda: _registered(query))
    active = shared(f"people:active:{query.key}", lambda: _active(query))
    registered_total = sum(row["n"] for row in registered)
    on_day = formats.date_format(query.on, "DATE_FORMAT")
    both = (_("Registered volunteers"), _("Active volunteers"))
    people = (Unit.PEOPLE, Unit.PEOPLE)
    headlines = (
        Headline(
            "volunteers_registered",
            _("Registered volunteers"),
            registered_total,
            Unit.PEOPLE,
            note=_("Volunteers with an account in use, registered by %(date)s.")
            % {"date": formats.date_format(query.end, "DATE_FORMAT")},
        ),
        Headline(
            "volunteers_new", _("Registered in the period"), _total(registered, "new")[None], Unit.PEOPLE
        ),
        Headline(
            "volunteers_active",
            _("Active volunteers"),
            sum(row["n"] for row in active),
            Unit.PEOPLE,
            note=_("Volunteers with verified hours in the period."),
        ),
        Headline(
            "volunteers_silver",
            _("Silver volunteers"),
            _total(registered, "silver")[None],
            Unit.PEOPLE,
            note=_("Retired, or %(age)s years old or more on %(date)s.")
            % {"age": settings.VOLUNTEERS_SILVER_AGE, "date": on_day},
        ),
        Headline(
            "volunteers_minors",
            _("Minors"),
            _total(registered, "minor")[None],
            Unit.PEOPLE,
            note=_("Under %(age)s years old on %(date)s.")
            % {"age": settings.VOLUNTEERS_ADULT_AGE, "date": on_day},
        ),
    )
    ages = _age_labels()
    tables = [
        Table(
            key="volunteers_by_age",
            title=_("Volunteers by age group"),
            columns=(_("Age group"), *both),
            rows=tuple(
                (label, _total(registered, key)[None], _total(active, key)[None])
                for key, label in ages.items()
            ),
            units=people,
            note=_("Ages on %(date)s.") % {"date": on_day},
        )
    ]
    registered_by, active_by = _total(registered, key="gender"), _total(active, key="gender")
    tables.append(
        Table(
            key="volunteers_by_gender",
            title=_("Volunteers by gender"),
            columns=(_("Gender"), *both),
            rows=tuple(
                (str(label), registered_by[value], active_by[value]) for value, label in Gender.choices
            ),
            units=people,
        )
    )
    if query.national:
        registered_by, active_by = _total(registered, key="region_id"), _total(active, key="region_id")
        names = [(region.pk, str(region)) for region in Region.objects.all()]
        if registered_by[0] or active_by[0]:
            names.append((0, _("Not given")))
        tables.append(
            Table(
                key="volunteers_by_region",
                title=_("Volunteers by region"),
                columns=(_("Region"), *both),
                rows=tuple((name, registered_by[pk], active_by[pk]) for pk, name in names),
                units=people,
                note=_("The region volunteers gave in their profiles."),
            )
        )
    tables.append(
        Table(
            key="volunteers_by_direction",
            title=_("Volunteers by direction"),
            columns=(_("Direction"), *both),
            rows=_by_direction(query),
            units=people,
            note=_(
                "The directions volunteers chose in their profiles: a volunteer who chose several is counted "
                "in each."
            ),
        )
    )
    tables.append(
        Table(
            key="volunteers_active_by_month",
            title=_("Active volunteers by month"),
            columns=(_("Month"), _("Active volunteers")),
            rows=_active_by_month(query),
            units=(Unit.PEOPLE,),
            chart=Chart.COLUMNS,
            note=_("Volunteers with verified hours in the month."),
        )
    )
    tables.append(
        Table(
            key="volunteers_by_stage",
            title=_("Volunteers by stage of «Volunteer zholy»"),
            columns=(_("Stage"), _("Volunteers")),
            rows=_by_stage(query, registered_total),
            units=(Unit.PEOPLE,),
            note=_("Registered volunteers by the stage they stand at today."),
        )
    )
    if query.organisation_id is None:
        tables.append(_organisations_by_kind(query))
    return Section(
        key="volunteers", title=_("Volunteers"), order=10, headlines=headlines, tables=tuple(tables)
    )
