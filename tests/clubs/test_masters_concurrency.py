# ruff: noqa: F811  (fixtures take the fixtures imported from conftest and test_masters as arguments)
"""Masters' decisions and photos at the same moment, with real concurrent transactions (PostgreSQL row
locks): a declaration is decided once, the photo limit holds, one collection is made for the photos."""

import pytest
from django.db import connection
from django.test.utils import override_settings
from wagtail.models import Collection

from tests.clubs.test_masters import declaration, png_upload, reviewing  # noqa: F401
from tests.events.test_concurrency import _together
from volunteers.clubs.errors import ClubsError
from volunteers.clubs.models import MasterPhoto, MasterStatus
from volunteers.clubs.services.masters import PHOTOS_COLLECTION, master_decide, photo_add
from volunteers.models import AuditEntry

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (.ci/run runs it)"
    ),
]


def test_four_verifications_at_once_verify_once(declaration, coordinator, coordinator_factory, reviewing):
    colleague = coordinator_factory(reviewing)
    refusals = []

    def verify(by):
        try:
            master_decide(master=declaration, by=by, verify=True)
        except ClubsError as error:
            refusals.append(error.code)

    errors = _together(verify, [coordinator, colleague, coordinator, colleague])

    assert errors == []
    assert sorted(refusals) == ["master_decided"] * 3
    declaration.refresh_from_db()
    assert declaration.status == MasterStatus.VERIFIED
    assert AuditEntry.objects.filter(action="clubs.master.verified").count() == 1


@override_settings(CLUBS_MASTER_PHOTOS_MAX=2)
def test_photos_sent_at_once_stop_at_the_limit_in_one_collection(declaration):
    if Collection.get_first_root_node() is None:  # transactional tests empty Wagtail's tables
        Collection.add_root(name="Root")
    refusals = []

    def add(caption):
        try:
            photo_add(master=declaration, by=declaration.volunteer, upload=png_upload(), caption=caption)
        except ClubsError as error:
            refusals.append(error.code)

    errors = _together(add, ["One", "Two", "Three", "Four"])

    assert errors == []
    assert sorted(refusals) == ["master_photos_max"] * 2
    assert MasterPhoto.objects.filter(master=declaration).count() == 2
    assert Collection.objects.filter(name=PHOTOS_COLLECTION).count() == 1
