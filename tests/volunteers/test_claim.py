import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from volunteers.models import ClaimCode, Organisation, Region, User
from volunteers.services.reference import consent_text_ensure, front_offices_ensure
from volunteers.services.registration import CLAIM_ATTEMPTS, VolunteerData, volunteer_register_assisted

pytestmark = pytest.mark.django_db

PHONE = "+77012345678"
PASSWORD = "steppe-wind-2026"


@pytest.fixture
def registered(seeded, user_factory):
    """A volunteer a regional coordinator registered in person, and the code they were handed."""
    consent_text_ensure()
    front_offices_ensure()
    region = Region.objects.get(iso_code="KZ-75")
    coordinator = user_factory(email="coordinator@example.kz")
    profile, code = volunteer_register_assisted(
        coordinator=coordinator,
        organisation=Organisation.objects.get(region=region, kind="regional_fo"),
        data=VolunteerData(
            first_name="Asel",
            last_name="Nurlanova",
            phone=PHONE,
            date_of_birth=dt.date(1990, 5, 1),
            region=region,
        ),
        language="kk",
    )
    return profile, code


def _claim(client, right_code, **changes):
    """Posts the claim form: the right values unless `changes` says otherwise."""
    form = {
        "phone": "8 (701) 234-56-78",
        "code": right_code,
        "email": "Asel@Example.kz",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    form.update(changes)
    return client.post("/en/accounts/claim/", form)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def _field_errors(response, field: str) -> str:
    return str(response.context["form"].errors.get(field, ""))


def test_claiming_sets_the_address_and_sends_the_verification_link(client, registered):
    profile, code = registered
    response = _claim(client, code)

    assert response.status_code == 200
    assert "Check your mailbox" in response.content.decode()
    user = User.objects.get(pk=profile.pk)
    assert user.email == "asel@example.kz"
    assert user.check_password(PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("asel@example.kz", False, True)
    assert not ClaimCode.objects.filter(profile=profile).exists()
    assert [message.to for message in mail.outbox] == [["asel@example.kz"]]

    link = re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified
    client.post("/en/accounts/logout/")
    response = client.post("/en/accounts/login/", {"login": "asel@example.kz", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"


def test_the_claim_page_is_public_and_in_kazakh(client, seeded):
    response = client.get("/kk/accounts/claim/")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_a_wrong_code_is_told_next_to_the_code_field(client, registered):
    profile, code = registered
    response = _claim(client, code, code=_wrong(code), email="asel@example.kz")

    assert response.status_code == 200
    assert "The code is wrong or has expired" in _field_errors(response, "code")
    assert 'value="asel@example.kz"' in response.content.decode()  # typed values are kept
    assert User.objects.get(pk=profile.pk).email is None
    assert mail.outbox == []


def test_the_code_dies_after_five_wrong_attempts(client, registered):
    profile, code = registered
    for _attempt in range(CLAIM_ATTEMPTS):
        _claim(client, code, code=_wrong(code))
    assert ClaimCode.objects.get(profile=profile).failed_attempts == CLAIM_ATTEMPTS

    response = _claim(client, code)
    assert "The code is wrong or has expired" in _field_errors(response, "code")
    assert User.objects.get(pk=profile.pk).email is None


def test_an_expired_code_is_refused(client, registered):
    profile, code = registered
    ClaimCode.objects.filter(profile=profile).update(expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    response = _claim(client, code)
    assert "The code is wrong or has expired" in _field_errors(response, "code")


def test_an_unknown_phone_gets_the_same_answer_as_a_wrong_code(client, registered):
    _profile, code = registered
    response = _claim(client, code, phone="+7 702 000 00 00")
    assert "The code is wrong or has expired" in _field_errors(response, "code")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone": "12345"}, "phone", "Enter a Kazakhstan phone number"),
        ({"password1": "123", "password2": "123"}, "password1", "too short"),
        ({"password2": "something-else-2026"}, "password2", "do not match"),
        ({"email": "not-an-address"}, "email", "valid email"),
        ({"code": ""}, "code", "required"),
    ],
)
def test_bad_input_is_told_next_to_the_field_and_changes_nothing(client, registered, changes, field, message):
    profile, code = registered
    response = _claim(client, code, **changes)

    assert response.status_code == 200
    assert message in _field_errors(response, field)
    assert User.objects.get(pk=profile.pk).email is None
    assert ClaimCode.objects.get(profile=profile).failed_attempts == 0  # a typo elsewhere costs no attempt
    assert _claim(client, code).status_code == 200
    assert User.objects.get(pk=profile.pk).email == "asel@example.kz"


def test_a_taken_address_is_told_next_to_the_email_field(client, registered, user_factory):
    profile, code = registered
    user_factory(email="asel@example.kz")
    response = _claim(client, code, email="ASEL@example.kz")
    assert "already registered" in _field_errors(response, "email")
    assert User.objects.get(pk=profile.pk).email is None
