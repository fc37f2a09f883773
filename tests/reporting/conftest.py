# ruff: noqa: F811  (fixtures take the fixtures re-exported below as arguments)
"""The people of the figures' tests: one of each role that reads figures (or does not), in Almaty, with
another region (Astana) and another organisation to be refused."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    coordinator,
    coordinator_factory,
    event_factory,
    organisation,
    volunteer_factory,
)
from volunteers.models import MembershipRole, Organisation, OrganisationKind, Region, User
from volunteers.reporting.models import AnalystScope

ROLES = (
    "anonymous",
    "volunteer",
    "ngo_coordinator",
    "regional_front_office",
    "republican_front_office",
    "analyst_national",
    "analyst_almaty",
    "superuser",
)


@pytest.fixture
def astana(seeded):
    return Region.objects.get(iso_code="KZ-71")


@pytest.fixture
def astana_ngo(astana):
    return Organisation.objects.create(slug="astana-ngo", kind=OrganisationKind.NGO, region=astana,
                                       name={"en": "Astana NGO"})  # fmt: skip


def analyst(user_factory, email, region=None, scope=True):
    user = user_factory(email=email)
    user.groups.add(Group.objects.get_or_create(name="Analysts")[0])
    if scope:
        AnalystScope.objects.create(user=user, region=region)
    return user


@pytest.fixture
def people(user_factory, volunteer_factory, coordinator_factory, organisation, almaty):
    offices = Organisation.objects.filter(kind__in=[OrganisationKind.REGIONAL_FRONT_OFFICE,
                                                    OrganisationKind.REPUBLICAN_FRONT_OFFICE])  # fmt: skip
    regional = offices.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
    republican = offices.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE)
    return {
        "anonymous": AnonymousUser(),
        "volunteer": volunteer_factory(),
        "ngo_coordinator": coordinator_factory(organisation),
        "regional_front_office": coordinator_factory(regional, role=MembershipRole.MANAGER),
        "republican_front_office": coordinator_factory(republican),
        "analyst_national": analyst(user_factory, "analyst@example.kz", scope=False),
        "analyst_almaty": analyst(user_factory, "analyst-almaty@example.kz", region=almaty),
        "superuser": User.objects.create_superuser(email="root@example.kz", password="x-long-password-1"),
    }
