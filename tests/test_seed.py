import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from cms.models import HomePage
from volunteers.models import Direction, Region, User
from volunteers.roles import Role

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_prints_passwords_once(capsys):
    call_command("seed")
    first = capsys.readouterr().out
    call_command("seed")
    second = capsys.readouterr().out

    assert first.count("@demo.birgemiz.kz") == 5
    assert "@demo.birgemiz.kz" not in second
    assert Region.objects.count() == 20
    assert Direction.objects.count() == 14
    accounts = User.objects.filter(email__in=[f"{role.value}@demo.birgemiz.kz" for role in Role])
    assert accounts.count() == 5 and all(user.has_usable_password() for user in accounts)
    # The mentoring demo's mentors, the clubs demo's masters and the figures' demo volunteers have no
    # password: nobody signs in as them.
    people = User.objects.filter(email__endswith="@demo.birgemiz.kz").exclude(pk__in=accounts)
    assert people.filter(email__startswith="figures-").count() == 60  # the figures' demo
    mentors = people.exclude(email__startswith="figures-")
    assert mentors.count() == 7 and not any(user.has_usable_password() for user in people)
    assert HomePage.objects.count() == 3
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "kk"


def test_the_twenty_regions_with_iso_codes_and_names_in_three_languages(seeded):
    assert Region.objects.filter(kind="region").count() == 17
    assert set(Region.objects.filter(kind="city").values_list("iso_code", flat=True)) == {
        "KZ-71",
        "KZ-75",
        "KZ-79",
    }
    abai = Region.objects.get(iso_code="KZ-10")
    assert abai.name == {"kk": "Абай облысы", "ru": "область Абай", "en": "Abai Region"}
    assert all(not region.name.missing() for region in Region.objects.all())


def test_directions_cover_the_eight_birgemiz_projects(seeded):
    assert Direction.objects.filter(is_birgemiz=True).count() == 8
    assert list(Direction.objects.filter(is_birgemiz=True).values_list("roadmap_item", flat=True)) == list(
        range(16, 24)
    )


def test_demo_accounts_have_their_roles():
    call_command("seed")
    by_role = {user.email.split("@")[0]: user for user in User.objects.all()}
    assert by_role["admin"].is_superuser
    assert by_role["editor"].has_perm("wagtailadmin.access_admin")
    assert by_role["coordinator"].groups.filter(name="Coordinators").exists()
    assert by_role["analyst"].groups.filter(name="Analysts").exists()
    assert not by_role["volunteer"].has_perm("wagtailadmin.access_admin")
    assert not by_role["volunteer"].is_staff


def test_seed_rebuilds_the_page_tree_when_tables_were_emptied():
    Site.objects.all().delete()
    Page.objects.all().delete()
    call_command("seed", "--no-demo-accounts")
    assert Page.get_first_root_node() is not None
    assert HomePage.objects.count() == 3
