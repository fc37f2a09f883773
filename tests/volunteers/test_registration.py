import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from volunteers.models import AuditEntry, GuardianConsent, PersonalDataConsent, User, VolunteerProfile
from volunteers.services.eligibility import event_refusals

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)
NOON = dt.datetime(2026, 6, 15, 12, tzinfo=ZoneInfo("Asia/Almaty"))


def born_years_ago(years: int, days_later: int = 0) -> str:
    return (TODAY.replace(year=TODAY.year - years) + dt.timedelta(days=days_later)).isoformat()


def form(**overrides):
    data = {
        "first_name": "Дәулет",
        "last_name": "Сәрсенбаев",
        "email": "daulet@example.kz",
        "password1": "steppe-wind-2026",
        "password2": "steppe-wind-2026",
        "date_of_birth": born_years_ago(30),
        "region": "KZ-71",
        "city": "Астана",
        "phone": "8 (701) 234-56-78",
        "preferred_channel": "telegram",
        "languages": ["kk", "ru"],
        "directions": ["taza-alem", "ayala"],
        "skills": "Бірінші көмек",
        "availability": ["sat-morning", "sun-afternoon"],
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOON, tick=False):
        yield


def signup(client, language="kk", **overrides):
    return client.post(f"/{language}/accounts/signup/", form(**overrides))


def test_a_volunteer_signs_up_with_the_whole_profile_in_one_form(client, seeded):
    response = signup(client, language="ru")
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="daulet@example.kz")
    profile = user.profile
    assert (user.first_name, user.last_name) == ("Дәулет", "Сәрсенбаев")
    assert profile.phone == "+77012345678"
    assert profile.region.iso_code == "KZ-71"
    assert sorted(profile.directions.values_list("slug", flat=True)) == ["ayala", "taza-alem"]
    assert profile.languages == ["kk", "ru"]
    assert profile.availability == ["sat-morning", "sun-afternoon"]
    assert profile.preferred_channel == "telegram"
    assert profile.language == "ru"
    consent = PersonalDataConsent.objects.get(user=user)
    assert (consent.text.version, consent.language, consent.method) == (1, "ru", "online")
    assert consent.given_at == NOON
    assert AuditEntry.objects.filter(subject=user, action="volunteers.profile.created").exists()


@pytest.mark.parametrize(
    ("born", "field", "message"),
    [
        (
            (TODAY + dt.timedelta(days=1)).isoformat(),
            "date_of_birth",
            "Туған күні болашақта болуы мүмкін емес.",
        ),
        (born_years_ago(14, days_later=1), "date_of_birth", "14 жасқа толмаған волонтерлер"),
        (born_years_ago(121), "date_of_birth", "120"),
    ],
    ids=["future", "13-turning-14-tomorrow", "too-old"],
)
def test_impossible_or_too_young_birth_dates_are_refused(client, seeded, born, field, message):
    response = signup(client, date_of_birth=born)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == 0


def test_fourteen_today_may_register_alone_but_needs_a_guardian(client, seeded):
    response = signup(client, date_of_birth=born_years_ago(14))
    html = response.content.decode()
    assert response.status_code == 200
    assert "ата-анасының немесе заңды өкілінің келісімі" in html
    assert User.objects.count() == 0
    response = signup(
        client,
        date_of_birth=born_years_ago(14),
        guardian_name="Сәуле Сәрсенбаева",
        guardian_email="saule@example.kz",
    )
    assert response.status_code == 302
    assert GuardianConsent.objects.get().guardian_email == "saule@example.kz"


def test_sixteen_today_needs_no_guardian_fifteen_does(client, seeded):
    assert signup(client, date_of_birth=born_years_ago(16)).status_code == 302
    assert not User.objects.get().profile.needs_guardian_consent
    response = signup(
        client, email="young@example.kz", phone="", date_of_birth=born_years_ago(16, days_later=1)
    )
    assert response.status_code == 200
    assert User.objects.count() == 1


def test_guardian_email_must_not_be_the_volunteers_own(client, seeded):
    response = signup(
        client, date_of_birth=born_years_ago(15), guardian_name="Сәуле", guardian_email="DAULET@example.kz"
    )
    assert "Өзіңіздікін емес" in response.content.decode()
    assert User.objects.count() == 0


def test_guardian_confirms_by_the_link_in_the_volunteers_language(
    client, seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(
            client,
            language="ru",
            date_of_birth=born_years_ago(15),
            guardian_name="Сәуле Сәрсенбаева",
            guardian_email="saule@example.kz",
        )
    assert response.status_code == 302
    user = User.objects.get(email="daulet@example.kz")
    guardian_mail = next(message for message in mail.outbox if message.to == ["saule@example.kz"])
    assert "просит вашего согласия" in guardian_mail.subject
    link = re.search(r"https?://[^/]+(/ru/guardian/\S+/)", guardian_mail.body).group(1)

    assert [refusal.code for refusal in event_refusals(user=user)] == ["guardian_pending"]
    page = client.get(link)
    assert page.status_code == 200
    assert "Дәулет Сәрсенбаев" in page.content.decode()

    refused = client.post(link, {"full_name": "Сәуле Сәрсенбаева"})
    assert refused.status_code == 200
    assert GuardianConsent.objects.get().confirmed_at is None

    done = client.post(link, {"full_name": "Сәуле Сәрсенбаева", "agree": "on"})
    assert done.status_code == 200
    consent = GuardianConsent.objects.get()
    assert consent.confirmed_at == NOON
    assert consent.confirmed_name == "Сәуле Сәрсенбаева"
    assert event_refusals(user=user) == []

    again = client.post(link, {"full_name": "Someone else", "agree": "on"})
    assert again.status_code == 200
    assert GuardianConsent.objects.get().confirmed_name == "Сәуле Сәрсенбаева"


def test_unknown_guardian_link_is_a_404(client, seeded):
    assert client.get("/kk/guardian/not-a-token/").status_code == 404


@pytest.mark.parametrize(
    ("phone", "message"),
    [("12345", "+7 701 234 56 78"), ("+7 916 123 45 67", "+7 701 234 56 78"), ("x" * 40, "32")],
)
def test_malformed_phones_are_refused(client, seeded, phone, message):
    response = signup(client, language="en", phone=phone)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == 0


def test_a_phone_already_registered_is_refused(client, seeded):
    assert signup(client).status_code == 302
    response = signup(client, language="en", email="other@example.kz", phone="+77012345678")
    assert "already registered" in response.content.decode()
    assert User.objects.count() == 1


def test_a_region_that_does_not_exist_is_refused(client, seeded):
    response = signup(client, language="en", region="KZ-99")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert User.objects.count() == 0


def test_consent_is_required(client, seeded):
    response = signup(client, language="en", consent=None)
    assert "Consent to the processing of personal data is required" in response.content.decode()
    assert User.objects.count() == 0


def test_a_ten_megabyte_name_gets_a_message_and_nothing_is_saved(client, seeded):
    response = signup(client, language="en", first_name="А" * (10 * 1024 * 1024 // 2))
    assert response.status_code == 200
    assert "at most 150 characters" in response.content.decode()
    assert User.objects.count() == 0


def test_what_was_typed_is_kept_after_an_error(client, seeded):
    html = signup(client, language="en", phone="12345").content.decode()
    assert 'value="Дәулет"' in html
    assert 'value="daulet@example.kz"' in html
    assert 'value="taza-alem" ' in html and "checked" in html


@pytest.mark.parametrize(
    ("age", "retired", "silver"), [(49, False, False), (50, False, True), (40, True, True), (75, False, True)]
)
def test_silver_volunteers_are_fifty_or_older_or_retired(client, seeded, age, retired, silver):
    assert (
        signup(client, date_of_birth=born_years_ago(age), is_retired="on" if retired else None).status_code
        == 302
    )
    assert VolunteerProfile.objects.get().is_silver is silver


def test_adults_only_events_refuse_minors_until_the_day_they_turn_eighteen(client, seeded):
    assert signup(client, date_of_birth=born_years_ago(18, days_later=1)).status_code == 302
    user = User.objects.get()
    assert [refusal.code for refusal in event_refusals(user=user, adults_only=True)] == ["adults_only"]
    assert event_refusals(user=user, adults_only=True, on=TODAY + dt.timedelta(days=1)) == []


def test_a_phone_taken_by_a_concurrent_sign_up_gets_a_message_not_a_500(client, seeded, monkeypatch):
    assert signup(client).status_code == 302
    # The other sign-up committed between this one's check and its insert: the check saw nothing.
    monkeypatch.setattr("volunteers.forms.phone_available", lambda **kwargs: None)
    monkeypatch.setattr("volunteers.services.registration.phone_available", lambda **kwargs: None)
    response = signup(client, language="en", email="second@example.kz")
    assert response.status_code == 200
    assert "This phone number is already registered" in response.content.decode()
    assert User.objects.count() == 1
