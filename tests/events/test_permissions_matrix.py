"""Who may manage an event: every role against every coordinator's page of one event of "Steppe Care".

Roles: an anonymous visitor; a volunteer (a member of Steppe Care with the volunteer role); Steppe Care's
coordinator and its manager; the coordinator of another organisation; an admin. Outsiders get the sign-in
page, a 403 (they coordinate nothing) or a 404 (they coordinate elsewhere: the event does not exist for them),
and nothing changes; insiders get the page or the action.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from events.models import Event, EventStatus
from events.permissions import can_manage_events, events_managed_by, shifts_managed_by
from volunteers.models import Membership, MembershipRole

LOGIN = "302: sign in first"
DENIED = "403: coordinates nothing"
HIDDEN = "404: another organisation's event"
SEE = "200: the page"
DONE = "302: done, back to the event"

ROLES = ("anonymous", "volunteer", "coordinator", "manager", "other_coordinator", "admin")

# The pages of this helper's views, with the outcome for each role in the order of ROLES.
# fmt: off
MATRIX = {
    #  page         anonymous  volunteer  coordinator  manager  other_coordinator  admin
    "list":        (LOGIN,     DENIED,    SEE,         SEE,     SEE,               SEE),
    "create":      (LOGIN,     DENIED,    SEE,         SEE,     SEE,               SEE),
    "detail":      (LOGIN,     DENIED,    SEE,         SEE,     HIDDEN,            SEE),
    "edit":        (LOGIN,     DENIED,    SEE,         SEE,     HIDDEN,            SEE),
    "publish":     (LOGIN,     DENIED,    DONE,        DONE,    HIDDEN,            DONE),
    "cancel":      (LOGIN,     DENIED,    DONE,        DONE,    HIDDEN,            DONE),
}
# fmt: on
INSIDERS = {"coordinator", "manager", "admin"}
# The check-in, attendance and export pages belong to the check-in views: outsiders must not get in, insiders
# must (whatever the exact status of each page).
OTHER_PAGES = ("checkin", "attendance", "export_csv", "export_xlsx")

CELLS = [
    pytest.param(page, role, outcome, id=f"{page}-{role}")
    for page, row in MATRIX.items()
    for role, outcome in zip(ROLES, row, strict=True)
]


@pytest.fixture
def world(
    organisation, other_organisation, coordinator, coordinator_factory, volunteer, user_factory, event_factory
):
    Membership.objects.create(user=volunteer, organisation=organisation, role=MembershipRole.VOLUNTEER)
    roles = {
        "anonymous": None,
        "volunteer": volunteer,
        "coordinator": coordinator,
        "manager": coordinator_factory(organisation, role=MembershipRole.MANAGER),
        "other_coordinator": coordinator_factory(other_organisation),
        "admin": user_factory(email="admin@example.kz", is_staff=True, is_superuser=True),
    }
    return roles, event_factory(publish=False)


def url(page: str, event: Event) -> str:
    shift = event.shifts.get()
    base = "/ru/coordinator/events/"
    return {
        "list": base,
        "create": f"{base}new/",
        "detail": f"{base}{event.pk}/",
        "edit": f"{base}{event.pk}/edit/",
        "publish": f"{base}{event.pk}/publish/",
        "cancel": f"{base}{event.pk}/cancel/",
        "checkin": f"{base}{event.pk}/check-in/",
        "attendance": f"{base}shifts/{shift.pk}/attendance/",
        "export_csv": f"{base}shifts/{shift.pk}/export.csv",
        "export_xlsx": f"{base}shifts/{shift.pk}/export.xlsx",
    }[page]


@pytest.mark.parametrize(("page", "role", "outcome"), CELLS)
def test_the_matrix(client, world, page, role, outcome):
    roles, event = world
    if roles[role] is not None:
        client.force_login(roles[role])

    if page in ("publish", "cancel"):
        response = client.post(url(page, event), {"reason": "Storm"})
    else:
        response = client.get(url(page, event))

    assert f"{response.status_code}:" == outcome.split(" ")[0]
    if outcome == LOGIN:
        assert response["Location"].startswith("/ru/accounts/login/")
    if outcome == DONE:
        assert response["Location"] == url("detail", event)
    event.refresh_from_db()
    expected = {"publish": EventStatus.PUBLISHED, "cancel": EventStatus.CANCELLED}.get(
        page, EventStatus.DRAFT
    )
    assert event.status == (expected if outcome == DONE else EventStatus.DRAFT)


@pytest.mark.parametrize("role", ["coordinator", "manager", "other_coordinator", "admin"])
def test_the_list_shows_the_event_to_insiders_only(client, world, role):
    roles, event = world
    client.force_login(roles[role])

    response = client.get(url("list", event))

    listed = [row.pk for row in response.context["page"].object_list]
    assert listed == ([event.pk] if role in INSIDERS else [])


@pytest.mark.parametrize("role", ROLES)
def test_the_gate_itself_agrees_with_the_pages(world, role):
    roles, event = world
    user = roles[role] or AnonymousUser()

    assert can_manage_events(user) is (role not in ("anonymous", "volunteer"))
    assert events_managed_by(user).filter(pk=event.pk).exists() is (role in INSIDERS)
    assert shifts_managed_by(user).filter(event=event).exists() is (role in INSIDERS)


@pytest.mark.parametrize("page", OTHER_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_the_check_in_pages_let_in_insiders_only(client, world, page, role):
    roles, event = world
    if roles[role] is not None:
        client.force_login(roles[role])

    response = client.get(url(page, event))

    if role in INSIDERS:
        assert response.status_code not in (403, 404)
    elif role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/ru/accounts/login/")
    else:
        assert response.status_code in (403, 404)
