import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from volunteers.models import (
    AuditEntry,
    ClaimCode,
    ConsentMethod,
    GuardianConsent,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    PersonalDataConsent,
    Region,
    User,
)
from volunteers.services.reference import consent_text_ensure, front_offices_ensure
from volunteers.services.registration import (
    VolunteerData,
    account_claim,
    volunteer_profile_create,
    volunteer_register_assisted,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)
LIST = "/en/coordinator/volunteers/"
NEW = "/en/coordinator/volunteers/new/"
_phones = itertools.count(1000)


def born(age: int) -> dt.date:
    return TODAY.replace(year=TODAY.year - age, day=1)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 6, 15, 12, tzinfo=ZoneInfo("Asia/Almaty")), tick=False):
        yield


@pytest.fixture
def world(seeded, user_factory):
    """Almaty's regional front office and an NGO there, each with a coordinator."""
    consent_text_ensure()
    front_offices_ensure()
    almaty = Region.objects.get(iso_code="KZ-75")
    front_office = Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
    ngo = Organisation.objects.create(
        slug="steppe-care", kind=OrganisationKind.NGO, region=almaty, name={"en": "Steppe Care"}
    )
    coordinator = user_factory(email="fo@example.kz", first_name="Gulnar", last_name="Fo")
    Membership.objects.create(user=coordinator, organisation=front_office, role=MembershipRole.COORDINATOR)
    ngo_coordinator = user_factory(email="ngo@example.kz")
    Membership.objects.create(user=ngo_coordinator, organisation=ngo, role=MembershipRole.COORDINATOR)
    return {
        "almaty": almaty,
        "astana": Region.objects.get(iso_code="KZ-71"),
        "front_office": front_office,
        "ngo": ngo,
        "coordinator": coordinator,
        "ngo_coordinator": ngo_coordinator,
    }


def register(world, *, first="Aibek", last="Seitov", age=30, organisation=None, region=None, **extra):
    data = VolunteerData(
        first_name=first,
        last_name=last,
        phone=f"+7701{next(_phones):07d}",
        date_of_birth=born(age),
        region=region or world["almaty"],
    )
    for name, value in extra.items():
        setattr(data, name, value)
    profile, _code = volunteer_register_assisted(
        coordinator=world["coordinator"],
        organisation=organisation or world["front_office"],
        data=data,
        language="kk",
        guardian_name="Parent" if age < 16 else "",
    )
    return profile


def names(response) -> list[str]:
    return [profile.user.last_name for profile in response.context["page"].object_list]


# --- Who gets in --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [LIST, NEW, "/en/coordinator/volunteers/1/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, world, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/coordinator/")


@pytest.mark.parametrize("path", [LIST, NEW, "/en/coordinator/volunteers/1/"])
def test_people_who_manage_no_volunteers_get_403(client, world, user_factory, path):
    client.force_login(user_factory(email="plain@example.kz"))
    assert client.get(path).status_code == 403


def test_the_menu_links_to_volunteers_only_for_coordinators(client, world, user_factory):
    client.force_login(user_factory(email="plain@example.kz"))
    assert LIST not in client.get("/en/accounts/profile/").content.decode()
    client.force_login(world["ngo_coordinator"])
    assert f'href="{LIST}"' in client.get("/en/accounts/profile/").content.decode()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_pages_answer_in_every_language(client, world, language):
    profile = register(world, last="Bekova", age=15)
    client.force_login(world["coordinator"])
    for path in ("volunteers/", "volunteers/new/", f"volunteers/{profile.pk}/"):
        response = client.get(f"/{language}/coordinator/{path}")
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()


# --- The list -----------------------------------------------------------------------------------------------


def test_the_list_shows_only_the_coordinators_volunteers_by_name_with_badges(client, world):
    register(world, first="Dana", last="Bekova", age=17, organisation=world["ngo"])
    register(world, last="Akhmetov", age=65)
    register(world, last="Outsider", region=world["astana"])  # a member of Almaty's office, living in Astana
    client.force_login(world["ngo_coordinator"])

    response = client.get(LIST)
    assert names(response) == ["Bekova"]
    page = response.content.decode()
    assert "17" in page
    assert "minor" in page
    assert "silver volunteer" not in page

    client.force_login(world["coordinator"])
    response = client.get(LIST)
    assert names(response) == ["Akhmetov", "Bekova", "Outsider"]
    assert "silver volunteer" in response.content.decode()


def test_a_minor_whose_guardian_has_not_confirmed_is_marked(client, world, user_factory):
    teen = user_factory(email="teen@example.kz", last_name="Teen")
    volunteer_profile_create(
        user=teen,
        data=VolunteerData(date_of_birth=born(15), region=world["almaty"]),
        language="kk",
        guardian_email="mum@example.kz",
    )
    register(world, last="Confirmed", age=15)  # the guardian consented in person
    client.force_login(world["coordinator"])

    rows = client.get(LIST).content.decode().split("<tr>")
    assert "guardian consent pending" in next(row for row in rows if "Teen" in row)
    assert "guardian consent pending" not in next(row for row in rows if "Confirmed" in row)


def test_filters_narrow_the_list_and_stay_in_the_url(client, world):
    register(world, first="Dana", last="Bekova", age=17, organisation=world["ngo"])
    register(world, last="Akhmetov", age=65)
    register(world, last="Retired", age=45, is_retired=True)
    register(world, last="Kim", region=world["astana"])
    phone = register(world, last="Phoned").phone
    client.force_login(world["coordinator"])

    assert names(client.get(LIST, {"region": "KZ-71"})) == ["Kim"]
    # Bekova is in the office's region but a member of the NGO only.
    assert names(client.get(LIST, {"organisation": world["front_office"].pk})) == [
        "Akhmetov",
        "Kim",
        "Phoned",
        "Retired",
    ]
    assert names(client.get(LIST, {"silver": "on"})) == ["Akhmetov", "Retired"]
    assert names(client.get(LIST, {"minors": "on"})) == ["Bekova"]
    assert names(client.get(LIST, {"q": "dana bek"})) == ["Bekova"]
    assert names(client.get(LIST, {"q": "8" + phone[2:]})) == ["Phoned"]  # as people write it: 8 701 ...
    assert names(client.get(LIST, {"q": phone[-7:]})) == ["Phoned"]
    assert names(client.get(LIST, {"q": "nobody"})) == []


def test_an_organisation_the_coordinator_does_not_manage_is_not_a_filter(client, world):
    register(world, last="Bekova", organisation=world["ngo"])
    client.force_login(world["ngo_coordinator"])
    response = client.get(LIST, {"organisation": world["front_office"].pk})
    assert response.status_code == 200
    assert "organisation" in response.context["filter"].form.errors
    assert names(response) == ["Bekova"]  # still only what the gate lets through


def test_the_list_is_paginated_by_25_keeping_the_filters(client, world):
    for number in range(30):
        register(world, last=f"Volunteer{number:02d}")
    client.force_login(world["coordinator"])

    first = client.get(LIST, {"region": "KZ-75"})
    assert len(names(first)) == 25
    assert "region=KZ-75&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"region": "KZ-75", "page": 2})
    assert names(second) == [f"Volunteer{number:02d}" for number in range(25, 30)]


def test_the_number_of_queries_does_not_grow_with_the_page(
    client, world, user_factory, django_assert_max_num_queries
):
    def volunteers(count, offset):
        for number in range(offset, offset + count):
            organisation = world["ngo"] if number % 2 else world["front_office"]
            register(world, last=f"V{number:02d}", age=15 + number * 2, organisation=organisation)
        teen = user_factory(email=f"teen{offset}@example.kz", last_name=f"Teen{offset}")
        volunteer_profile_create(
            user=teen,
            data=VolunteerData(date_of_birth=born(15), region=world["almaty"]),
            language="kk",
            guardian_email="mum@example.kz",
        )

    volunteers(2, 0)
    client.force_login(world["coordinator"])
    with CaptureQueriesContext(connection) as few:
        assert len(names(client.get(LIST, {"region": "KZ-75"}))) == 3

    volunteers(27, 2)
    with django_assert_max_num_queries(len(few)):
        assert len(names(client.get(LIST, {"region": "KZ-75"}))) == 25


# --- One volunteer ------------------------------------------------------------------------------------------


def test_the_record_shows_profile_consents_and_memberships(client, world):
    profile = register(
        world,
        first="Dana",
        last="Bekova",
        age=30,
        organisation=world["ngo"],
        city="Medeu",
        languages=["kk", "sgn"],
    )
    client.force_login(world["ngo_coordinator"])

    response = client.get(f"/en/coordinator/volunteers/{profile.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dana Bekova" in page
    assert "+7 701" in page
    assert "Medeu" in page
    assert "Kazakh, Kazakh sign language" in page
    assert "Version 1" in page
    assert str(ConsentMethod.IN_PERSON.label) in page
    assert "Steppe Care" in page
    assert "Not needed at this age." in page
    assert not AuditEntry.objects.filter(action="volunteers.minor.viewed").exists()


def test_every_view_of_a_minors_record_is_audited(client, world):
    profile = register(world, last="Bekova", age=15)
    client.force_login(world["coordinator"])

    for _view in range(2):
        response = client.get(f"/en/coordinator/volunteers/{profile.pk}/")
        assert "confirmed" in response.content.decode()
    entries = AuditEntry.objects.filter(action="volunteers.minor.viewed")
    assert entries.count() == 2
    assert {(entry.actor, entry.subject) for entry in entries} == {(world["coordinator"], profile.user)}


def test_someone_outside_the_scope_or_unknown_is_404(client, world):
    outsider = register(world, last="Kim", region=world["astana"])
    client.force_login(world["ngo_coordinator"])
    assert client.get(f"/en/coordinator/volunteers/{outsider.pk}/").status_code == 404
    assert client.get("/en/coordinator/volunteers/999999/").status_code == 404
    assert not AuditEntry.objects.filter(action="volunteers.minor.viewed").exists()


def test_a_new_claim_code_replaces_the_old_one(client, world):
    profile = register(world, last="Bekova")
    old_hash = ClaimCode.objects.get(profile=profile).code_hash
    client.force_login(world["coordinator"])

    url = f"/en/coordinator/volunteers/{profile.pk}/claim-code/"
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 200
    code = response.context["code"]
    assert ClaimCode.objects.get(profile=profile).code_hash != old_hash
    assert AuditEntry.objects.filter(action="volunteers.claim_code.issued", subject=profile.user).exists()

    account_claim(phone=profile.phone, code=code, email="bekova@example.kz", password="steppe-wind-2026")
    assert client.post(url).status_code == 403  # claimed: nothing left to hand over
    client.force_login(world["ngo_coordinator"])
    assert client.post(url).status_code == 404


# --- Assisted registration ----------------------------------------------------------------------------------


def registration(world, **overrides):
    data = {
        "first_name": "Ержан",
        "last_name": "Омаров",
        "phone": "8 (702) 555-12-34",
        "date_of_birth": born(40).isoformat(),
        "organisation": world["front_office"].pk,
        "region": "",
        "city": "Алматы",
        "languages": ["kk", "ru"],
        "directions": [],
        "preferred_channel": "sms",
        "guardian_name": "",
        "guardian_phone": "",
        "consent_in_person": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_shows_the_consent_text_and_only_managed_organisations(client, world):
    client.force_login(world["ngo_coordinator"])
    response = client.get(NEW)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Republican volunteer front office" in page  # the consent text's operator section
    assert list(response.context["form"].fields["organisation"].queryset) == [world["ngo"]]
    assert response.context["form"]["region"].value() == "KZ-75"  # the organisation's region


def test_a_coordinator_registers_an_adult_and_gets_the_claim_slip(client, world):
    client.force_login(world["coordinator"])
    response = client.post(NEW, registration(world))

    assert response.status_code == 200
    page = response.content.decode()
    code = response.context["code"]
    assert code in page
    assert "http://testserver/en/accounts/claim/" in page
    assert "+7 702 555 1234" in page
    assert response["Cache-Control"].startswith("max-age=0")

    user = User.objects.get(last_name="Омаров")
    profile = user.profile
    assert (profile.phone, profile.region, profile.city) == ("+77025551234", world["almaty"], "Алматы")
    assert (profile.preferred_channel, profile.languages, profile.registered_by) == (
        "sms",
        ["kk", "ru"],
        world["coordinator"],
    )
    assert PersonalDataConsent.objects.get(user=user).method == ConsentMethod.IN_PERSON
    assert Membership.objects.get(user=user).organisation == world["front_office"]

    claimed = account_claim(
        phone="+77025551234", code=code, email="erzhan@example.kz", password="x-steppe-2026"
    )
    assert claimed == user


def test_a_minor_is_registered_with_the_guardians_consent_in_person(client, world):
    client.force_login(world["coordinator"])
    response = client.post(
        NEW,
        registration(
            world,
            date_of_birth=born(12).isoformat(),
            guardian_name="Айгүл Омарова",
            guardian_phone="87015550000",
        ),
    )
    assert response.status_code == 200
    consent = GuardianConsent.objects.get(profile__user__last_name="Омаров")
    assert (consent.guardian_name, consent.guardian_phone, consent.method) == (
        "Айгүл Омарова",
        "+77015550000",
        ConsentMethod.IN_PERSON,
    )
    assert consent.confirmed_at is not None


def test_a_republican_coordinator_must_choose_the_region(client, world, user_factory):
    republican = user_factory(email="rep@example.kz")
    front_office = Organisation.objects.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE)
    Membership.objects.create(user=republican, organisation=front_office, role=MembershipRole.COORDINATOR)
    client.force_login(republican)

    response = client.post(NEW, registration(world, organisation=front_office.pk))
    assert "Choose the volunteer" in str(response.context["form"].errors["region"])
    response = client.post(NEW, registration(world, organisation=front_office.pk, region="KZ-71"))
    assert User.objects.get(last_name="Омаров").profile.region == world["astana"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"phone": "12-34"}, "phone", "Enter a Kazakhstan phone number"),
        ({"phone": ""}, "phone", "required"),
        ({"date_of_birth": "2026-07-01"}, "date_of_birth", "cannot be in the future"),
        ({"date_of_birth": "not a date"}, "date_of_birth", "valid date"),
        ({"date_of_birth": born(12).isoformat()}, "guardian_name", "give the name of the parent or guardian"),
        ({"guardian_phone": "000"}, "guardian_phone", "Enter a Kazakhstan phone number"),
        ({"consent_in_person": None}, "consent_in_person", "consent, given in person"),
        ({"first_name": ""}, "first_name", "required"),
        ({"region": "KZ-99"}, "region", "Select a valid choice"),
    ],
)
def test_bad_input_is_told_next_to_the_field_and_nothing_is_saved(client, world, overrides, field, message):
    client.force_login(world["coordinator"])
    users = User.objects.count()
    response = client.post(NEW, registration(world, **overrides))

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert 'value="Омаров"' in response.content.decode()  # what was typed stays
    assert User.objects.count() == users


def test_a_phone_already_registered_is_refused(client, world):
    register(world, last="First", phone="+77025551234")
    client.force_login(world["coordinator"])
    users = User.objects.count()
    response = client.post(NEW, registration(world, phone="+7 702 555 12 34"))
    assert "already registered" in str(response.context["form"].errors["phone"])
    assert User.objects.count() == users


def test_an_organisation_the_coordinator_does_not_manage_cannot_be_chosen(client, world):
    client.force_login(world["ngo_coordinator"])
    response = client.post(NEW, registration(world, organisation=world["front_office"].pk))
    assert "Select a valid choice" in str(response.context["form"].errors["organisation"])
    assert not User.objects.filter(last_name="Омаров").exists()
