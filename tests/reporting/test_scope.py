"""Who reads which figures: the matrix of roles × what they ask for (the nation, their region, another region,
their organisation, another organisation), and the filters and choices built on the scope."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.reporting.conftest import analyst
from volunteers.models import Membership, MembershipRole, Organisation, OrganisationKind
from volunteers.reporting.models import HoursMonth
from volunteers.reporting.permissions import (
    FiguresScope,
    figures_scope,
    organisation_choices,
    region_choices,
    scope_allows,
    scope_q,
)

pytestmark = pytest.mark.django_db

# What each role may read: the nation, Almaty (their region), Astana (another region), the Almaty NGO (their
# organisation, or one in their region), the Astana NGO (another organisation).
MATRIX = {
    "anonymous": (False, False, False, False, False),
    "volunteer": (False, False, False, False, False),
    "ngo_coordinator": (False, False, False, True, False),
    "regional_front_office": (False, True, False, True, False),
    "republican_front_office": (True, True, True, True, True),
    "analyst_national": (True, True, True, True, True),
    "analyst_almaty": (False, True, False, True, False),
    "superuser": (True, True, True, True, True),
}


@pytest.mark.parametrize("role", MATRIX)
def test_the_matrix_of_roles_and_figures(people, role, almaty, astana, organisation, astana_ngo):
    scope = figures_scope(people[role])
    asked = (
        scope_allows(scope),
        scope_allows(scope, region_id=almaty.pk),
        scope_allows(scope, region_id=astana.pk),
        scope_allows(scope, organisation_id=organisation.pk),
        scope_allows(scope, organisation_id=astana_ngo.pk),
    )
    assert asked == MATRIX[role]
    assert scope.allowed == (role not in ("anonymous", "volunteer"))


def test_the_scopes_hold_what_the_roles_give(people, almaty, organisation):
    regional = Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
    assert figures_scope(people["ngo_coordinator"]) == FiguresScope(
        organisation_ids=frozenset({organisation.pk})
    )
    assert figures_scope(people["regional_front_office"]) == FiguresScope(
        region_ids=frozenset({almaty.pk}), organisation_ids=frozenset({regional.pk})
    )
    assert figures_scope(people["analyst_almaty"]) == FiguresScope(region_ids=frozenset({almaty.pk}))
    assert figures_scope(people["superuser"]).national
    # The regional front office reads its own organisation's figures, and an organisation within its region.
    scope = figures_scope(people["regional_front_office"])
    assert scope_allows(scope, organisation_id=regional.pk)
    assert scope_allows(scope, region_id=almaty.pk, organisation_id=organisation.pk)


def test_an_analyst_with_an_empty_region_reads_the_nation(user_factory, seeded):
    user = analyst(user_factory, "analyst-empty@example.kz", region=None)
    assert figures_scope(user).national


def test_roles_add_up_and_lapse(user_factory, coordinator_factory, organisation, almaty, astana):
    # A regional analyst who also coordinates an NGO reads both.
    user = analyst(user_factory, "both@example.kz", region=astana)
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.COORDINATOR)
    scope = figures_scope(user)
    assert (scope.region_ids, scope.organisation_ids) == ({astana.pk}, {organisation.pk})
    # A membership no longer active, a volunteer's membership, an inactive account: nothing.
    coordinator = coordinator_factory(organisation)
    Membership.objects.filter(user=coordinator).update(active=False)
    assert not figures_scope(coordinator).allowed
    member = user_factory(email="member@example.kz")
    Membership.objects.create(user=member, organisation=organisation, role=MembershipRole.VOLUNTEER)
    assert not figures_scope(member).allowed
    user.is_active = False
    assert not figures_scope(user).allowed
    # An account out of the Analysts group has no analyst's scope, even with a row left behind.
    user.is_active = True
    user.groups.clear()
    assert figures_scope(user) == FiguresScope(organisation_ids=frozenset({organisation.pk}))


def test_the_filter_keeps_the_rows_a_scope_may_read(people, almaty, astana, organisation, astana_ngo):
    month = dt.date(2024, 5, 1)
    rows = [(almaty.pk, organisation.pk, "3"), (almaty.pk, 0, "4"), (astana.pk, astana_ngo.pk, "5")]
    for region_id, organisation_id, hours in rows:
        HoursMonth.objects.create(month=month, region_id=region_id, organisation_id=organisation_id,
                                  kind="shift_hours", hours=Decimal(hours))  # fmt: skip

    def readable(role):
        condition = scope_q(figures_scope(people[role]), organisation_field="organisation_id")
        return sorted(HoursMonth.objects.filter(condition).values_list("hours", flat=True))

    assert readable("superuser") == [3, 4, 5]
    assert readable("analyst_almaty") == [3, 4]
    assert readable("ngo_coordinator") == [3]
    assert readable("volunteer") == []
    # Rows that name no organisation (a volunteer's year): an organisation-only scope reads none of them.
    assert not HoursMonth.objects.filter(scope_q(figures_scope(people["ngo_coordinator"]))).exists()


def test_the_choices_of_a_form(people, almaty, organisation, astana_ngo):
    assert len(region_choices(figures_scope(people["analyst_national"]))) == 20
    assert region_choices(figures_scope(people["analyst_almaty"])) == [(almaty.pk, str(almaty))]
    assert region_choices(figures_scope(people["ngo_coordinator"])) == []
    assert region_choices(figures_scope(people["volunteer"])) == []
    almaty_organisations = {pk for pk, _ in organisation_choices(figures_scope(people["analyst_almaty"]))}
    assert organisation.pk in almaty_organisations and astana_ngo.pk not in almaty_organisations
    assert [pk for pk, _ in organisation_choices(figures_scope(people["ngo_coordinator"]))] == [
        organisation.pk
    ]
    assert organisation_choices(figures_scope(people["anonymous"])) == []


def test_the_menu_asks_the_same_question_in_fewer_queries(people, django_assert_max_num_queries):
    from volunteers.permissions import can_manage_volunteers
    from volunteers.reporting.permissions import reads_figures

    for role, user in people.items():
        manages = user.is_authenticated and can_manage_volunteers(user)
        with django_assert_max_num_queries(1):
            answer = reads_figures(user, manages=manages)
        assert answer == figures_scope(user).allowed, role
    assert reads_figures(None, manages=False) is False
