# ruff: noqa: F811  (fixtures take the fixtures imported from conftest as arguments)
"""Masters through their services: who may declare a craft and to whom, the coordinators' decisions (once,
never on their own or on one they declared), photos (limits, approval, removal) and the master's clubs."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import ClubStatus, Craft, Master, MasterPhoto, MasterStatus
from volunteers.clubs.permissions import masters_managed_by
from volunteers.clubs.services.masters import (
    PHOTOS_COLLECTION,
    clubs_led,
    master_decide,
    master_declare,
    master_story_update,
    master_volunteer_find,
    master_withdraw,
    photo_add,
    photo_approve,
    photo_remove,
)
from volunteers.models import (
    AuditEntry,
    EntryKind,
    EntryStatus,
    LedgerEntry,
    Organisation,
    OrganisationKind,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db

Image = get_image_model()


# --- Helpers and fixtures shared with the pages' tests ------------------------------------------------------


def refused(code, function, **kwargs):
    with pytest.raises(ClubsError) as caught:
        function(**kwargs)
    assert caught.value.code == code, caught.value.code
    return caught.value


def png_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#8a5a2b").save(buffer, "PNG")
    return buffer.getvalue()


def png_upload(name="bowl.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


@pytest.fixture
def reviewing(organisation):
    """The coordinators' organisation, verified: silver volunteers of Almaty may declare a craft to it."""
    organisation.verified = True
    organisation.save(update_fields=["verified"])
    return organisation


@pytest.fixture
def regional_office(almaty):
    return Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=almaty)


@pytest.fixture
def declaration(silver_factory, reviewing, craft):
    """A craft declared by a 60-year-old volunteer (messages in Russian), waiting for verification."""
    volunteer = silver_factory(language="ru", email="master@example.kz")
    return master_declare(
        volunteer=volunteer, craft=craft, organisation=reviewing, story="Forty years of carving.", years=40
    )


def declare(volunteer, organisation, craft, **changes):
    fields = {"volunteer": volunteer, "craft": craft, "organisation": organisation, "story": "I carve."}
    return master_declare(**{**fields, **changes})


# --- Declaring ----------------------------------------------------------------------------------------------


def test_a_volunteer_of_the_silver_age_declares_a_craft(silver_factory, reviewing, craft, almaty):
    volunteer = silver_factory(age=50)
    master = declare(volunteer, reviewing, craft, story="  Spoons and bowls.  ", years="12")
    assert master.status == MasterStatus.APPLIED and master.region == almaty
    assert (master.story, master.years) == ("Spoons and bowls.", 12)
    entry = AuditEntry.objects.get(action="clubs.master.declared")
    assert entry.actor == volunteer and entry.data["master"] == master.pk and not entry.data["assisted"]


def test_a_retired_volunteer_under_the_silver_age_declares_too(silver_factory, reviewing, craft):
    master = declare(silver_factory(age=45, is_retired=True), reviewing, craft)
    assert master.status == MasterStatus.APPLIED


def test_a_younger_volunteer_is_told_the_age_from_the_settings(silver_factory, reviewing, craft, settings):
    young = silver_factory(age=45)
    error = refused("master_not_silver", declare, volunteer=young, organisation=reviewing, craft=craft)
    assert error.params == {"age": 50} and "50" in error.message
    settings.VOLUNTEERS_SILVER_AGE = 45
    assert declare(young, reviewing, craft).status == MasterStatus.APPLIED
    assert Master.objects.count() == 1


def test_without_a_profile_or_a_region_nobody_declares(user_factory, silver_factory, reviewing, craft):
    refused("master_no_profile", declare, volunteer=user_factory(email="bare@example.kz"),
            organisation=reviewing, craft=craft)  # fmt: skip
    nowhere = silver_factory()
    VolunteerProfile.objects.filter(user=nowhere).update(region=None)
    refused("master_no_profile", declare, volunteer=nowhere, organisation=reviewing, craft=craft)
    assert not Master.objects.exists()


def test_the_same_craft_is_declared_once_while_open(declaration, reviewing, craft, other_craft):
    volunteer = declaration.volunteer
    error = refused("master_duplicate", declare, volunteer=volunteer, organisation=reviewing, craft=craft)
    assert error.field == "craft"
    assert declare(volunteer, reviewing, other_craft).craft == other_craft
    # Withdrawn, it may be declared again: the same row, waiting again, with the new story.
    master_withdraw(master=declaration, by=volunteer)
    again = declare(volunteer, reviewing, craft, story="Back to carving.")
    assert (
        again.pk == declaration.pk
        and again.status == MasterStatus.APPLIED
        and again.story == "Back to carving."
    )
    assert AuditEntry.objects.filter(action="clubs.master.declared", data__again=True).count() == 1


def test_the_organisation_must_be_a_verified_one_of_the_volunteers_region(
    silver_factory, organisation, reviewing, craft, astana
):
    volunteer = silver_factory()
    elsewhere = Organisation.objects.create(
        slug="astana-crafts", kind=OrganisationKind.NGO, region=astana, verified=True, name={"en": "Astana"}
    )
    company = Organisation.objects.create(
        slug="almaty-corp", kind=OrganisationKind.COMPANY, region=reviewing.region, verified=True,
        name={"en": "A company"},
    )  # fmt: skip
    unverified = Organisation.objects.create(
        slug="new-ngo", kind=OrganisationKind.NGO, region=reviewing.region, name={"en": "New"}
    )
    for wrong in (elsewhere, company, unverified, None):
        error = refused("master_organisation", declare, volunteer=volunteer, organisation=wrong, craft=craft)
        assert error.field == "organisation"
    assert not Master.objects.exists()


def test_bad_craft_story_and_years_are_refused_next_to_their_fields(silver_factory, reviewing, craft):
    volunteer = silver_factory()
    Craft.objects.filter(pk=craft.pk).update(active=False)
    assert (
        refused("master_craft", declare, volunteer=volunteer, organisation=reviewing, craft=craft).field
        == "craft"
    )
    Craft.objects.filter(pk=craft.pk).update(active=True)
    for story in ("   ", "x" * 1001):
        refused(
            "master_story", declare, volunteer=volunteer, organisation=reviewing, craft=craft, story=story
        )
    for years in (-1, 91, "many"):
        refused(
            "master_years", declare, volunteer=volunteer, organisation=reviewing, craft=craft, years=years
        )
    assert not Master.objects.exists()


# --- Deciding -----------------------------------------------------------------------------------------------


def test_verifying_tells_the_volunteer_in_their_language(
    declaration, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        master_decide(master=declaration, by=coordinator, verify=True)
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.VERIFIED and declaration.decided_by == coordinator
    assert AuditEntry.objects.filter(action="clubs.master.verified", data__master=declaration.pk).exists()
    [mail] = mailoutbox
    assert mail.to == ["master@example.kz"]
    with translation.override("ru"):
        craft = declaration.craft.name.in_language()
        assert mail.subject == gettext("Your craft is verified: %(craft)s") % {"craft": craft}
    assert f"/ru/clubs/masters/{declaration.pk}/" in mail.body and "/ru/clubs/masters/mine/" in mail.body


def test_declining_needs_a_reason_and_sends_it(
    declaration, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    for reason in ("", "   "):
        error = refused("master_reason", master_decide, master=declaration, by=coordinator, verify=False,
                        reason=reason)  # fmt: skip
        assert error.field == "reason"
    with django_capture_on_commit_callbacks(execute=True):
        master_decide(
            master=declaration, by=coordinator, verify=False, reason="Bring your work to the office."
        )
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.DECLINED
    assert declaration.decline_reason == "Bring your work to the office."
    [mail] = mailoutbox
    assert "Bring your work to the office." in mail.body


def test_a_decision_is_taken_once(declaration, coordinator, coordinator_factory, reviewing):
    master_decide(master=declaration, by=coordinator, verify=True)
    # A double click, or a colleague at the same moment: the second finds it decided under the lock.
    colleague = coordinator_factory(reviewing)
    refused("master_decided", master_decide, master=declaration, by=colleague, verify=True)
    refused("master_decided", master_decide, master=declaration, by=coordinator, verify=False, reason="x")
    assert AuditEntry.objects.filter(action="clubs.master.verified").count() == 1


def test_who_decides(
    declaration, coordinator_factory, other_organisation, regional_office, astana, user_factory
):
    refused("master_unknown", master_decide, master=declaration,
            by=coordinator_factory(other_organisation), verify=True)  # fmt: skip
    astana_office = Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=astana)
    refused("master_unknown", master_decide, master=declaration, by=coordinator_factory(astana_office),
            verify=True)  # fmt: skip
    refused("master_unknown", master_decide, master=declaration, by=declaration.volunteer, verify=True)
    master_decide(master=declaration, by=coordinator_factory(regional_office), verify=True)


def test_nobody_decides_their_own_declaration(declaration, reviewing):
    from volunteers.models import Membership, MembershipRole

    Membership.objects.create(
        user=declaration.volunteer, organisation=reviewing, role=MembershipRole.COORDINATOR
    )
    assert masters_managed_by(declaration.volunteer).filter(pk=declaration.pk).exists()
    refused("master_own", master_decide, master=declaration, by=declaration.volunteer, verify=True)


# --- Declaring for a volunteer ------------------------------------------------------------------------------


def test_a_coordinator_declares_for_a_silver_volunteer_found_by_phone(
    silver_factory, coordinator, coordinator_factory, reviewing, craft, regional_office
):
    volunteer = silver_factory(phone="+77011234567")
    by = coordinator_factory(regional_office)
    assert master_volunteer_find(by=by, contact="8 (701) 123-45-67") == volunteer
    master = master_declare(volunteer=volunteer, by=by, craft=craft, organisation=reviewing, story="Told.")
    entry = AuditEntry.objects.get(action="clubs.master.declared")
    assert entry.actor == by and entry.subject == volunteer and entry.data["assisted"]
    # The coordinator who declared does not verify: another one does.
    refused("master_assisted_self", master_decide, master=master, by=by, verify=True)
    master_decide(master=master, by=coordinator, verify=True)


def test_a_coordinator_declares_only_for_silver_volunteers_they_coordinate(
    silver_factory, coordinator, coordinator_factory, reviewing, craft, astana
):
    stranger = silver_factory(email="stranger@example.kz")  # of Almaty, a member of no organisation
    refused("master_volunteer", master_volunteer_find, by=coordinator, contact="stranger@example.kz")
    refused("master_volunteer", master_volunteer_find, by=coordinator, contact="not a phone")
    refused("master_volunteer", master_declare, volunteer=stranger, by=coordinator, craft=craft,
            organisation=reviewing, story="x")  # fmt: skip
    office = coordinator_factory(
        Organisation.objects.get(kind=OrganisationKind.REGIONAL_FRONT_OFFICE, region=reviewing.region)
    )
    young = silver_factory(age=30, email="young@example.kz")
    assert master_volunteer_find(by=office, contact="YOUNG@example.kz") == young
    refused("master_volunteer_not_silver", master_declare, volunteer=young, by=office, craft=craft,
            organisation=reviewing, story="x")  # fmt: skip
    assert not Master.objects.exists()


# --- The story and withdrawing ------------------------------------------------------------------------------


def test_editing_a_verified_story_keeps_it_verified_and_keeps_the_old_text(
    declaration, coordinator, user_factory
):
    master_decide(master=declaration, by=coordinator, verify=True)
    master_story_update(master=declaration, by=declaration.volunteer, story="Fifty years now.", years=50)
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.VERIFIED and declaration.story == "Fifty years now."
    entry = AuditEntry.objects.get(action="clubs.master.story_changed")
    assert entry.data["before"] == {"story": "Forty years of carving.", "years": 40}
    assert entry.data["status"] == "verified"
    # The same text again changes nothing; a coordinator may correct it; a stranger may not.
    master_story_update(master=declaration, by=declaration.volunteer, story="Fifty years now.", years=50)
    master_story_update(master=declaration, by=coordinator, story="Fifty years of carving.", years=50)
    assert AuditEntry.objects.filter(action="clubs.master.story_changed").count() == 2
    stranger = user_factory(email="stranger@example.kz")
    refused("master_unknown", master_story_update, master=declaration, by=stranger, story="Mine now")


def test_a_withdrawn_declaration_is_closed_and_withdrawing_again_is_harmless(declaration, coordinator):
    master_withdraw(master=declaration, by=declaration.volunteer)
    master_withdraw(master=declaration, by=declaration.volunteer)
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.WITHDRAWN
    assert AuditEntry.objects.filter(action="clubs.master.withdrawn").count() == 1
    refused("master_closed", master_story_update, master=declaration, by=declaration.volunteer, story="x")
    refused("master_decided", master_decide, master=declaration, by=coordinator, verify=True)


def test_a_master_who_leads_a_club_asks_its_coordinator_before_withdrawing(club, master):
    error = refused("master_leads_club", master_withdraw, master=master, by=master.volunteer)
    assert "Woodwork club" in str(error.params) or "Ата көрген" in str(error.params)
    club.status = ClubStatus.CANCELLED
    club.save(update_fields=["status"])
    assert master_withdraw(master=master, by=master.volunteer).status == MasterStatus.WITHDRAWN


# --- Photos -------------------------------------------------------------------------------------------------


def test_the_masters_photo_waits_for_approval_in_the_masters_collection(declaration, coordinator):
    photo = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption=" A  bowl ")
    assert photo.caption == "A bowl" and photo.approved_at is None
    assert photo.image.collection.name == PHOTOS_COLLECTION and photo.image.width == 40
    assert photo.image.file_size and photo.image.file_hash
    # The collection is made once.
    photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="A spoon")
    assert Collection.objects.filter(name=PHOTOS_COLLECTION).count() == 1
    photo_approve(photo=photo, by=coordinator)
    photo_approve(photo=photo, by=coordinator)  # a double click
    photo.refresh_from_db()
    assert photo.approved_by == coordinator and photo.approved_at is not None
    assert AuditEntry.objects.filter(action="clubs.master_photo.approved").count() == 1


def test_a_reviewing_coordinators_photo_is_approved_by_adding_it(declaration, coordinator):
    photo = photo_add(master=declaration, by=coordinator, upload=png_upload(), caption="At the fair")
    assert photo.approved_by == coordinator and photo.approved_at is not None


def test_photos_are_limited_and_need_a_caption(declaration, settings):
    settings.CLUBS_MASTER_PHOTOS_MAX = 2
    volunteer = declaration.volunteer
    error = refused("master_photo_caption", photo_add, master=declaration, by=volunteer, upload=png_upload(),
                    caption="  ")  # fmt: skip
    assert error.field == "caption"
    for caption in ("One", "Two"):
        photo_add(master=declaration, by=volunteer, upload=png_upload(), caption=caption)
    error = refused("master_photos_max", photo_add, master=declaration, by=volunteer, upload=png_upload(),
                    caption="Three")  # fmt: skip
    assert error.field == "image" and error.params == {"max": 2}
    assert Image.objects.count() == 2


def test_who_may_add_and_approve_photos(declaration, coordinator_factory, other_organisation, reviewing):
    outsider = coordinator_factory(other_organisation)
    refused("master_unknown", photo_add, master=declaration, by=outsider, upload=png_upload(), caption="x")
    photo = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Bowl")
    refused("master_photo_unknown", photo_approve, photo=photo, by=outsider)
    refused("master_photo_unknown", photo_remove, photo=photo, by=outsider)
    refused("master_photo_unknown", photo_approve, photo=photo, by=declaration.volunteer)
    from volunteers.models import Membership, MembershipRole

    Membership.objects.create(
        user=declaration.volunteer, organisation=reviewing, role=MembershipRole.COORDINATOR
    )
    refused("master_own", photo_approve, photo=photo, by=declaration.volunteer)
    # A photo the master-coordinator adds to their own declaration waits like anyone's.
    own = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Spoon")
    assert own.approved_at is None
    master_withdraw(master=declaration, by=declaration.volunteer)
    refused("master_closed", photo_add, master=declaration, by=declaration.volunteer, upload=png_upload(),
            caption="Late")  # fmt: skip


def test_removing_a_photo_removes_its_image(
    declaration, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    mine = photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Mine")
    theirs = photo_add(
        master=declaration, by=declaration.volunteer, upload=png_upload(), caption="Blurry bowl"
    )
    with django_capture_on_commit_callbacks(execute=True):
        photo_remove(photo=mine, by=declaration.volunteer)
    assert (
        not MasterPhoto.objects.filter(pk=mine.pk).exists()
        and not Image.objects.filter(pk=mine.image_id).exists()
    )
    assert not mailoutbox  # the master removed it: nobody to tell
    with django_capture_on_commit_callbacks(execute=True):
        photo_remove(photo=theirs, by=coordinator, reason="Too dark to see the carving.")
    assert not Image.objects.exists()
    entry = AuditEntry.objects.get(action="clubs.master_photo.rejected")
    assert entry.data["caption"] == "Blurry bowl" and entry.data["master"] == declaration.pk
    [mail] = mailoutbox
    assert mail.to == ["master@example.kz"] and "Blurry bowl" in mail.body and "Too dark" in mail.body
    # Removed already (a double click): said so, nothing else happens.
    refused("master_photo_unknown", photo_remove, photo=theirs, by=coordinator)


# --- The master's clubs -------------------------------------------------------------------------------------


def test_the_clubs_a_master_leads_with_the_hours_of_each(club_factory, master):
    first, second = club_factory(), club_factory(title={"en": "Second club"})
    cancelled = club_factory(status=ClubStatus.CANCELLED)

    def credit(club, hours, status=EntryStatus.VERIFIED):
        LedgerEntry.objects.create(
            volunteer=master.volunteer, kind=EntryKind.CLUB_HOURS, status=status, hours=Decimal(hours),
            occurred_on=timezone.localdate(), source=f"clubs.session:{club.pk}:{hours}",
            subject=f"clubs.club:{club.pk}",
        )  # fmt: skip

    credit(first, "2"), credit(first, "2.5"), credit(first, "-0.5"), credit(first, "9", EntryStatus.PENDING)
    credit(cancelled, "2")
    led = {club.pk: club.hours for club in clubs_led(volunteer=master.volunteer)}
    assert led == {first.pk: Decimal("4"), second.pk: 0}
