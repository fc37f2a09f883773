import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from volunteers.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "first_name": "Айгерім",
    "last_name": "Сейітқали",
    "email": "Aigerim@Example.kz",
    "password1": "steppe-wind-2026",
    "password2": "steppe-wind-2026",
    "date_of_birth": "1998-04-12",
    "region": "KZ-75",
    "preferred_channel": "email",
    "consent": "on",
}


def _confirmation_link(message) -> str:
    return re.search(r"https?://testserver(/\S+/accounts/confirm-email/\S+/)", message.body).group(1)


@pytest.mark.parametrize(
    ("language", "subject_word", "body_word"),
    [
        ("kk", "электрондық пошта", "растау"),
        ("ru", "адрес", "подтвер"),
        ("en", "Confirm", "confirm"),
    ],
)
def test_sign_up_sends_verification_in_the_visitors_language_then_login(
    client, seeded, language, subject_word, body_word
):
    response = client.post(f"/{language}/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"

    user = User.objects.get()
    assert user.email == "aigerim@example.kz"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aigerim@example.kz"]
    assert subject_word.lower() in message.subject.lower()
    assert body_word in message.body.lower()

    link = _confirmation_link(message)
    assert link.startswith(f"/{language}/")
    assert client.get(link).status_code == 200  # a page with a button: mail scanners must not confirm
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.post(f"/{language}/accounts/logout/")
    response = client.post(
        f"/{language}/accounts/login/", {"login": "AIGERIM@example.kz", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/profile/"
    profile = client.get(response["Location"])
    assert "aigerim@example.kz" in profile.content.decode()


def test_unverified_account_cannot_log_in(client, seeded, user_factory):
    user = user_factory(verified=False)
    response = client.post("/ru/accounts/login/", {"login": user.email, "password": user.raw_password})
    assert response["Location"] == "/ru/accounts/confirm-email/"
    assert client.get("/ru/accounts/profile/").status_code == 302


def test_signing_up_with_a_taken_email_reveals_nothing(client, seeded, user_factory):
    user_factory(email="taken@example.kz")
    response = client.post("/en/accounts/signup/", {**SIGNUP, "email": "TAKEN@example.kz"})
    # The same answer as for a new address; the owner gets a mail saying someone tried.
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="taken@example.kz").count() == 1
    assert mail.outbox[0].to == ["taken@example.kz"]


def test_password_reset_mail_is_in_kazakh_and_reveals_nothing(client, seeded, user_factory):
    user = user_factory(email="reset@example.kz")
    for email in (user.email, "nobody@example.kz"):
        response = client.post("/kk/accounts/password/reset/", {"email": email})
        assert response["Location"] == "/kk/accounts/password/reset/done/"
    assert [message.to for message in mail.outbox] == [["reset@example.kz"], ["nobody@example.kz"]]
    assert "құпиясөз" in mail.outbox[0].subject.lower()


def test_sign_up_form_errors_are_next_to_the_field_in_the_visitors_language(client, seeded):
    response = client.post(
        "/kk/accounts/signup/", {"email": "not-an-email", "password1": "123", "password2": "456"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "Дұрыс электрондық пошта мекенжайын енгізіңіз." in html
    assert 'value="not-an-email"' in html  # what was typed is kept
    assert User.objects.count() == 0


def test_kazakh_screens_are_in_kazakh(client, seeded):
    for path, words in {
        "/kk/accounts/login/": ["Кіру", "Құпиясөз"],
        "/kk/accounts/signup/": ["Тіркелу"],
        "/kk/accounts/password/reset/": ["Құпиясөзді"],
    }.items():
        html = client.get(path).content.decode()
        for word in words:
            assert word in html, (path, word)


def test_failed_logins_are_rate_limited(client, seeded, user_factory):
    user = user_factory(email="target@example.kz")
    statuses = [
        client.post("/ru/accounts/login/", {"login": user.email, "password": "wrong"}).status_code
        for _attempt in range(6)
    ]
    assert statuses == [200] * 6
    # The right password is refused as well until the window passes, with the reason in Russian.
    response = client.post("/ru/accounts/login/", {"login": user.email, "password": user.raw_password})
    assert response.status_code == 200
    assert "Слишком много неудачных попыток входа" in response.content.decode()
    assert "_auth_user_id" not in client.session
