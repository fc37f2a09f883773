import csv
import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from volunteers.models import (
    ConsentMethod,
    ConsentText,
    Direction,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    PersonalDataConsent,
    Region,
    Stage,
    User,
    VolunteerProfile,
)
from volunteers.reference import DIRECTIONS
from volunteers.roles import ROLE_GROUPS, Role
from volunteers.stages_default import default_stages_create

REGIONS_CSV = Path(__file__).resolve().parent.parent / "data" / "kz_regions.csv"


def regions_load(*, path: Path = REGIONS_CSV) -> int:
    """Create or update the 20 regions from the CSV (ISO 3166-2 codes); returns how many rows it read."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        Region.objects.update_or_create(
            iso_code=row["iso"],
            defaults={
                "kind": row["type"],
                "name": {"kk": row["kk"], "ru": row["ru"], "en": row["en"]},
                "admin_centre": row["admin_centre"],
            },
        )
    return len(rows)


def directions_load() -> int:
    for order, (slug, birgemiz, item, names) in enumerate(DIRECTIONS):
        Direction.objects.update_or_create(
            slug=slug,
            defaults={"name": names, "is_birgemiz": birgemiz, "roadmap_item": item, "sort_order": order},
        )
    return len(DIRECTIONS)


def role_groups_ensure() -> dict[Role, Group]:
    groups = {role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUPS.items()}
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups[Role.EDITOR].permissions.add(access_admin)
    return groups


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    email: str
    password: str | None  # only when it was created just now


DEMO_DOMAIN = "demo.birgemiz.kz"


@transaction.atomic
def demo_accounts_ensure(*, reset_passwords: bool = False) -> list[DemoAccount]:
    """One verified account per role. A password is generated, and returned, only on creation or reset."""
    groups = role_groups_ensure()
    accounts = []
    for role in Role:
        email = f"{role.value}@{DEMO_DOMAIN}"
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": str(role.label),
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        password = None
        if created or reset_passwords:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
        if role in groups:
            user.groups.add(groups[role])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        accounts.append(DemoAccount(role=role, email=email, password=password))
    _demo_people_ensure()
    return accounts


DEMO_PEOPLE = {
    # role: first name, last name, date of birth, region
    Role.VOLUNTEER: ("Айгерім", "Сейітқали", dt.date(2000, 9, 1), "KZ-75"),
    Role.COORDINATOR: ("Ержан", "Мұхамедов", dt.date(1988, 3, 8), "KZ-75"),
}


def _demo_people_ensure() -> None:
    """The demo volunteer has a profile and a consent; the demo coordinator runs Almaty's front office."""
    consent_text_ensure()
    front_offices_ensure()
    for role, (first_name, last_name, born, region_code) in DEMO_PEOPLE.items():
        user = User.objects.get(email=f"{role.value}@{DEMO_DOMAIN}")
        User.objects.filter(pk=user.pk).update(first_name=first_name, last_name=last_name)
        profile, created = VolunteerProfile.objects.get_or_create(
            user=user,
            defaults={
                "date_of_birth": born,
                "region": Region.objects.get(iso_code=region_code),
                "language": "kk",
                "languages": ["kk", "ru"],
            },
        )
        if created:
            profile.directions.set(Direction.objects.filter(slug__in=["taza-alem", "bilim"]))
            PersonalDataConsent.objects.create(
                user=user, text=ConsentText.current(), language="kk", method=ConsentMethod.ONLINE
            )
    Membership.objects.get_or_create(
        user=User.objects.get(email=f"{Role.COORDINATOR.value}@{DEMO_DOMAIN}"),
        organisation=Organisation.objects.get(slug="front-office-kz-75"),
        defaults={"role": MembershipRole.COORDINATOR},
    )
    Membership.objects.get_or_create(
        user=User.objects.get(email=f"{Role.VOLUNTEER.value}@{DEMO_DOMAIN}"),
        organisation=Organisation.objects.get(slug="front-office-kz-75"),
        defaults={"role": MembershipRole.VOLUNTEER},
    )


def stages_default_ensure() -> int:
    """The default Volunteer zholy path when there are no stages (see volunteers/stages_default.py)."""
    return default_stages_create(Stage)


def consent_text_ensure() -> ConsentText:
    """The first consent text, when no version exists yet."""
    from volunteers.reference_consent import CONSENT_V1

    current = ConsentText.current()
    if current is None:
        current = ConsentText.objects.create(version=1, **CONSENT_V1)
    return current


FRONT_OFFICE_NAMES = {
    "kk": ("Республикалық волонтерлер фронт-офисі", "Өңірлік фронт-офис: {region}"),
    "ru": ("Республиканский фронт-офис волонтёров", "Региональный фронт-офис: {region}"),
    "en": ("Republican volunteer front office", "Regional front office: {region}"),
}


def front_offices_ensure() -> int:
    """The republican front office and one regional front office per region (roadmap items 6-7)."""
    Organisation.objects.update_or_create(
        slug="front-office",
        defaults={
            "kind": OrganisationKind.REPUBLICAN_FRONT_OFFICE,
            "name": {code: names[0] for code, names in FRONT_OFFICE_NAMES.items()},
            "verified": True,
        },
    )
    regions = list(Region.objects.all())
    for region in regions:
        Organisation.objects.update_or_create(
            kind=OrganisationKind.REGIONAL_FRONT_OFFICE,
            region=region,
            defaults={
                "slug": f"front-office-{region.iso_code.lower()}",
                "name": {
                    code: names[1].format(region=region.name.get(code, ""))
                    for code, names in FRONT_OFFICE_NAMES.items()
                },
                "verified": True,
            },
        )
    return 1 + len(regions)
