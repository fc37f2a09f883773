import datetime as dt
import re

import pytest
from django.utils import translation

from volunteers.card import card_pdf, card_public_fields_set
from volunteers.errors import VolunteerError
from volunteers.models import AuditEntry, Direction, Region, VolunteerProfile

pytestmark = pytest.mark.django_db

BORN = dt.date(1994, 3, 17)
PHONE = "+77011234567"


@pytest.fixture
def profile(seeded, user_factory):
    user = user_factory(email="aruzhan@example.kz", first_name="Аружан", last_name="Сәрсенқызы")
    profile = VolunteerProfile.objects.create(
        user=user, region=Region.objects.get(iso_code="KZ-75"), date_of_birth=BORN, phone=PHONE
    )
    profile.directions.set(Direction.objects.order_by("sort_order")[:2])
    return profile


@pytest.fixture
def signed_in(client, profile):
    client.force_login(profile.user)
    return client


def _texts(profile):
    region = profile.region.name
    directions = list(profile.directions.all())
    return {
        "photo_name": ["Аружан Сәрсенқызы"],
        "region": [region["kk"]],
        "directions": [direction.name["kk"] for direction in directions],
        "member_since": [str(profile.user.date_joined.year)],
    }


def _assert_no_private_data(html: str) -> None:
    assert "aruzhan@example.kz" not in html
    assert PHONE not in html and "7011234567" not in html
    assert "1994" not in html and "17.03" not in html


# --- The volunteer's own card -----------------------------------------------------------------------------


def test_card_page_needs_login(client, profile):
    for url in ("/kk/accounts/card/", "/kk/accounts/card.pdf"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/kk/accounts/login/")


def test_card_page_shows_the_card_and_a_qr_code_to_the_public_page(signed_in, profile):
    html = signed_in.get("/ru/accounts/card/").content.decode()
    assert "Аружан Сәрсенқызы" in html
    assert profile.region.name["ru"] in html
    for direction in profile.directions.all():
        assert direction.name["ru"] in html
    assert re.search(r"<svg [^>]*class=\"card-qr\"", html)
    assert "<path" in html
    assert f"http://testserver/ru/card/{profile.card_token}/" in html
    assert 'href="/ru/accounts/card.pdf"' in html
    assert f"{profile.card_token[:4]} {profile.card_token[4:8]}" in html  # the card number


def test_account_page_links_to_the_card(signed_in):
    assert 'href="/en/accounts/card/"' in signed_in.get("/en/accounts/profile/").content.decode()


def test_a_user_without_a_profile_gets_a_message_and_no_pdf(client, seeded, user_factory):
    client.force_login(user_factory(email="new@example.kz"))
    response = client.get("/en/accounts/card/")
    assert response.status_code == 200
    assert "no volunteer profile yet" in response.content.decode()
    assert client.get("/en/accounts/card.pdf").status_code == 404


# --- The PDF ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_pdf_is_made_in_the_visitors_language_with_dejavu(signed_in, language):
    response = signed_in.get(f"/{language}/accounts/card.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    # Kazakh letters need an embedded TrueType font; Helvetica would draw them as black boxes.
    assert b"DejaVuSans" in pdf
    assert b"Helvetica" not in pdf
    assert f"/Lang ({language})".encode() in pdf


def _pdf_info(pdf: bytes, key: str) -> str:
    """A document-information string; ReportLab writes non-ASCII ones as octal-escaped UTF-16 with a BOM."""
    raw = re.search(rb"/" + key.encode() + rb" \(((?:\\.|[^\\)])*)\)", pdf).group(1)
    data = re.sub(
        rb"\\([0-7]{3}|.)",
        lambda m: bytes([int(m.group(1), 8)]) if len(m.group(1)) == 3 else m.group(1),
        raw,
        flags=re.S,
    )
    return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")


@pytest.mark.parametrize(("language", "platform"), [("kk", "Біргеміз"), ("en", "Birgemiz")])
def test_pdf_builder_renders_in_the_language_it_is_given_not_the_active_one(profile, language, platform):
    with translation.override("ru"):
        pdf = card_pdf(profile=profile, language=language, verify_url="https://birgemiz.kz/kk/card/t/")
        assert translation.get_language() == "ru"
    assert pdf.startswith(b"%PDF")
    assert f"/Lang ({language})".encode() in pdf
    assert _pdf_info(pdf, "Author") == platform
    with translation.override(language):
        assert _pdf_info(pdf, "Title") == translation.gettext("Volunteer card")


# --- The public page --------------------------------------------------------------------------------------


def test_public_page_shows_only_the_chosen_fields(client, profile):
    card_public_fields_set(profile=profile, fields=["region", "directions"])
    response = client.get(f"/kk/card/{profile.card_token}/")
    assert response.status_code == 200
    html = response.content.decode()
    texts = _texts(profile)
    for text in texts["region"] + texts["directions"]:
        assert text in html
    assert "Аружан" not in html
    assert "Сәрсенқызы" not in html
    _assert_no_private_data(html)
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_public_page_with_every_field_still_hides_contact_details(client, profile):
    card_public_fields_set(profile=profile, fields=["photo_name", "region", "directions", "member_since"])
    html = client.get(f"/kk/card/{profile.card_token}/").content.decode()
    for texts in _texts(profile).values():
        for text in texts:
            assert text in html
    _assert_no_private_data(html)


def test_public_page_with_nothing_chosen_only_confirms_the_volunteer(client, profile):
    html = client.get(f"/en/card/{profile.card_token}/").content.decode()
    assert "This is a registered volunteer of the Birgemiz platform." in html
    assert "Аружан" not in html
    assert profile.region.name["en"] not in html
    assert "<dl" not in html
    _assert_no_private_data(html)


def test_a_volunteer_without_a_name_never_shows_the_email_instead(client, seeded, user_factory):
    user = user_factory(email="noname@example.kz")
    profile = VolunteerProfile.objects.create(user=user, region=Region.objects.get(iso_code="KZ-75"))
    card_public_fields_set(profile=profile, fields=["photo_name"])
    html = client.get(f"/kk/card/{profile.card_token}/").content.decode()
    assert "noname@example.kz" not in html
    assert "noname" not in html


def test_public_page_is_404_for_unknown_erased_or_inactive(client, profile, seeded, user_factory):
    assert client.get("/kk/card/no-such-token-at-all/").status_code == 404

    profile.erased_at = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    profile.save(update_fields=["erased_at"])
    assert client.get(f"/kk/card/{profile.card_token}/").status_code == 404

    other = VolunteerProfile.objects.create(user=user_factory(email="gone@example.kz", is_active=False))
    assert client.get(f"/kk/card/{other.card_token}/").status_code == 404


# --- Choosing what is public ------------------------------------------------------------------------------


def test_choosing_fields_saves_them_and_writes_an_audit_entry(signed_in, profile):
    response = signed_in.post("/en/accounts/card/", {"public_fields": ["member_since", "photo_name"]})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/card/"
    profile.refresh_from_db()
    assert profile.public_fields == ["photo_name", "member_since"]
    entry = AuditEntry.objects.get(action="volunteers.card.visibility_changed")
    assert entry.actor == profile.user
    assert entry.subject == profile.user
    assert entry.data == {"before": [], "after": ["photo_name", "member_since"]}

    # The same choice again is harmless: nothing changes, nothing more is logged.
    signed_in.post("/en/accounts/card/", {"public_fields": ["photo_name", "member_since"]})
    assert AuditEntry.objects.filter(action="volunteers.card.visibility_changed").count() == 1

    # Unticking everything is a choice too.
    signed_in.post("/en/accounts/card/", {})
    profile.refresh_from_db()
    assert profile.public_fields == []


def test_an_unknown_field_code_is_refused_next_to_the_field_and_nothing_is_saved(signed_in, profile):
    card_public_fields_set(profile=profile, fields=["region"])
    response = signed_in.post("/en/accounts/card/", {"public_fields": ["region", "email"]})
    assert response.status_code == 200
    html = response.content.decode()
    # The message sits in the field's own error list, which the fieldset names in aria-describedby.
    assert 'aria-describedby="id_public_fields_helptext id_public_fields_error"' in html
    assert re.search(
        r'<ul class="errorlist" id="id_public_fields_error"><li>“email” cannot be shown on the card.', html
    )
    profile.refresh_from_db()
    assert profile.public_fields == ["region"]
    assert AuditEntry.objects.filter(action="volunteers.card.visibility_changed").count() == 1


def test_the_service_refuses_unknown_codes_itself(profile):
    with pytest.raises(VolunteerError) as caught:
        card_public_fields_set(profile=profile, fields=["photo_name", "date_of_birth"])
    assert caught.value.code == "card_field_unknown"
    assert caught.value.field == "public_fields"
    with translation.override("en"):
        assert str(caught.value.message) == "“date_of_birth” cannot be shown on the card."
    profile.refresh_from_db()
    assert profile.public_fields == []
    assert not AuditEntry.objects.exists()


def test_the_form_cannot_change_someone_elses_card(client, profile, user_factory):
    intruder = user_factory(email="intruder@example.kz")
    VolunteerProfile.objects.create(user=intruder, region=Region.objects.get(iso_code="KZ-75"))
    client.force_login(intruder)
    client.post("/en/accounts/card/", {"public_fields": ["photo_name"]})
    profile.refresh_from_db()
    assert profile.public_fields == []
