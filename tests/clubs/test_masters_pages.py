# ruff: noqa: F811  (fixtures take the fixtures imported from conftest and test_masters as arguments)
"""The masters' pages: the silver volunteer's declaration and photos, the coordinators' review, the
coordinator-assisted declaration, the public page; who reaches what; query counts; Kazakh and Russian."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images import get_image_model

from tests.clubs.test_masters import (  # noqa: F401  (fixtures and helpers shared with the services' tests)
    declaration,
    png_bytes,
    png_upload,
    regional_office,
    reviewing,
)
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import Master, MasterPhoto, MasterStatus
from volunteers.clubs.services.masters import master_decide, master_declare, photo_add
from volunteers.models import AuditEntry, Membership, MembershipRole, Organisation, OrganisationKind

pytestmark = pytest.mark.django_db

Image = get_image_model()


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args or None)


def field_errors(html: str, field_id: str) -> str:
    """What the page shows around the input `field_id`, up to the next field: where its errors are."""
    start = html.index(f'id="{field_id}"')
    end = html.find('<div class="field', start)
    return html[start : end if end != -1 else None]


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


# --- Declaring through the pages ----------------------------------------------------------------------------


def declaration_data(craft, reviewing, **changes) -> dict:
    return {
        "craft": craft.pk,
        "organisation": reviewing.pk,
        "story": "I carve spoons.",
        "years": "",
        **changes,
    }


def test_a_silver_volunteer_declares_through_the_short_form(client, silver_factory, reviewing, craft):
    volunteer = silver_factory()
    client.force_login(volunteer)
    mine = client.get(url("clubs:masters_mine"))
    assert mine.status_code == 200 and url("clubs:master_declare") in mine.content.decode()
    form = client.get(url("clubs:master_declare"))
    html = form.content.decode()
    assert form.status_code == 200
    # It says plainly what becomes public; the only organisation is chosen already.
    assert "shown in the public club catalogue" in html
    # The verified organisations of the region: the reviewing NGO and the regional front office.
    choices = form.context["form"].fields["organisation"].queryset
    assert {org.kind for org in choices} == {OrganisationKind.NGO, OrganisationKind.REGIONAL_FRONT_OFFICE}
    assert 'type="radio" name="craft"' in html
    response = client.post(url("clubs:master_declare"), declaration_data(craft, reviewing))
    assert response.status_code == 302 and response["Location"] == url("clubs:masters_mine")
    master = Master.objects.get(volunteer=volunteer)
    assert master.status == MasterStatus.APPLIED
    # The same form sent again (a double click): nothing new, the volunteer lands on their page.
    again = client.post(url("clubs:master_declare"), declaration_data(craft, reviewing))
    assert again.status_code == 302 and Master.objects.count() == 1
    # Another story for the same craft: the refusal is next to the craft.
    other = client.post(url("clubs:master_declare"), declaration_data(craft, reviewing, story="Other."))
    assert other.status_code == 400
    assert "You have already declared this craft." in field_errors(other.content.decode(), "id_craft_0")
    html = client.get(url("clubs:masters_mine")).content.decode()
    assert 'data-status="applied"' in html


def test_a_volunteer_under_the_silver_age_is_told_why_with_a_link_to_the_profile(
    client, silver_factory, reviewing
):
    client.force_login(silver_factory(age=40))
    response = client.get(url("clubs:master_declare"))
    html = response.content.decode()
    assert response.context["form"] is None and 'data-code="master_not_silver"' in html
    assert url("profile_edit") in html and "50" in html


def test_bad_input_is_refused_next_to_its_field(client, silver_factory, reviewing, craft, astana):
    client.force_login(silver_factory())
    elsewhere = Organisation.objects.create(
        slug="astana-crafts", kind=OrganisationKind.NGO, region=astana, verified=True, name={"en": "Astana"}
    )
    cases = [
        ({"story": "x" * 1001}, "id_story"),
        ({"story": ""}, "id_story"),
        ({"years": "200"}, "id_years"),
        ({"organisation": elsewhere.pk}, "id_organisation"),
        ({"craft": "999999"}, "id_craft_0"),
    ]
    for changes, field in cases:
        response = client.post(url("clubs:master_declare"), {**declaration_data(craft, reviewing), **changes})
        assert response.status_code == 400, changes
        assert 'class="errorlist' in field_errors(response.content.decode(), field), changes
    assert not Master.objects.exists()


def test_the_master_changes_the_story_and_withdraws(client, declaration):
    client.force_login(declaration.volunteer)
    edit = url("clubs:master_edit", declaration.pk)
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"story": "Now with my grandson.", "years": "41"})
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.story == "Now with my grandson." and declaration.years == 41
    assert client.post(url("clubs:master_withdraw", declaration.pk)).status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.WITHDRAWN
    assert client.get(edit).status_code == 404  # closed: nothing to edit


def test_someone_elses_declaration_is_a_404_on_the_masters_pages(client, declaration, silver_factory):
    client.force_login(silver_factory())
    photo = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Bowl")
    assert client.get(url("clubs:master_edit", declaration.pk)).status_code == 404
    assert client.get(url("clubs:master_photo_add", declaration.pk)).status_code == 404
    assert client.post(url("clubs:master_withdraw", declaration.pk)).status_code == 404
    assert client.post(url("clubs:master_photo_remove", photo.pk)).status_code == 404
    assert MasterPhoto.objects.filter(pk=photo.pk).exists()


# --- Photos through the pages -------------------------------------------------------------------------------


def truncated_png() -> bytes:
    return png_bytes(size=(200, 200))[:120]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bowl.png", truncated_png()),
        ("bowl.jpg", b"These are notes about a bowl, not a picture.\n" * 20),
        ("bowl.jpg", png_bytes()),  # a PNG under a JPEG name
    ],
    ids=["truncated-png", "text-named-jpg", "png-named-jpg"],
)
def test_a_file_that_is_not_a_good_image_is_refused_next_to_the_photo(client, declaration, name, content):
    client.force_login(declaration.volunteer)
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(
        url("clubs:master_photo_add", declaration.pk), {"image": upload, "caption": "Bowl"}
    )
    assert response.status_code == 400
    assert 'class="errorlist' in field_errors(response.content.decode(), "id_image")
    assert not Image.objects.exists() and not MasterPhoto.objects.exists()


def test_a_photo_too_large_is_refused_next_to_the_photo(client, declaration, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50
    client.force_login(declaration.volunteer)
    response = client.post(
        url("clubs:master_photo_add", declaration.pk), {"image": png_upload(), "caption": "Bowl"}
    )
    assert response.status_code == 400
    assert "This file is too big" in field_errors(response.content.decode(), "id_image")


def test_the_master_adds_photos_up_to_the_limit_and_removes_one(client, declaration, settings):
    settings.CLUBS_MASTER_PHOTOS_MAX = 1
    client.force_login(declaration.volunteer)
    add = url("clubs:master_photo_add", declaration.pk)
    response = client.post(add, {"image": png_upload(), "caption": "A carved bowl"})
    assert response.status_code == 302
    photo = MasterPhoto.objects.get()
    assert photo.approved_at is None
    html = client.get(url("clubs:masters_mine")).content.decode()
    assert 'alt="A carved bowl"' in html and 'data-approved="no"' in html
    assert add not in html  # no room for another: no button
    full = client.post(add, {"image": png_upload(), "caption": "A spoon"})
    assert full.status_code == 400
    assert "A declaration can have up to 1 photos." in full.content.decode()
    assert client.post(url("clubs:master_photo_remove", photo.pk)).status_code == 302
    assert not MasterPhoto.objects.exists() and not Image.objects.exists()


# --- The coordinators' review -------------------------------------------------------------------------------


def test_a_coordinator_reviews_the_photos_and_verifies(client, declaration, coordinator, mailoutbox):
    waiting = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Bowl")
    blurry = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Blur")
    client.force_login(coordinator)
    page = client.get(url("clubs:master_review", declaration.pk))
    html = page.content.decode()
    assert (
        page.status_code == 200
        and "Forty years of carving." in html
        and html.count('data-approved="no"') == 2
    )
    decide_photo = url("clubs:master_photo_decide", waiting.pk)
    assert client.post(decide_photo, {"decision": "approve"}).status_code == 302
    assert client.post(decide_photo, {"decision": "approve"}).status_code == 302  # a double click
    response = client.post(
        url("clubs:master_photo_decide", blurry.pk), {"decision": "reject", "reason": "Too dark."}
    )
    assert response.status_code == 302
    assert list(MasterPhoto.objects.values_list("caption", flat=True)) == ["Bowl"]
    assert MasterPhoto.objects.get().approved_by == coordinator
    # Declining without a reason: refused next to the reason; then verified.
    decide = url("clubs:master_decide", declaration.pk)
    refused = client.post(decide, {"decision": "decline", "reason": ""})
    assert refused.status_code == 400
    assert str(ClubsError("master_reason").message) in field_errors(refused.content.decode(), "id_reason")
    assert client.post(decide, {"decision": "verify"}).status_code == 302
    again = client.post(decide, {"decision": "verify"}, follow=True)  # a double click: said, not redone
    assert str(ClubsError("master_decided").message) in again.content.decode()
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.VERIFIED
    assert AuditEntry.objects.filter(action="clubs.master.verified").count() == 1
    history = client.get(url("clubs:master_review", declaration.pk)).content.decode()
    assert 'data-action="clubs.master_photo.rejected"' in history and "Too dark." in history


def test_the_coordinator_who_is_the_master_sees_no_decision(client, declaration, reviewing):
    Membership.objects.create(
        user=declaration.volunteer, organisation=reviewing, role=MembershipRole.COORDINATOR
    )
    client.force_login(declaration.volunteer)
    response = client.get(url("clubs:master_review", declaration.pk))
    html = response.content.decode()
    assert response.status_code == 200 and response.context["own"]
    assert 'name="decision"' not in html
    followed = client.post(url("clubs:master_decide", declaration.pk), {"decision": "verify"}, follow=True)
    assert str(ClubsError("master_own").message) in followed.content.decode()
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.APPLIED


def test_a_coordinator_declares_for_a_volunteer_found_by_phone(
    client, silver_factory, coordinator, coordinator_factory, reviewing, craft
):
    Membership.objects.create(
        user=silver_factory(phone="+77017654321", email="elder@example.kz", is_retired=True, age=55),
        organisation=reviewing, role=MembershipRole.VOLUNTEER,
    )  # fmt: skip
    client.force_login(coordinator)
    page = url("clubs:master_assisted")
    assert client.get(page).status_code == 200
    found = client.post(page, {"contact": "+7 701 765 43 21"})
    assert found.status_code == 200 and found.context["form"].initial["organisation"] == reviewing.pk
    response = client.post(
        page, {"step": "declare", "contact": "+7 701 765 43 21", **declaration_data(craft, reviewing)}
    )
    master = Master.objects.get()
    assert response.status_code == 302 and response["Location"] == url("clubs:master_review", master.pk)
    review = client.get(response["Location"])
    assert review.context["assisted_self"] and 'name="decision"' not in review.content.decode()
    refused = client.post(url("clubs:master_decide", master.pk), {"decision": "verify"}, follow=True)
    assert str(ClubsError("master_assisted_self").message) in refused.content.decode()
    client.force_login(coordinator_factory(reviewing))
    assert client.post(url("clubs:master_decide", master.pk), {"decision": "verify"}).status_code == 302
    master.refresh_from_db()
    assert master.status == MasterStatus.VERIFIED


def test_the_assisted_path_refuses_who_the_coordinator_may_not_declare_for(
    client, silver_factory, coordinator, reviewing
):
    Membership.objects.create(
        user=silver_factory(age=35, email="young@example.kz"),
        organisation=reviewing,
        role=MembershipRole.VOLUNTEER,
    )
    silver_factory(email="stranger@example.kz")
    client.force_login(coordinator)
    for contact, code in [
        ("stranger@example.kz", "master_volunteer"),
        ("young@example.kz", "master_volunteer_not_silver"),
    ]:
        response = client.post(url("clubs:master_assisted"), {"contact": contact})
        assert response.status_code == 400
        message = (
            ClubsError.messages[code] % {"age": 50} if code.endswith("silver") else ClubsError.messages[code]
        )
        assert str(message) in field_errors(response.content.decode(), "id_contact")
    assert not Master.objects.exists()


# --- Who reaches what ---------------------------------------------------------------------------------------

SEE, HIDDEN, DENIED, LOGIN = "200", "404", "403", "302"
DONE = "done"  # the decision is taken: a redirect to the declaration's page

# fmt: off
MATRIX = {
    #  role                         list      detail   decide   declined public page
    "anonymous":                   (LOGIN,   LOGIN,   LOGIN,   HIDDEN),
    "volunteer":                   (DENIED,  DENIED,  DENIED,  HIDDEN),
    "the_master":                  (DENIED,  DENIED,  DENIED,  HIDDEN),
    "reviewing_coordinator":       (SEE,     SEE,     DONE,    HIDDEN),
    "other_organisation":          (SEE,     HIDDEN,  HIDDEN,  HIDDEN),
    "almaty_front_office":         (SEE,     SEE,     DONE,    HIDDEN),
    "astana_front_office":         (SEE,     HIDDEN,  HIDDEN,  HIDDEN),
    "republican_front_office":     (SEE,     SEE,     DONE,    HIDDEN),
    "superuser":                   (SEE,     SEE,     DONE,    HIDDEN),
}
# fmt: on


@pytest.fixture
def world(declaration, coordinator, coordinator_factory, other_organisation, regional_office, astana,
          volunteer_factory, user_factory, master_factory, other_craft):  # fmt: skip
    declined = master_factory(craft=other_craft, status=MasterStatus.DECLINED)
    roles = {
        "anonymous": None,
        "volunteer": volunteer_factory(email="plain@example.kz"),
        "the_master": declaration.volunteer,
        "reviewing_coordinator": coordinator,
        "other_organisation": coordinator_factory(other_organisation),
        "almaty_front_office": coordinator_factory(regional_office),
        "astana_front_office": coordinator_factory(
            Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=astana)
        ),
        "republican_front_office": coordinator_factory(
            Organisation.objects.get(kind=OrganisationKind.REPUBLICAN_FRONT_OFFICE)
        ),
        "superuser": user_factory(email="admin@example.kz", is_staff=True, is_superuser=True),
    }
    return roles, declaration, declined


@pytest.mark.parametrize("role", list(MATRIX))
def test_the_matrix(client, world, role):
    """One role at a time against the review list, a declaration's page, its decision and the public page of a
    declined master (a fresh world per role: the decision changes it)."""
    roles, master, declined = world
    user = roles[role]
    if user is not None:
        client.force_login(user)
    expected = dict(zip(("list", "detail", "decide", "public"), MATRIX[role], strict=True))

    listed = client.get(url("clubs:masters_review", language="ru"))
    assert str(listed.status_code) == expected["list"], "list"
    if expected["list"] == LOGIN:
        assert listed["Location"].startswith("/ru/accounts/login/")
    if expected["list"] == SEE:
        shown = {row.pk for row in listed.context["page"].object_list}
        assert (master.pk in shown) == (expected["detail"] == SEE), "list"

    detail = client.get(url("clubs:master_review", master.pk, language="ru"))
    assert str(detail.status_code) == expected["detail"], "detail"

    decided = client.post(url("clubs:master_decide", master.pk, language="ru"), {"decision": "verify"})
    master.refresh_from_db()
    if expected["decide"] == DONE:
        assert decided.status_code == 302 and decided["Location"] == url(
            "clubs:master_review", master.pk, language="ru"
        )
        assert master.status == MasterStatus.VERIFIED and master.decided_by == user
    else:
        assert str(decided.status_code) == expected["decide"], "decide"
        assert master.status == MasterStatus.APPLIED

    public = client.get(url("clubs:master_public", declined.pk, language="ru"))
    assert str(public.status_code) == expected["public"], "public"


def test_the_public_page_shows_a_verified_master_and_approved_photos_only(
    client, declaration, coordinator, club_factory
):
    shown = photo_add(
        master=declaration, by=coordinator, upload=png_upload(), caption="The bowl for the fair"
    )
    hidden = photo_add(
        master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Not approved yet"
    )
    page = url("clubs:master_public", declaration.pk)
    assert client.get(page).status_code == 404  # waiting for verification
    master_decide(master=declaration, by=coordinator, verify=True)
    club = club_factory(masters=[declaration], title={"en": "Spoons for beginners"})
    response = client.get(page)
    html = response.content.decode()
    assert response.status_code == 200
    assert declaration.volunteer.first_name in html and "Forty years of carving." in html
    assert 'alt="The bowl for the fair"' in html and "Not approved yet" not in html
    assert "/images/" in html  # a rendition, not the original
    assert "Spoons for beginners" in html
    assert declaration.volunteer.email not in html
    assert [photo.pk for photo in response.context["photos"]] == [shown.pk] != [hidden.pk]
    assert club.pk in [c.pk for c in response.context["clubs"]]


# --- Query counts -------------------------------------------------------------------------------------------


def test_the_review_list_costs_the_same_for_one_or_many(
    client, coordinator, master_factory, craft, other_craft
):
    master_factory(status=MasterStatus.APPLIED)
    client.force_login(coordinator)
    page = url("clubs:masters_review")
    client.get(page)  # warm the session and the site's caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(page).status_code == 200
    for _number in range(5):
        master_factory(status=MasterStatus.APPLIED, craft=other_craft)
    verified = master_factory(status=MasterStatus.VERIFIED)
    with CaptureQueriesContext(connection) as many:
        response = client.get(page)
    assert len(response.context["page"].object_list) == 7
    assert len(many) == len(one)
    # Waiting first; filters by status and craft.
    assert list(response.context["page"].object_list)[-1].pk == verified.pk
    assert client.get(page, {"status": "verified"}).context["page"].paginator.count == 1
    assert client.get(page, {"craft": other_craft.pk}).context["page"].paginator.count == 5
    assert client.get(page, {"status": "nonsense", "craft": "x", "page": "y"}).status_code == 200


def test_the_masters_pages_cost_the_same_for_one_or_many_photos(
    client, declaration, coordinator, other_craft
):
    master_decide(master=declaration, by=coordinator, verify=True)
    photo_add(master=declaration, by=coordinator, upload=png_upload(), caption="One")
    pages = [
        (declaration.volunteer, url("clubs:masters_mine")),
        (coordinator, url("clubs:master_review", declaration.pk)),
        (None, url("clubs:master_public", declaration.pk)),
    ]

    def counts():
        result = []
        for user, page in pages:
            client.logout()
            if user is not None:
                client.force_login(user)
            client.get(page)  # make the renditions, warm the caches
            with CaptureQueriesContext(connection) as queries:
                assert client.get(page).status_code == 200
            result.append(len(queries))
        return result

    before = counts()
    for number in range(3):
        photo_add(master=declaration, by=coordinator, upload=png_upload(), caption=f"More {number}")
    other = master_declare(
        volunteer=declaration.volunteer,
        craft=other_craft,
        organisation=declaration.organisation,
        story="I sew.",
    )
    photo_add(master=other, by=declaration.volunteer, upload=png_upload(), caption="A coat")
    assert counts()[1:] == before[1:]
    # The master's own page lists the second declaration with no more queries either.
    assert counts()[0] == before[0]


# --- Kazakh and Russian -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_pages_speak_kazakh_and_russian(client, declaration, coordinator, language):
    photo_add(master=declaration, by=coordinator, upload=png_upload(), caption="Bowl")
    client.force_login(declaration.volunteer)
    mine = client.get(url("clubs:masters_mine", language=language)).content.decode()
    assert f'<html lang="{language}">' in mine
    assert (
        in_language(language, "My crafts") in mine
        and in_language(language, "Waiting for verification") in mine
    )
    with translation.override(language):
        assert declaration.craft.name.in_language() in mine
    form = client.get(url("clubs:master_edit", declaration.pk, language=language)).content.decode()
    assert in_language(language, "About you and your craft") in form
    client.force_login(coordinator)
    review = client.get(url("clubs:master_review", declaration.pk, language=language)).content.decode()
    assert in_language(language, "Photos of the work") in review and in_language(language, "Verify") in review
    listed = client.get(url("clubs:masters_review", language=language)).content.decode()
    assert in_language(language, "Photos waiting") in listed
    master_decide(master=declaration, by=coordinator, verify=True)
    public = client.get(url("clubs:master_public", declaration.pk, language=language)).content.decode()
    assert in_language(language, "The master's work") in public
