from volunteers.models.accounts import Direction, Region, RegionKind, User
from volunteers.models.audit import AuditEntry
from volunteers.models.consent import ConsentMethod, ConsentText, GuardianConsent, PersonalDataConsent
from volunteers.models.imports import ImportJob
from volunteers.models.ledger import EntryKind, EntryStatus, LedgerEntry
from volunteers.models.organisations import Membership, MembershipRole, Organisation, OrganisationKind
from volunteers.models.profile import Availability, Channel, ClaimCode, Gender, VolunteerProfile

__all__ = [
    "AuditEntry",
    "Availability",
    "Channel",
    "ClaimCode",
    "ConsentMethod",
    "ConsentText",
    "EntryKind",
    "EntryStatus",
    "Direction",
    "Gender",
    "GuardianConsent",
    "ImportJob",
    "LedgerEntry",
    "Membership",
    "MembershipRole",
    "Organisation",
    "OrganisationKind",
    "PersonalDataConsent",
    "Region",
    "RegionKind",
    "User",
    "VolunteerProfile",
]
