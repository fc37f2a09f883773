"""The enrolment pages through HTTP: a guardian enrols with no account (or signed in), refusals next to their
field, the enrolment's page and withdrawal by its link, a guardian's children's clubs, and the coordinators'
children's lists: who reaches them, the audit of each list shown, removal and enrolment in person."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.clubs.conftest import born_aged
from volunteers.clubs.models import ClubStatus, Enrolment, EnrolmentStatus
from volunteers.clubs.services.enrolments import enrolment_create
from volunteers.models import AuditEntry, ConsentMethod, Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


def form_data(club, **changes) -> dict:
    data = {
        "child_name": "Айдос Серікұлы",
        "child_birth_date": born_aged(9, on=club.starts_on).isoformat(),
        "guardian_name": "Гүлнар Серікова",
        "relationship": "parent",
        "guardian_phone": "8 701 234 56 78",
        "guardian_email": "parent@example.kz",
        "language": "ru",
        "consent": "on",
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def enrol(club, name="Child", phone="+77012345678", **extra):
    return enrolment_create(
        club=club, child_name=name, child_birth_date=born_aged(9, on=club.starts_on), guardian_name="Parent",
        guardian_phone=phone, consent=True, **extra,
    )  # fmt: skip


def private(response) -> bool:
    cache = response["Cache-Control"]
    return "no-store" in cache and "private" in cache and "noindex" in response["X-Robots-Tag"]


# --- The guardian enrols ------------------------------------------------------------------------------------


def test_a_guardian_without_an_account_enrols_a_child(client, club):
    page = client.get(f"/en/clubs/{club.pk}/enrol/")
    assert page.status_code == 200
    assert "Steppe Care" in page.text  # the operator named in the consent text
    assert "Consent to the processing of the child&#x27;s personal data" in page.text
    assert page.context["form"]["language"].value() == "en"

    response = client.post(f"/ru/clubs/{club.pk}/enrol/", form_data(club))

    enrolment = Enrolment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ru/clubs/enrolment/{enrolment.token}/"
    assert enrolment.status == EnrolmentStatus.ENROLLED and enrolment.guardian is None
    assert enrolment.guardian_phone == "+77012345678" and enrolment.language == "ru"
    assert (enrolment.consent_language, enrolment.consent_method) == ("ru", ConsentMethod.ONLINE)


def test_a_signed_in_guardian_is_linked_and_their_contacts_prefilled(client, club, volunteer_factory):
    user = volunteer_factory(phone="+77019998877")
    user.first_name, user.last_name = "Гүлнар", "Серікова"
    user.save()
    client.force_login(user)
    page = client.get(f"/kk/clubs/{club.pk}/enrol/")
    form = page.context["form"]
    assert form["guardian_name"].value() == "Гүлнар Серікова"
    assert form["guardian_phone"].value() == "+7 701 999 8877"
    assert form["guardian_email"].value() == user.email and form["language"].value() == "kk"

    client.post(f"/kk/clubs/{club.pk}/enrol/", form_data(club, language="kk"))
    assert Enrolment.objects.get().guardian == user


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"consent": None}, "consent"),
        ({"guardian_phone": "12 34"}, "guardian_phone"),
        ({"guardian_phone": ""}, "guardian_phone"),
        ({"child_birth_date": "2010-13-45"}, "child_birth_date"),
        ({"child_name": ""}, "child_name"),
        ({"relationship": "neighbour"}, "relationship"),
    ],
)
def test_bad_input_is_told_next_to_the_field_and_nothing_is_saved(client, club, changes, field):
    response = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club, **changes))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert not Enrolment.objects.exists()


def test_the_services_refusals_are_told_next_to_their_field(client, club):
    too_young = born_aged(5, on=club.starts_on).isoformat()
    response = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club, child_birth_date=too_young))
    assert response.status_code == 400
    assert response.context["form"].errors["child_birth_date"] == [
        "The club is for children from 7 to 14 years old; this child is 5."
    ]
    assert 'aria-invalid="true"' in response.text

    Client().post(f"/en/clubs/{club.pk}/enrol/", form_data(club))  # another browser enrolled the child
    again = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club, child_name=" айдос  серікұлы "))
    assert again.context["form"].errors["child_name"] == [
        "This child is already enrolled in this club or on its waitlist."
    ]
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    born = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club, child_birth_date=future))
    assert born.context["form"].errors["child_birth_date"] == ["The date of birth cannot be in the future."]
    assert Enrolment.objects.count() == 1


def test_the_form_sent_twice_makes_one_enrolment(client, club):
    first = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club))
    second = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club))
    enrolment = Enrolment.objects.get()
    assert first["Location"] == second["Location"] == f"/en/clubs/enrolment/{enrolment.token}/"
    assert AuditEntry.objects.filter(action="clubs.enrolment.enrolled").count() == 1


def test_a_full_club_offers_the_waitlist_and_says_so_after(client, club_factory):
    club = club_factory(capacity=1)
    enrol(club)
    page = client.get(f"/en/clubs/{club.pk}/enrol/")
    assert "Join the waitlist" in page.text and "The club is full" in page.text
    response = client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club), follow=True)
    assert "The child is on the waitlist: number 1." in response.text


@pytest.mark.parametrize("status", [ClubStatus.CLOSED, ClubStatus.CANCELLED])
def test_a_club_not_open_sends_the_form_back_to_its_page(client, club_factory, status):
    club = club_factory(status=status)
    response = client.get(f"/en/clubs/{club.pk}/enrol/")
    assert response.status_code == 302 and response["Location"] == f"/en/clubs/{club.pk}/"
    client.post(f"/en/clubs/{club.pk}/enrol/", form_data(club))
    assert not Enrolment.objects.exists()


# --- The enrolment's page and withdrawal --------------------------------------------------------------------


def test_the_enrolments_page_is_private_and_withdrawal_takes_a_confirmation(client, club_factory):
    club = club_factory(capacity=1)
    enrolment = enrol(club, name="Айдос")
    waiting = enrol(club, name="Әсел", phone="+77012345679")

    page = client.get(f"/en/clubs/enrolment/{enrolment.token}/")
    assert page.status_code == 200 and private(page) and page["Referrer-Policy"] == "no-referrer"
    assert "The child is enrolled in the club." in page.text and "Айдос" in page.text
    assert len(page.context["sessions"]) == 5
    assert client.get("/en/clubs/enrolment/not-a-token/").status_code == 404

    confirm = client.get(f"/en/clubs/enrolment/{enrolment.token}/withdraw/")
    assert confirm.status_code == 200 and "Айдос" in confirm.text
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.ENROLLED

    done = client.post(f"/en/clubs/enrolment/{enrolment.token}/withdraw/", follow=True)
    assert "This enrolment was withdrawn" in done.text and "Айдос" not in done.text
    assert Enrolment.objects.get(pk=waiting.pk).status == EnrolmentStatus.ENROLLED
    # Twice is once; the confirmation page of a withdrawn enrolment leads back to it.
    client.post(f"/en/clubs/enrolment/{enrolment.token}/withdraw/")
    assert client.get(f"/en/clubs/enrolment/{enrolment.token}/withdraw/").status_code == 302
    assert AuditEntry.objects.filter(action="clubs.enrolment.withdrawn").count() == 1


def test_a_signed_in_guardian_sees_their_childrens_clubs_only(client, club_factory, volunteer_factory,
                                                              django_assert_max_num_queries):  # fmt: skip
    guardian, other = volunteer_factory(), volunteer_factory()
    assert client.get("/en/clubs/mine/").status_code == 302
    client.force_login(guardian)
    club = club_factory(capacity=1)
    enrol(club, name="Mine", guardian=guardian)
    enrol(club, name="Mine too", phone="+77012345679", guardian=guardian)
    enrol(club, name="Theirs", phone="+77012345670", guardian=other)
    client.get("/en/clubs/mine/")
    with CaptureQueriesContext(connection) as two:
        response = client.get("/en/clubs/mine/")
    assert private(response)
    assert "Mine" in response.text and "Mine too" in response.text and "Theirs" not in response.text
    assert "number 1 on the waitlist" in response.text
    for number in range(5):
        enrol(club_factory(title={"en": f"Club {number}"}), name="More", guardian=guardian)
    with CaptureQueriesContext(connection) as seven:
        response = client.get("/en/clubs/mine/")
    assert len(response.context["active"]) == 7
    assert len(seven) == len(two)


# --- The coordinators' children's lists ---------------------------------------------------------------------

SEE, HIDDEN, DENIED, LOGIN = "200", "404", "403", "302"

# fmt: off
MATRIX = {
    #  role                      list     new      remove
    "anonymous":                (LOGIN,  LOGIN,   LOGIN),
    "volunteer":                (DENIED, DENIED,  DENIED),
    "the_guardian":             (DENIED, DENIED,  DENIED),
    "coordinator":              (SEE,    SEE,     SEE),
    "other_coordinator":        (HIDDEN, HIDDEN,  HIDDEN),
    "almaty_front_office":      (HIDDEN, HIDDEN,  HIDDEN),
    "republican_front_office":  (HIDDEN, HIDDEN,  HIDDEN),
    "analyst":                  (DENIED, DENIED,  DENIED),
    "superuser":                (SEE,    SEE,     SEE),
}
# fmt: on


@pytest.fixture
def world(club, almaty, coordinator, other_organisation, coordinator_factory, user_factory,
          volunteer_factory):  # fmt: skip
    analyst = user_factory(email="analyst@example.kz")
    analyst.groups.add(Group.objects.get_or_create(name="Analysts")[0])
    guardian = volunteer_factory(email="guardian@example.kz")
    roles = {
        "anonymous": None,
        "volunteer": volunteer_factory(email="plain@example.kz"),
        "the_guardian": guardian,
        "coordinator": coordinator,
        "other_coordinator": coordinator_factory(other_organisation),
        "almaty_front_office": coordinator_factory(
            Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
        ),
        "republican_front_office": coordinator_factory(
            Organisation.objects.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE)
        ),
        "analyst": analyst,
        "superuser": user_factory(email="admin@example.kz", is_staff=True, is_superuser=True),
    }
    return roles, enrol(club, name="Айдос", guardian=guardian)


@pytest.mark.parametrize("role", list(MATRIX))
def test_the_matrix(client, world, club, role):
    roles, enrolment = world
    if roles[role] is not None:
        client.force_login(roles[role])
    listed, new, remove = MATRIX[role]

    response = client.get(f"/ru/coordinator/clubs/{club.pk}/children/")
    assert str(response.status_code) == listed
    if listed == LOGIN:
        assert response["Location"].startswith("/ru/accounts/login/")
    entries = AuditEntry.objects.filter(action="clubs.enrolments.listed")
    if listed == SEE:
        assert private(response) and "Айдос" in response.text
        assert entries.get().data == {"club": club.pk, "enrolments": [enrolment.pk]}
    else:
        assert not entries.exists()
    assert str(client.get(f"/ru/coordinator/clubs/{club.pk}/children/new/").status_code) == new

    response = client.post(
        f"/ru/coordinator/clubs/{club.pk}/children/{enrolment.pk}/remove/", {"reason": "Причина"}
    )
    assert str(response.status_code) == ("302" if remove == SEE else remove)
    removed = Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.REMOVED
    assert removed == (remove == SEE)


def test_another_clubs_enrolment_in_the_url_is_not_found(client, club, club_factory, coordinator):
    other_club = club_factory(title={"en": "Other"})
    enrolment = enrol(other_club)
    client.force_login(coordinator)
    response = client.post(
        f"/en/coordinator/clubs/{club.pk}/children/{enrolment.pk}/remove/", {"reason": "Because"}
    )
    assert response.status_code == 404
    assert Enrolment.objects.get(pk=enrolment.pk).status == EnrolmentStatus.ENROLLED


def test_the_childrens_list_runs_the_same_queries_for_any_number_of_children(client, club_factory,
                                                                             coordinator):  # fmt: skip
    club = club_factory(capacity=3)
    enrol(club, name="One")
    client.force_login(coordinator)
    client.get(f"/en/coordinator/clubs/{club.pk}/children/")
    with CaptureQueriesContext(connection) as one:
        client.get(f"/en/coordinator/clubs/{club.pk}/children/")
    for number in range(6):
        enrol(club, name=f"Child {number}", phone=f"+7702234567{number}", recorded_by=coordinator,
              method=ConsentMethod.IN_PERSON)  # fmt: skip
    with CaptureQueriesContext(connection) as seven:
        response = client.get(f"/en/coordinator/clubs/{club.pk}/children/")
    assert len(response.context["page"].object_list) == 7
    assert "number 4 on the waitlist" in response.text
    assert len(seven) == len(one)


def test_a_removal_needs_a_reason_shown_next_to_that_childs_field(client, club, coordinator):
    first, second = enrol(club, name="First"), enrol(club, name="Second", phone="+77012345679")
    client.force_login(coordinator)
    url = f"/en/coordinator/clubs/{club.pk}/children/{second.pk}/remove/"
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    rows = {item.pk: item for item in response.context["page"].object_list}
    assert rows[second.pk].remove_form.errors and not rows[first.pk].remove_form.errors
    assert f'id="id_remove_{second.pk}_reason"' in response.text
    assert Enrolment.objects.get(pk=second.pk).status == EnrolmentStatus.ENROLLED

    response = client.post(url, {"reason": "Переехали в другой город"}, follow=True)
    assert "The child is removed from the club" in response.text
    assert Enrolment.objects.get(pk=second.pk).end_reason == "Переехали в другой город"


def test_a_coordinator_enrols_a_child_for_a_guardian_who_came(client, club, coordinator):
    client.force_login(coordinator)
    page = client.get(f"/ru/coordinator/clubs/{club.pk}/children/new/")
    assert page.status_code == 200 and private(page)
    assert page.context["consent"].language == "ru"

    response = client.post(
        f"/ru/coordinator/clubs/{club.pk}/children/new/", form_data(club, guardian_email=""), follow=True
    )
    enrolment = Enrolment.objects.get()
    assert (enrolment.consent_method, enrolment.recorded_by, enrolment.consent_language) == (
        ConsentMethod.IN_PERSON, coordinator, "ru",
    )  # fmt: skip
    assert enrolment.guardian is None
    assert f"/ru/clubs/enrolment/{enrolment.token}/" in response.text  # the link to give the parent

    missing = client.post(f"/ru/coordinator/clubs/{club.pk}/children/new/", form_data(club, consent=None))
    assert missing.status_code == 400 and list(missing.context["form"].errors) == ["consent"]


def test_a_coordinator_cannot_enrol_in_a_closed_club(client, club_factory, coordinator):
    club = club_factory(status=ClubStatus.CLOSED)
    client.force_login(coordinator)
    page = client.get(f"/en/coordinator/clubs/{club.pk}/children/new/")
    assert page.status_code == 200 and "Enrolment in this club is closed." in page.text
    client.post(f"/en/coordinator/clubs/{club.pk}/children/new/", form_data(club))
    assert not Enrolment.objects.exists()


# --- Three languages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "form_heading", "state"),
    [
        ("kk", "Баланы жазу", "Бала үйірмеге жазылды."),
        ("ru", "Записать ребёнка", "Ребёнок записан в кружок."),
        ("en", "Enrol a child", "The child is enrolled in the club."),
    ],
    ids=["kk", "ru", "en"],
)
def test_the_form_and_the_enrolments_page_in_three_languages(client, club, language, form_heading, state):
    page = client.get(f"/{language}/clubs/{club.pk}/enrol/")
    assert page.status_code == 200 and form_heading in page.text
    consent = page.context["consent"]
    assert consent.language == language and f'lang="{language}"' in page.text
    response = client.post(f"/{language}/clubs/{club.pk}/enrol/", form_data(club), follow=True)
    assert state in response.text
