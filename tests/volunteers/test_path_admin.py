"""The stages of the Volunteer's Path in Wagtail's admin (editors and admins) and the "Volunteer of the year"
rounds (admins only)."""

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.training.conftest import TITLES, programme_create
from volunteers.models import AuditEntry, AwardRound, Stage, StageChange, StageStanding, User

pytestmark = pytest.mark.django_db

STAGES = "/admin/volunteers/stages/"
ROUNDS = "/admin/volunteers/award-rounds/"


def _signed_in(client, user):
    TOTP.activate(user, generate_totp_secret())
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(user)
    return client


@pytest.fixture
def editor(user_factory, seeded):
    user = user_factory(email="editor@example.kz")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    return _signed_in(client, editor)


@pytest.fixture
def admin_client(client, seeded):
    return _signed_in(
        client, User.objects.create_superuser(email="root@example.kz", password="x-long-pass-1")
    )


def stage_form(**changes):
    data = {
        "name_kk": "Жаңа кезең",
        "name_ru": "Новый этап",
        "name_en": "New stage",
        "slug": "new-stage",
        "position": "6",
        "icon": "mountain",
        "description_kk": "",
        "description_ru": "",
        "description_en": "For those who climbed far.",
        "rewards_kk": "",
        "rewards_ru": "",
        "rewards_en": "",
        "min_hours": "1000",
        "min_events": "0",
        "min_courses": "0",
        "min_months": "0",
        "min_mentoring_hours": "0",
        "active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def edit_form(stage, **changes):
    data = stage_form(
        name_kk=stage.name.get("kk", ""), name_ru=stage.name.get("ru", ""), name_en=stage.name.get("en", ""),
        slug=stage.slug, position=str(stage.position), icon=stage.icon,
        description_kk=stage.description.get("kk", ""), description_ru=stage.description.get("ru", ""),
        description_en=stage.description.get("en", ""),
        min_hours=str(stage.min_hours), min_events=str(stage.min_events), min_courses=str(stage.min_courses),
        min_months=str(stage.min_months), min_mentoring_hours=str(stage.min_mentoring_hours),
    )  # fmt: skip
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_editors_are_given_the_stage_permissions_by_the_seed(editor):
    assert editor.has_perm("volunteers.add_stage") and editor.has_perm("volunteers.change_stage")
    assert not editor.has_perm("volunteers.delete_stage")


def test_an_editor_lists_the_stages_by_position_with_icon_criteria_and_default_mark(editor_client):
    html = editor_client.get(STAGES).content.decode()
    names = [
        "First step",
        "Active volunteer",
        "Experienced volunteer",
        "Volunteer leader",
        "Master of the path",
    ]
    assert [html.index(name) for name in names] == sorted(html.index(name) for name in names)
    assert 'src="/static/volunteers/stages/sprout.svg" alt="Sprout"' in html
    assert "at least 20 verified hours; 3 events attended" in html
    assert "Platform default" in html


def test_the_menu_shows_stages_to_editors_and_rounds_to_admins_only(client, editor):
    _signed_in(client, User.objects.create_superuser(email="root@example.kz", password="x-long-pass-1"))
    html = client.get("/admin/").content.decode()
    assert STAGES in html and ROUNDS in html
    _signed_in(client, editor)
    html = client.get("/admin/").content.decode()
    assert STAGES in html and ROUNDS not in html


def test_an_editor_creates_a_stage_with_names_in_three_languages_and_an_audit_entry(editor_client, editor):
    response = editor_client.post(f"{STAGES}new/", stage_form())
    assert response.status_code == 302
    stage = Stage.objects.get(slug="new-stage")
    assert stage.name == {"kk": "Жаңа кезең", "ru": "Новый этап", "en": "New stage"}
    assert stage.description.missing() == ["kk", "ru"]
    assert stage.min_hours == 1000 and stage.icon == "mountain" and not stage.default_thresholds
    entry = AuditEntry.objects.get(action="volunteers.stage.created")
    assert entry.actor == editor and entry.data["slug"] == "new-stage"


def test_saving_a_default_stage_clears_the_default_mark_and_records_the_change(editor_client, seeded):
    stage = Stage.objects.get(slug="active")
    assert stage.default_thresholds
    response = editor_client.post(f"{STAGES}edit/{stage.pk}/", edit_form(stage, min_hours="25"))
    assert response.status_code == 302
    stage.refresh_from_db()
    assert str(stage.min_hours) == "25.00" and not stage.default_thresholds
    entry = AuditEntry.objects.get(action="volunteers.stage.changed")
    assert entry.data["changes"]["min_hours"] == ["20.00", "25"]


def test_a_stage_without_any_criterion_is_refused(editor_client):
    response = editor_client.post(f"{STAGES}new/", stage_form(min_hours="0"))
    assert response.status_code == 200
    assert "Set at least one criterion above zero" in str(response.context["form"].non_field_errors())
    assert not Stage.objects.filter(slug="new-stage").exists()


def test_a_position_taken_is_an_error_next_to_the_field(editor_client):
    response = editor_client.post(f"{STAGES}new/", stage_form(position="2"))
    assert response.context["form"].errors["position"] == [
        "“Active volunteer” already has this position: choose another number."
    ]
    response = editor_client.post(f"{STAGES}new/", stage_form(position="0"))
    assert "position" in response.context["form"].errors
    assert not Stage.objects.filter(slug="new-stage").exists()


def test_absurd_thresholds_are_refused_next_to_their_fields(editor_client):
    response = editor_client.post(
        f"{STAGES}new/", stage_form(min_hours="-5", min_events="1000000", min_months="abc")
    )
    errors = response.context["form"].errors
    assert {"min_hours", "min_events", "min_months"} <= set(errors)
    assert "__all__" not in errors  # no "at least one criterion" on top of the fields' own errors


def test_required_courses_are_chosen_among_the_programmes_courses(editor_client):
    programme = programme_create()
    key = str(programme.course["kk"].translation_key)
    html = editor_client.get(f"{STAGES}new/").content.decode()
    assert TITLES["course"]["en"] in html  # the admin is in English: the English title
    response = editor_client.post(f"{STAGES}new/", stage_form(min_hours="0", required_courses=[key]))
    assert response.status_code == 302
    assert Stage.objects.get(slug="new-stage").required_courses == [key]

    response = editor_client.post(
        f"{STAGES}new/", stage_form(slug="other", position="7", required_courses=["not-a-course"])
    )
    assert "required_courses" in response.context["form"].errors
    assert not Stage.objects.filter(slug="other").exists()


def test_an_unpublished_required_course_stays_visible_so_it_can_be_unticked(editor_client, seeded):
    stage = Stage.objects.get(slug="active")
    Stage.objects.filter(pk=stage.pk).update(required_courses=["gone-course"])
    html = editor_client.get(f"{STAGES}edit/{stage.pk}/").content.decode()
    assert "A course no longer published (gone-course)" in html
    response = editor_client.post(f"{STAGES}edit/{stage.pk}/", edit_form(stage))
    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.required_courses == []


def test_the_slug_cannot_change_once_saved(editor_client, seeded):
    stage = Stage.objects.get(slug="active")
    editor_client.post(f"{STAGES}edit/{stage.pk}/", edit_form(stage, slug="renamed"))
    assert Stage.objects.filter(pk=stage.pk, slug="active").exists()


def test_an_editor_cannot_delete_a_stage(editor_client, seeded):
    stage = Stage.objects.get(slug="master")
    response = editor_client.post(f"{STAGES}delete/{stage.pk}/")
    assert response.status_code in (302, 403)
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_a_stage_someone_holds_or_held_is_not_deleted_but_an_unused_one_is(admin_client, user_factory):
    stages = {stage.slug: stage for stage in Stage.objects.all()}
    volunteer = user_factory(email="v@example.kz")
    StageStanding.objects.create(volunteer=volunteer, stage=stages["first-step"])
    StageChange.objects.create(
        volunteer=user_factory(email="w@example.kz"),
        stage_from=stages["active"],
        stage_to=None,
        cause="revoked",
    )
    for slug in ("first-step", "active"):
        response = admin_client.post(f"{STAGES}delete/{stages[slug].pk}/", follow=True)
        assert "Deactivate it instead" in response.content.decode()
        assert Stage.objects.filter(slug=slug).exists()
    response = admin_client.post(f"{STAGES}delete/{stages['master'].pk}/")
    assert response.status_code == 302
    assert not Stage.objects.filter(slug="master").exists()
    assert AuditEntry.objects.filter(action="volunteers.stage.deleted", data__slug="master").exists()


def test_someone_without_the_permission_is_refused(client, user_factory, seeded):
    _signed_in(client, user_factory(email="coordinator@example.kz"))
    for url in (STAGES, f"{STAGES}new/"):
        assert client.get(url).status_code in (302, 403)


# --- Volunteer of the year rounds ---------------------------------------------------------------------------


def round_form(year=2031, opens="2031-12-01 00:00", closes="2031-12-20 23:59"):
    return {"year": str(year), "voting_opens_at": opens, "voting_closes_at": closes}


def test_an_admin_creates_a_round(admin_client):
    response = admin_client.post(f"{ROUNDS}new/", round_form())
    assert response.status_code == 302
    award = AwardRound.objects.get(year=2031)
    assert timezone.localtime(award.voting_opens_at).date() == dt.date(2031, 12, 1)


def test_voting_must_close_after_it_opens(admin_client):
    response = admin_client.post(f"{ROUNDS}new/", round_form(closes="2031-11-30 10:00"))
    assert response.context["form"].errors == {"voting_closes_at": ["The vote must close after it opens."]}
    assert not AwardRound.objects.exists()


def test_one_round_a_year(admin_client):
    admin_client.post(f"{ROUNDS}new/", round_form())
    response = admin_client.post(f"{ROUNDS}new/", round_form())
    assert response.context["form"].errors == {
        "year": ["There is already a round for 2031: one round a year."]
    }
    assert AwardRound.objects.count() == 1


def test_editors_are_refused_the_rounds(editor_client):
    for url in (ROUNDS, f"{ROUNDS}new/"):
        response = editor_client.get(url)
        assert response.status_code in (302, 403)
    response = editor_client.post(f"{ROUNDS}new/", round_form())
    assert not AwardRound.objects.exists()
