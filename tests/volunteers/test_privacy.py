import datetime as dt
import json

import pytest
from allauth.account.models import EmailAddress

from volunteers.models import (
    AuditEntry,
    ConsentMethod,
    ConsentText,
    GuardianConsent,
    Membership,
    Organisation,
    PersonalDataConsent,
    Region,
    User,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(seeded, user_factory):
    def make(email, phone, first_name="Нұрлан", guardian=False):
        user = user_factory(email=email, first_name=first_name, last_name="Әбенов")
        profile = VolunteerProfile.objects.create(
            user=user,
            date_of_birth=dt.date(2011, 3, 2) if guardian else dt.date(1990, 5, 17),
            region=Region.objects.get(iso_code="KZ-55"),
            city="Павлодар",
            phone=phone,
            languages=["kk"],
            skills="Ағаш шебері",
        )
        PersonalDataConsent.objects.create(
            user=user, text=ConsentText.current(), language="kk", method=ConsentMethod.ONLINE
        )
        if guardian:
            GuardianConsent.objects.create(
                profile=profile, guardian_name="Гүлнар Әбенова", guardian_email="g@example.kz"
            )
        Membership.objects.create(user=user, organisation=Organisation.objects.get(slug="front-office-kz-55"))
        return user

    return make


def test_the_export_holds_everything_about_the_volunteer_and_nothing_about_others(client, volunteer):
    me = volunteer("me@example.kz", "+77011112233", guardian=True)
    other = volunteer("other@example.kz", "+77019998877", first_name="Бөтен")
    client.force_login(me)
    response = client.get("/kk/accounts/privacy/my-data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "me@example.kz"
    assert data["profile"]["phone"] == "+77011112233"
    assert data["profile"]["date_of_birth"] == "2011-03-02"
    assert data["profile"]["region"] == "KZ-55"
    assert data["profile"]["guardian_consents"][0]["guardian_name"] == "Гүлнар Әбенова"
    assert data["consents"][0]["text_version"] == 1
    assert data["memberships"] == [
        {"organisation": "front-office-kz-55", "role": "volunteer", "active": True}
    ]
    text = response.content.decode()
    for foreign in (other.email, "+77019998877", "Бөтен"):
        assert foreign not in text


def test_export_needs_a_signed_in_volunteer(client, seeded):
    assert client.get("/kk/accounts/privacy/my-data.json").status_code == 302


def test_withdrawing_consent_erases_the_personal_data_and_closes_the_account(client, volunteer):
    me = volunteer("me@example.kz", "+77011112233", guardian=True)
    profile = me.profile
    old_token = profile.card_token
    client.force_login(me)

    wrong = client.post("/ru/accounts/privacy/erase/", {"password": "nope", "confirm": "on"})
    assert wrong.status_code == 400
    assert "Пароль" in wrong.content.decode() or "password" in wrong.content.decode().lower()
    assert User.objects.get(pk=me.pk).is_active

    response = client.post("/ru/accounts/privacy/erase/", {"password": me.raw_password, "confirm": "on"})
    assert response.status_code == 302

    user = User.objects.get(pk=me.pk)
    assert (user.email, user.first_name, user.last_name, user.is_active) == (None, "", "", False)
    assert not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    profile = VolunteerProfile.objects.get(pk=me.pk)
    assert profile.erased_at is not None
    assert (profile.date_of_birth, profile.phone, profile.city, profile.skills, profile.languages) == (
        None, None, "", "", []
    )  # fmt: skip
    assert profile.region.iso_code == "KZ-55"  # the anonymous aggregate stays
    assert profile.card_token != old_token
    guardian = GuardianConsent.objects.get(profile=profile)
    assert (guardian.guardian_name, guardian.guardian_email) == ("", "")
    assert PersonalDataConsent.objects.get(user=user).withdrawn_at is not None
    assert not Membership.objects.filter(user=user, active=True).exists()
    assert all(
        entry.data in ({}, {"reason": "consent_withdrawn"})
        for entry in AuditEntry.objects.filter(subject=user)
    )
    # Nothing that names the person is left anywhere in the profile row.
    assert "Нұрлан" not in json.dumps(list(VolunteerProfile.objects.filter(pk=me.pk).values()), default=str)

    assert client.get("/ru/accounts/profile/").status_code == 302  # signed out
    assert not client.login(username="me@example.kz", password=me.raw_password)


def test_erasing_needs_the_confirmation_box(client, volunteer):
    me = volunteer("me@example.kz", "+77011112233")
    client.force_login(me)
    response = client.post("/en/accounts/privacy/erase/", {"password": me.raw_password})
    assert response.status_code == 400
    assert User.objects.get(pk=me.pk).is_active


def test_profile_edit_saves_and_audits_which_fields_changed(client, volunteer):
    me = volunteer("me@example.kz", "+77011112233")
    client.force_login(me)
    page = client.get("/en/accounts/profile/edit/")
    assert page.status_code == 200
    assert 'value="+7 701 111 2233"' in page.content.decode()
    response = client.post(
        "/en/accounts/profile/edit/",
        {
            "first_name": "Нұрлан",
            "last_name": "Әбенов",
            "date_of_birth": "1990-05-17",
            "region": "KZ-55",
            "city": "Екібастұз",
            "phone": "+77011112233",
            "preferred_channel": "sms",
            "skills": "Ағаш шебері",
            "languages": ["kk"],
        },
    )
    assert response.status_code == 302
    profile = VolunteerProfile.objects.get(pk=me.pk)
    assert (profile.city, profile.preferred_channel) == ("Екібастұз", "sms")
    entry = AuditEntry.objects.get(subject=me, action="volunteers.profile.changed")
    assert entry.data == {"fields": ["city", "preferred_channel"]}


def test_profile_edit_refuses_another_volunteers_phone(client, volunteer):
    me = volunteer("me@example.kz", "+77011112233")
    volunteer("other@example.kz", "+77019998877")
    client.force_login(me)
    response = client.post(
        "/en/accounts/profile/edit/",
        {"first_name": "Н", "last_name": "Ә", "date_of_birth": "1990-05-17", "region": "KZ-55",
         "phone": "+77019998877", "preferred_channel": "email"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert VolunteerProfile.objects.get(pk=me.pk).phone == "+77011112233"


def test_easy_reading_is_one_click_and_stays_on(client, volunteer):
    me = volunteer("me@example.kz", "+77011112233")
    assert 'class="easy-reading' not in client.get("/kk/").content.decode()
    response = client.get("/kk/easy-reading/?on=1&next=/kk/")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"
    assert response.cookies["easy"].value == "1"
    assert '<body class="easy-reading' in client.get("/kk/").content.decode()

    client.force_login(me)
    client.get("/kk/easy-reading/?on=1&next=/kk/")
    assert VolunteerProfile.objects.get(pk=me.pk).easy_reading
    client.cookies.pop("easy")
    assert '<body class="easy-reading' in client.get("/kk/").content.decode()  # a new browser remembers it

    off = client.get("/kk/easy-reading/?on=0&next=https://evil.example/")
    assert off["Location"] == "/"
    assert '<body class="easy-reading' not in client.get("/kk/").content.decode()


def test_profile_edit_losing_a_race_for_a_phone_gets_a_message(client, volunteer, monkeypatch):
    me = volunteer("me@example.kz", "+77011112233")
    volunteer("other@example.kz", "+77019998877")
    client.force_login(me)
    # The other volunteer's number passed the check just before they saved it: only the unique index knows.
    monkeypatch.setattr("volunteers.forms.phone_available", lambda **kwargs: None)
    response = client.post(
        "/en/accounts/profile/edit/",
        {"first_name": "Н", "last_name": "Ә", "date_of_birth": "1990-05-17", "region": "KZ-55",
         "phone": "+77019998877", "preferred_channel": "email"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert VolunteerProfile.objects.get(pk=me.pk).phone == "+77011112233"
