from volunteers.models.accounts import Direction, Region, RegionKind, User
from volunteers.models.audit import AuditEntry
from volunteers.models.consent import ConsentMethod, ConsentText, GuardianConsent, PersonalDataConsent
from volunteers.models.imports import ImportJob
from volunteers.models.ledger import EntryKind, EntryStatus, LedgerEntry
from volunteers.models.organisations import Membership, MembershipRole, Organisation, OrganisationKind
from volunteers.models.profile import Availability, Channel, ClaimCode, Gender, VolunteerProfile
from volunteers.models.recognition import AwardRound, Nomination, Vote
from volunteers.models.stages import (
    BookDocument,
    BookDocumentKind,
    Incentive,
    Stage,
    StageChange,
    StageChangeCause,
    StageIcon,
    StageStanding,
)

__all__ = [
    "AuditEntry",
    "Availability",
    "AwardRound",
    "BookDocument",
    "BookDocumentKind",
    "Channel",
    "ClaimCode",
    "ConsentMethod",
    "ConsentText",
    "Direction",
    "EntryKind",
    "EntryStatus",
    "Gender",
    "GuardianConsent",
    "ImportJob",
    "Incentive",
    "LedgerEntry",
    "Membership",
    "MembershipRole",
    "Nomination",
    "Organisation",
    "OrganisationKind",
    "PersonalDataConsent",
    "Region",
    "RegionKind",
    "Stage",
    "StageChange",
    "StageChangeCause",
    "StageIcon",
    "StageStanding",
    "User",
    "VolunteerProfile",
    "Vote",
]
