import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(user_factory, seeded):
    user = user_factory(email="editor@example.kz")
    group = Group.objects.get(name="Editors")
    user.groups.add(group)
    assert user.has_perm("wagtailadmin.access_admin")
    return user


def _current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_anonymous_admin_goes_to_the_site_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/kk/accounts/login/?next=/admin/")


def test_wagtail_login_screen_is_replaced_by_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/kk/accounts/login/?next=/admin/pages/"


def test_staff_without_mfa_cannot_enter_the_admin(client, editor):
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/2fa/totp/activate/"
    assert client.get("/admin/pages/").status_code == 302


def test_staff_with_mfa_logs_in_with_a_code_and_enters_the_admin(client, editor):
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)

    response = client.post(
        "/en/accounts/login/?next=/admin/", {"login": editor.email, "password": editor.raw_password}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "/accounts/login/" in client.get("/admin/")["Location"]  # not in before the second factor

    response = client.post("/en/accounts/2fa/authenticate/", {"code": _current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_volunteer_never_reaches_the_admin(client, user_factory, seeded):
    volunteer = user_factory()
    client.force_login(volunteer)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_superuser_without_mfa_is_sent_to_set_it_up(client, db):
    from volunteers.models import User

    admin = User.objects.create_superuser(email="root@example.kz", password="x-long-password-1")
    client.force_login(admin)
    assert client.get("/admin/")["Location"].endswith("/accounts/2fa/totp/activate/")
    assert Permission.objects.filter(codename="access_admin").exists()


def test_a_kazakh_speaking_editor_gets_the_admin_in_russian(client, editor):
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)
    client.cookies["lang"] = "kk"
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="ru"' in response.content.decode()
