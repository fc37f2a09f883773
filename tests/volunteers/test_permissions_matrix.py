"""Who may see whose record: every role against every volunteer, through HTTP and through the gate itself.

The world: the republican front office; the regional front offices of Almaty (KZ-75) and Astana (KZ-71);
two NGOs in Almaty. Three volunteers: Aida, a member of NGO A in Almaty; Bolat, a member of NGO B in
Almaty; Yerlan, in Astana and in no organisation. Aida is also the "volunteer" role: a volunteer's own
membership gives no access to anyone's record, not even her own in this area.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from volunteers.models import Membership, MembershipRole, Organisation, OrganisationKind, Region
from volunteers.permissions import can_manage_volunteers, profiles_visible_to
from volunteers.services.reference import consent_text_ensure, front_offices_ensure
from volunteers.services.registration import VolunteerData, volunteer_profile_create

pytestmark = pytest.mark.django_db

SEE = "200: sees the record"
HIDDEN = "404: outside the scope"
DENIED = "403: not a coordinator"
LOGIN = "302: sign in first"

VOLUNTEERS = ("aida", "bolat", "yerlan")

# fmt: off
MATRIX = {
    #  role                     aida (NGO A, KZ-75)  bolat (NGO B, KZ-75)  yerlan (KZ-71, none)
    "anonymous":               (LOGIN,               LOGIN,                LOGIN),
    "volunteer":               (DENIED,              DENIED,               DENIED),
    "ngo_a_coordinator":       (SEE,                 HIDDEN,               HIDDEN),
    "ngo_b_coordinator":       (HIDDEN,              SEE,                  HIDDEN),
    "almaty_fo_coordinator":   (SEE,                 SEE,                  HIDDEN),
    "astana_fo_coordinator":   (HIDDEN,              HIDDEN,               SEE),
    "republican_coordinator":  (SEE,                 SEE,                  SEE),
    "analyst":                 (DENIED,              DENIED,               DENIED),
    "editor":                  (DENIED,              DENIED,               DENIED),
    "admin":                   (SEE,                 SEE,                  SEE),
}
# fmt: on

CELLS = [
    pytest.param(role, volunteer, outcome, id=f"{role}-{volunteer}")
    for role, row in MATRIX.items()
    for volunteer, outcome in zip(VOLUNTEERS, row, strict=True)
]


@pytest.fixture
def world(seeded, user_factory):
    consent_text_ensure()
    front_offices_ensure()
    almaty = Region.objects.get(iso_code="KZ-75")
    astana = Region.objects.get(iso_code="KZ-71")
    offices = {
        "republican": Organisation.objects.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE),
        "almaty_fo": Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty),
        "astana_fo": Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=astana),
        "ngo_a": Organisation.objects.create(
            slug="ngo-a", kind=OrganisationKind.NGO, region=almaty, name={"en": "A"}
        ),
        "ngo_b": Organisation.objects.create(
            slug="ngo-b", kind=OrganisationKind.NGO, region=almaty, name={"en": "B"}
        ),
    }

    def volunteer(name, region, organisation=None):
        user = user_factory(email=f"{name}@example.kz", first_name=name.title())
        volunteer_profile_create(
            user=user, data=VolunteerData(date_of_birth=dt.date(1995, 3, 8), region=region), language="kk"
        )
        if organisation is not None:
            Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.VOLUNTEER)
        return user

    volunteers = {
        "aida": volunteer("aida", almaty, offices["ngo_a"]),
        "bolat": volunteer("bolat", almaty, offices["ngo_b"]),
        "yerlan": volunteer("yerlan", astana),
    }

    def coordinator(office):
        user = user_factory(email=f"{office}@example.kz")
        Membership.objects.create(user=user, organisation=offices[office], role=MembershipRole.COORDINATOR)
        return user

    def in_group(name, email):
        user = user_factory(email=email)
        user.groups.add(Group.objects.get_or_create(name=name)[0])
        return user

    roles = {
        "volunteer": volunteers["aida"],
        "ngo_a_coordinator": coordinator("ngo_a"),
        "ngo_b_coordinator": coordinator("ngo_b"),
        "almaty_fo_coordinator": coordinator("almaty_fo"),
        "astana_fo_coordinator": coordinator("astana_fo"),
        "republican_coordinator": coordinator("republican"),
        "analyst": in_group("Analysts", "analyst@example.kz"),
        "editor": in_group("Editors", "editor@example.kz"),
        "admin": user_factory(email="admin@example.kz", is_staff=True, is_superuser=True),
    }
    return roles, volunteers


@pytest.mark.parametrize(("role", "volunteer", "outcome"), CELLS)
def test_the_matrix(client, world, role, volunteer, outcome):
    roles, volunteers = world
    subject = volunteers[volunteer]
    if role != "anonymous":
        client.force_login(roles[role])

    response = client.get(f"/ru/coordinator/volunteers/{subject.pk}/")
    assert f"{response.status_code}:" == outcome.split(" ")[0]
    if outcome == LOGIN:
        assert response["Location"].startswith("/ru/accounts/login/")

    user = roles.get(role)
    if user is not None:
        visible = profiles_visible_to(user).filter(pk=subject.pk).exists()
        assert visible is (outcome == SEE)
        assert can_manage_volunteers(user) is (outcome in (SEE, HIDDEN))


@pytest.mark.parametrize("role", list(MATRIX))
def test_the_list_shows_exactly_the_row_of_the_matrix(client, world, role):
    roles, volunteers = world
    expected = {
        volunteers[name] for name, outcome in zip(VOLUNTEERS, MATRIX[role], strict=True) if outcome == SEE
    }
    if role != "anonymous":
        client.force_login(roles[role])

    response = client.get("/ru/coordinator/volunteers/")
    outcomes = set(MATRIX[role])
    if outcomes in ({LOGIN}, {DENIED}):
        assert f"{response.status_code}:" == outcomes.pop().split(" ")[0]
        return
    assert response.status_code == 200
    assert {profile.user for profile in response.context["page"].object_list} == expected
    assert {profile.user for profile in profiles_visible_to(roles[role])} == expected
