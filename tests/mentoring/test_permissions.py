"""Who reaches which page of mentoring's people: every role against a mentee of centre A, a mentor who applied
to centre A and centre A's rules, through HTTP and through the gates themselves.

Mentees (children) are seen by their own centre's staff and admins only: not by a front office above the
centre, not by another centre, never by a volunteer. Mentors are reviewed per `mentors_managed_by`: the
organisation they applied to, the regional front office of their region, the republican front office.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from volunteers.mentoring.models import Mentee, MentorStatus
from volunteers.mentoring.permissions import centres_managed_by, mentees_visible_to, mentors_managed_by
from volunteers.models import AuditEntry, Membership, MembershipRole, Organisation, OrganisationKind

pytestmark = pytest.mark.django_db

SEE = "200"
HIDDEN = "404"
DENIED = "403"
LOGIN = "302"

OBJECTS = ("mentee", "mentee_edit", "mentor", "rules")

# fmt: off
MATRIX = {
    #  role                       mentee   mentee_edit  mentor   rules
    "anonymous":                 (LOGIN,   LOGIN,       LOGIN,   LOGIN),
    "volunteer":                 (DENIED,  DENIED,      DENIED,  DENIED),
    "the_mentor":                (DENIED,  DENIED,      DENIED,  DENIED),
    "centre_coordinator":        (SEE,     SEE,         SEE,     SEE),
    "other_centre_coordinator":  (HIDDEN,  HIDDEN,      HIDDEN,  HIDDEN),
    "almaty_front_office":       (HIDDEN,  HIDDEN,      SEE,     HIDDEN),
    "republican_front_office":   (HIDDEN,  HIDDEN,      SEE,     HIDDEN),
    "analyst":                   (DENIED,  DENIED,      DENIED,  DENIED),
    "superuser":                 (SEE,     SEE,         SEE,     SEE),
}
# fmt: on


@pytest.fixture
def world(
    seeded, almaty, centre, other_centre, centre_coordinator, other_centre_coordinator, coordinator_factory,
    user_factory, volunteer_factory, mentor_factory, mentee_factory,
):  # fmt: skip
    def in_group(name, email):
        user = user_factory(email=email)
        user.groups.add(Group.objects.get_or_create(name=name)[0])
        return user

    mentor = mentor_factory(status=MentorStatus.APPLIED, organisation=centre, email="mentor@example.kz")
    # The mentor is also a volunteer member of the centre: membership as a volunteer opens nothing.
    Membership.objects.create(user=mentor.volunteer, organisation=centre, role=MembershipRole.VOLUNTEER)
    roles = {
        "anonymous": None,
        "volunteer": volunteer_factory(email="plain@example.kz"),
        "the_mentor": mentor.volunteer,
        "centre_coordinator": centre_coordinator,
        "other_centre_coordinator": other_centre_coordinator,
        "almaty_front_office": coordinator_factory(
            Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)
        ),
        "republican_front_office": coordinator_factory(
            Organisation.objects.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE)
        ),
        "analyst": in_group("Analysts", "analyst@example.kz"),
        "superuser": user_factory(email="admin@example.kz", is_staff=True, is_superuser=True),
    }
    objects = {"mentee": mentee_factory(organisation=centre), "mentor": mentor, "centre": centre}
    return roles, objects


def page(target, objects, language="ru"):
    names = {
        "mentee": ("mentoring:mentee", objects["mentee"].pk),
        "mentee_edit": ("mentoring:mentee_edit", objects["mentee"].pk),
        "mentor": ("mentoring:mentor", objects["mentor"].pk),
        "rules": ("mentoring:centre_rules", objects["centre"].pk),
    }
    name, pk = names[target]
    with translation.override(language):
        return reverse(name, args=[pk])


@pytest.mark.parametrize("role", list(MATRIX))
def test_the_matrix(client, world, role):
    """One role at a time against every object (the world is built once a role, not once a cell)."""
    roles, objects = world
    user = roles[role]
    if user is not None:
        client.force_login(user)
    gates = {
        "mentee": (mentees_visible_to, objects["mentee"].pk),
        "mentee_edit": (mentees_visible_to, objects["mentee"].pk),
        "mentor": (mentors_managed_by, objects["mentor"].pk),
        "rules": (centres_managed_by, objects["centre"].pk),
    }
    for target, outcome in zip(OBJECTS, MATRIX[role], strict=True):
        before = AuditEntry.objects.filter(action="mentoring.mentee.viewed").count()
        response = client.get(page(target, objects))
        assert str(response.status_code) == outcome, target
        if outcome == LOGIN:
            assert response["Location"].startswith("/ru/accounts/login/")
        if target.startswith("mentee"):
            # Only a page actually shown is a read to audit.
            viewed = AuditEntry.objects.filter(action="mentoring.mentee.viewed").count() - before
            assert viewed == (1 if outcome == SEE else 0), target
        # The gates say the same as the pages for everyone who reaches them.
        if user is not None and outcome in (SEE, HIDDEN):
            gate, pk = gates[target]
            assert gate(user).filter(pk=pk).exists() == (outcome == SEE), target


@pytest.mark.parametrize(
    "role", ["other_centre_coordinator", "almaty_front_office", "republican_front_office"]
)
def test_outsiders_neither_list_nor_change_a_centres_mentees(client, world, role):
    roles, objects = world
    mentee = objects["mentee"]
    client.force_login(roles[role])
    with translation.override("en"):
        listed = client.get(reverse("mentoring:mentees"))
        archive = reverse("mentoring:mentee_archive", args=[mentee.pk])
        edit = reverse("mentoring:mentee_edit", args=[mentee.pk])
    assert listed.status_code == 200 and mentee.name not in [
        m.name for m in listed.context["page"].object_list
    ]
    assert client.post(archive).status_code == 404
    assert (
        client.post(edit, {"name": "Changed", "birth_year": "2014", "languages": ["kk"]}).status_code == 404
    )
    mentee.refresh_from_db()
    assert mentee.archived_at is None and mentee.name == "A. K."


def test_outsiders_cannot_decide_on_a_mentor_or_record_a_check(client, world):
    roles, objects = world
    mentor = objects["mentor"]
    client.force_login(roles["other_centre_coordinator"])
    with translation.override("en"):
        decide = reverse("mentoring:mentor_decide", args=[mentor.pk])
        check = reverse("mentoring:check_verify", args=[mentor.pk])
        revoke = reverse("mentoring:check_revoke", args=[mentor.checks.get().pk])
        listed = client.get(reverse("mentoring:mentors"))
    assert client.post(decide, {"decision": "approve"}).status_code == 404
    assert client.post(check, {"issued_on": "2020-01-01"}).status_code == 404
    assert client.post(revoke, {"reason": "no"}).status_code == 404
    assert listed.context["page"].paginator.count == 0
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.APPLIED and mentor.checks.get().revoked_at is None


def test_the_mentor_cannot_review_themselves_even_as_a_coordinator(client, world):
    roles, objects = world
    mentor = objects["mentor"]
    Membership.objects.filter(user=mentor.volunteer).update(role=MembershipRole.COORDINATOR)
    client.force_login(mentor.volunteer)
    with translation.override("en"):
        response = client.get(reverse("mentoring:mentor", args=[mentor.pk]))
        decide = reverse("mentoring:mentor_decide", args=[mentor.pk])
    assert response.status_code == 200 and response.context["own"]
    assert 'name="decision"' not in response.content.decode()
    assert client.post(decide, {"decision": "approve"}, follow=True).status_code == 200
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.APPLIED


def test_no_mentee_data_on_public_pages(client, world):
    _roles, objects = world
    mentee = objects["mentee"]
    Mentee.objects.filter(pk=mentee.pk).update(name="Zhuldyz-Secret", note="Secret-note")
    for address in ("/ru/", "/en/", "/kk/", "/ru/search/?q=Zhuldyz", "/sitemap.xml"):
        response = client.get(address, follow=True)
        body = response.content.decode()
        assert "Zhuldyz-Secret" not in body and "Secret-note" not in body, address
