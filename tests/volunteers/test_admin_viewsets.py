import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from volunteers.clubs.models import Craft, Master
from volunteers.models import (
    AuditEntry,
    ConsentText,
    Direction,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    PersonalDataConsent,
    Region,
    User,
)

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/admin/volunteers/organisations/",
    "/admin/volunteers/memberships/",
    "/admin/volunteers/regions/",
    "/admin/volunteers/directions/",
    "/admin/volunteers/crafts/",
    "/admin/volunteers/wages/",
    "/admin/volunteers/analyst-scopes/",
    "/admin/volunteers/consent-texts/",
    "/admin/volunteers/audit/",
]


@pytest.fixture
def admin(seeded):
    user = User.objects.create_superuser(email="root@example.kz", password="x-long-password-1")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def admin_client(client, admin):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin has no Kazakh; English to read its messages
    client.force_login(admin)
    return client


@pytest.fixture
def editor(user_factory, seeded):
    user = user_factory(email="editor@example.kz")
    user.groups.add(Group.objects.get(name="Editors"))
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def almaty():
    return Region.objects.get(iso_code="KZ-75")


@pytest.fixture
def organisation(almaty):
    return Organisation.objects.create(
        name={"kk": "Алматы еріктілері", "ru": "Волонтёры Алматы"},
        slug="almaty-ngo",
        kind="ngo",
        region=almaty,
    )


@pytest.fixture
def consent_text(seeded):
    return ConsentText.current()  # version 1, from the seed


def _form_data(**translated):
    """POST data for the per-language inputs: name={"kk": ...} → name_kk=..., name_ru="", name_en=""."""
    data = {}
    for field, texts in translated.items():
        for code in ("kk", "ru", "en"):
            data[f"{field}_{code}"] = texts.get(code, "")
    return data


@pytest.mark.parametrize("url", LISTINGS)
def test_an_admin_opens_every_listing(admin_client, organisation, url):
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("url", LISTINGS + ["/admin/volunteers/organisations/new/"])
def test_an_editor_is_refused_every_screen(client, editor, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "/admin/volunteers/" not in response.get("Location", "")


def test_an_editor_cannot_create_or_delete_through_the_urls(client, editor, almaty):
    client.force_login(editor)
    response = client.post(
        "/admin/volunteers/organisations/new/",
        {**_form_data(name={"kk": "Жасырын"}), "slug": "sneaky", "kind": "ngo", "region": almaty.pk},
    )
    assert response.status_code in (302, 403)
    assert not Organisation.objects.filter(slug="sneaky").exists()
    assert client.post(f"/admin/volunteers/regions/delete/{almaty.pk}/").status_code in (302, 403)
    assert Region.objects.filter(pk=almaty.pk).exists()


def test_only_the_admin_sees_the_volunteers_menu(client, admin, editor):
    client.force_login(editor)
    assert "/admin/volunteers/organisations/" not in client.get("/admin/").content.decode()
    client.force_login(admin)
    assert "/admin/volunteers/organisations/" in client.get("/admin/").content.decode()


def test_the_organisations_listing_filters_and_searches(admin_client, organisation, almaty):
    Organisation.objects.create(name={"en": "Astana school"}, slug="astana-school", kind="school",
                                region=Region.objects.get(iso_code="KZ-71"))  # fmt: skip
    page = admin_client.get("/admin/volunteers/organisations/", {"region": almaty.pk}).content.decode()
    # The admin is in English; a name without English falls back to Kazakh.
    assert "Алматы еріктілері" in page and "Astana school" not in page
    page = admin_client.get("/admin/volunteers/organisations/", {"q": "astana"}).content.decode()
    assert "Astana school" in page and "Алматы еріктілері" not in page


def test_an_admin_creates_an_organisation_with_names_in_two_languages(admin_client, almaty):
    response = admin_client.post(
        "/admin/volunteers/organisations/new/",
        {
            **_form_data(name={"kk": "Жастар орталығы", "ru": "Молодёжный центр"}),
            "slug": "youth-centre",
            "kind": OrganisationKind.NGO,
            "region": almaty.pk,
            "email": "info@youth.kz",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="youth-centre")
    assert organisation.name == {"kk": "Жастар орталығы", "ru": "Молодёжный центр"}
    assert organisation.name.missing() == ["en"]


def test_an_organisation_without_a_name_or_region_is_refused_next_to_the_fields(admin_client):
    response = admin_client.post(
        "/admin/volunteers/organisations/new/",
        {**_form_data(name={"kk": " "}), "slug": "nameless", "kind": OrganisationKind.NGO},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["Give the text in at least one language."]
    assert "only the republican front office" in errors["region"][0]
    assert not Organisation.objects.filter(slug="nameless").exists()


def test_a_second_regional_front_office_for_a_region_is_refused(admin_client, almaty):
    assert Organisation.objects.filter(kind="regional_fo", region=almaty).exists()  # from the seed
    response = admin_client.post(
        "/admin/volunteers/organisations/new/",
        {**_form_data(name={"kk": "Екінші"}), "slug": "fo-2", "kind": "regional_fo", "region": almaty.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["region"] == ["This region already has a regional front office."]


def test_an_organisation_with_members_is_not_deleted(admin_client, organisation, user_factory):
    Membership.objects.create(user=user_factory(), organisation=organisation)
    url = f"/admin/volunteers/organisations/delete/{organisation.pk}/"
    response = admin_client.post(url)
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert Membership.objects.filter(organisation=organisation).exists()


def test_a_region_in_use_is_not_deleted_and_the_admin_is_told(admin_client, organisation, almaty):
    response = admin_client.post(f"/admin/volunteers/regions/delete/{almaty.pk}/", follow=True)
    assert Region.objects.filter(pk=almaty.pk).exists()
    assert "cannot be deleted" in response.content.decode()


def test_a_region_keeps_its_iso_code_on_edit(admin_client, almaty):
    response = admin_client.post(
        f"/admin/volunteers/regions/edit/{almaty.pk}/",
        {
            "iso_code": "KZ-XX",
            "kind": almaty.kind,
            **_form_data(name={"kk": "Алматы", "ru": "Алматы", "en": "Almaty city"}),
            "admin_centre": "",
        },
    )
    assert response.status_code == 302
    almaty.refresh_from_db()
    assert almaty.iso_code == "KZ-75"
    assert almaty.name["en"] == "Almaty city"


def test_a_direction_description_is_edited_in_textareas(admin_client):
    direction = Direction.objects.first()
    page = admin_client.get(f"/admin/volunteers/directions/edit/{direction.pk}/").content.decode()
    assert 'name="description_kk"' in page and "<textarea" in page


def test_an_admin_adds_a_craft_in_three_languages_and_keeps_its_slug(admin_client):
    response = admin_client.post(
        "/admin/volunteers/crafts/new/",
        {**_form_data(name={"kk": "Зергерлік ою", "ru": "Чеканка", "en": "Chasing"}), "slug": "chasing",
         "sort_order": 20, "active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    craft = Craft.objects.get(slug="chasing")
    assert craft.name == {"kk": "Зергерлік ою", "ru": "Чеканка", "en": "Chasing"} and craft.active
    response = admin_client.post(
        f"/admin/volunteers/crafts/edit/{craft.pk}/",
        {**_form_data(name={"kk": "Қалайы", "ru": "Чеканка", "en": "Chasing"}), "slug": "renamed",
         "sort_order": 20},
    )  # fmt: skip
    assert response.status_code == 302
    craft.refresh_from_db()
    assert craft.slug == "chasing" and craft.name["kk"] == "Қалайы" and not craft.active


def test_a_craft_in_use_is_not_deleted_and_the_admin_is_told(
    admin_client, organisation, almaty, user_factory
):
    craft = Craft.objects.get(slug="felt")
    Master.objects.create(volunteer=user_factory(), craft=craft, organisation=organisation, region=almaty,
                          story="Felt.")  # fmt: skip
    response = admin_client.post(f"/admin/volunteers/crafts/delete/{craft.pk}/", follow=True)
    assert Craft.objects.filter(pk=craft.pk).exists()
    assert "cannot be deleted" in response.content.decode()


def test_a_membership_created_and_changed_in_the_admin_is_audited(
    admin_client, admin, organisation, user_factory
):
    volunteer = user_factory(email="aigerim@example.kz")
    response = admin_client.post(
        "/admin/volunteers/memberships/new/",
        {
            "user": " Aigerim@Example.kz ",
            "organisation": organisation.pk,
            "role": "volunteer",
            "active": "on",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=volunteer, organisation=organisation)
    created = AuditEntry.objects.get(action="volunteers.membership.created")
    assert (created.actor, created.subject) == (admin, volunteer)

    response = admin_client.post(
        f"/admin/volunteers/memberships/edit/{membership.pk}/", {"role": "coordinator", "active": "on"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == MembershipRole.COORDINATOR
    changed = AuditEntry.objects.get(action="volunteers.membership.changed")
    assert (changed.actor, changed.subject) == (admin, volunteer)
    assert changed.data["changes"] == {"role": ["volunteer", "coordinator"]}

    response = admin_client.post(f"/admin/volunteers/memberships/delete/{membership.pk}/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    deleted = AuditEntry.objects.get(action="volunteers.membership.deleted")
    assert (deleted.actor, deleted.subject) == (admin, volunteer)


def test_a_membership_for_an_unknown_address_is_refused(admin_client, organisation):
    response = admin_client.post(
        "/admin/volunteers/memberships/new/",
        {"user": "nobody@example.kz", "organisation": organisation.pk, "role": "volunteer"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["user"] == ["No account has this e-mail address."]
    assert not Membership.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_unused_consent_text_can_still_be_corrected(admin_client, consent_text):
    data = {"version": 1, **_form_data(**{name: dict(getattr(consent_text, name)) for name in _sections()})}
    data["purpose_en"] = "Volunteering"
    response = admin_client.post(f"/admin/volunteers/consent-texts/edit/{consent_text.pk}/", data)
    assert response.status_code == 302
    consent_text.refresh_from_db()
    assert consent_text.purpose["en"] == "Volunteering"


def test_a_consent_text_volunteers_accepted_cannot_be_edited(admin_client, consent_text, user_factory):
    PersonalDataConsent.objects.create(user=user_factory(), text=consent_text, language="kk", method="online")
    before = dict(consent_text.purpose)
    url = f"/admin/volunteers/consent-texts/edit/{consent_text.pk}/"
    assert "can no longer be changed" in admin_client.get(url).content.decode()

    data = {"version": 1, **_form_data(**{name: {"kk": "Жаңа мәтін"} for name in _sections()})}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Create a new version instead." in response.context["form"].non_field_errors()[0]
    consent_text.refresh_from_db()
    assert consent_text.purpose == before

    admin_client.post(f"/admin/volunteers/consent-texts/delete/{consent_text.pk}/")
    assert ConsentText.objects.filter(pk=consent_text.pk).exists()


def test_a_new_consent_version_starts_from_the_current_one(admin_client, consent_text):
    form = admin_client.get("/admin/volunteers/consent-texts/new/").context["form"]
    assert form.initial["version"] == 2
    assert form.initial["purpose"] == consent_text.purpose
    data = {"version": 2, **_form_data(**{name: dict(getattr(consent_text, name)) for name in _sections()})}
    assert admin_client.post("/admin/volunteers/consent-texts/new/", data).status_code == 302
    assert ConsentText.current().version == 2


def test_the_audit_log_is_read_only_and_filters_by_action(admin_client, admin):
    from volunteers.audit import audit_log

    audit_log(actor=admin, action="volunteers.profile.changed", subject=admin)
    audit_log(actor=admin, action="volunteers.consent.withdrawn", subject=admin)
    entry = AuditEntry.objects.get(action="volunteers.profile.changed")

    def listed(**filters):
        response = admin_client.get("/admin/volunteers/audit/", filters)
        assert response.status_code == 200
        return [entry.action for entry in response.context["object_list"]]

    assert listed(action="volunteers.consent.withdrawn") == ["volunteers.consent.withdrawn"]
    assert len(listed(at_from="2000-01-01")) == 2
    assert listed(at_to="2000-01-01") == []
    assert admin_client.get(f"/admin/volunteers/audit/inspect/{entry.pk}/").status_code == 200

    for url in ("/admin/volunteers/audit/new/", f"/admin/volunteers/audit/edit/{entry.pk}/",
                f"/admin/volunteers/audit/delete/{entry.pk}/"):  # fmt: skip
        assert admin_client.get(url).status_code in (302, 403)
        assert admin_client.post(url, {"action": "forged"}).status_code in (302, 403)
    assert AuditEntry.objects.count() == 2
    assert not AuditEntry.objects.filter(action="forged").exists()


def _sections():
    return ("operator", "purpose", "data_collected", "period", "third_parties", "cross_border", "publication")


def test_giving_a_role_in_the_user_editor_leaves_an_audit_entry(client, seeded):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from volunteers.models import AuditEntry, User

    admin = User.objects.create_superuser(email="root@example.kz", password="x-long-password-1")
    TOTP.activate(admin, generate_totp_secret())
    client.force_login(admin)
    person = User.objects.create_user(email="person@example.kz", password="x-long-password-2", first_name="А")
    editors = Group.objects.get(name="Editors")
    response = client.post(
        f"/admin/users/edit/{person.pk}/",
        {"email": "person@example.kz", "first_name": "А", "last_name": "Б", "is_active": "on",
         "groups": [editors.pk], "password1": "", "password2": ""},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(action="volunteers.roles.changed", subject=person)
    assert entry.actor == admin
    assert entry.data["before"]["groups"] == []
    assert entry.data["after"]["groups"] == ["Editors"]
