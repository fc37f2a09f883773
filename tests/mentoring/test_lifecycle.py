"""A pair's life after approval: active ⇄ paused → ended, who may move it, the refusals, the audit trail, and
the same through the mentor's and the coordinators' pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from volunteers.mentoring.errors import MentoringError
from volunteers.mentoring.models import BackgroundCheck, EndReason, Mentorship, MentorshipStatus
from volunteers.mentoring.services.lifecycle import mentorship_end, mentorship_pause, mentorship_resume
from volunteers.models import AuditEntry

pytestmark = pytest.mark.django_db


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args or None)


@pytest.fixture
def pair_factory(mentor_factory, mentee_factory):
    """A pair as the matching service leaves it once approved: active since `started` days ago."""

    def make(*, mentor=None, mentee=None, status=MentorshipStatus.ACTIVE, started=30, last_meeting_on=None,
             organisation=None, **mentee_fields):  # fmt: skip
        mentee = mentee or mentee_factory(organisation=organisation, **mentee_fields)
        mentor = mentor or mentor_factory()
        today = timezone.localdate()
        ended = {"end_reason": EndReason.OTHER, "ended_on": today} if status == MentorshipStatus.ENDED else {}
        return Mentorship.objects.create(
            pool=mentee.pool, mentee=mentee, mentor=mentor, organisation=mentee.organisation, status=status,
            started_on=today - dt.timedelta(days=started) if status != MentorshipStatus.PROPOSED else None,
            last_meeting_on=last_meeting_on,
            **ended,
        )  # fmt: skip

    return make


@pytest.fixture
def pair(pair_factory):
    return pair_factory()


def refused(code, call, **kwargs):
    with pytest.raises(MentoringError) as caught:
        call(**kwargs)
    assert caught.value.code == code
    return caught.value


def actions(mentorship):
    return list(
        AuditEntry.objects.filter(data__mentorship=mentorship.pk)
        .exclude(action="mentoring.mentee.viewed")
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- The services -------------------------------------------------------------------------------------------


def test_a_coordinator_pauses_resumes_and_ends_a_pair(pair, centre_coordinator):
    mentorship_pause(mentorship=pair, by=centre_coordinator, note="Exams in June")
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.PAUSED and pair.paused_at is not None
    mentorship_resume(mentorship=pair, by=centre_coordinator)
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE and pair.paused_at is None
    assert pair.reminded_at is not None  # a full period to meet before the first reminder
    mentorship_end(mentorship=pair, by=centre_coordinator, reason=EndReason.GOAL_REACHED, note="Well done")
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ENDED and pair.ended_on == timezone.localdate()
    assert (pair.end_reason, pair.end_note) == ("goal_reached", "Well done")
    assert actions(pair) == [
        "mentoring.mentorship.paused",
        "mentoring.mentorship.resumed",
        "mentoring.mentorship.ended",
    ]
    paused, _resumed, ended = AuditEntry.objects.filter(data__mentorship=pair.pk).order_by("pk")
    assert paused.actor == centre_coordinator and paused.subject == pair.mentor.volunteer
    assert paused.data["note"] == "Exams in June" and paused.data["role"] == "coordinator"
    assert ended.data["reason"] == "goal_reached" and ended.data["mentee"] == pair.mentee_id


def test_a_paused_pair_can_be_ended(pair, centre_coordinator):
    mentorship_pause(mentorship=pair, by=centre_coordinator)
    mentorship_end(mentorship=pair, by=centre_coordinator, reason=EndReason.MENTEE_LEFT)
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ENDED


def test_the_mentor_pauses_and_ends_with_a_reason_of_theirs_but_does_not_resume(pair):
    mentor = pair.mentor.volunteer
    mentorship_pause(mentorship=pair, by=mentor)
    refused("mentorship_resume_coordinator", mentorship_resume, mentorship=pair, by=mentor)
    # A safeguarding concern or a lapsed check is the centre's finding, not the mentor's reason.
    for reason in (EndReason.SAFEGUARDING, EndReason.ELIGIBILITY):
        error = refused("end_reason", mentorship_end, mentorship=pair, by=mentor, reason=reason)
        assert error.field == "reason"
    mentorship_end(mentorship=pair, by=mentor, reason=EndReason.MENTOR_UNAVAILABLE, note="Moving to Astana")
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ENDED and pair.end_reason == "mentor_unavailable"
    entry = AuditEntry.objects.get(action="mentoring.mentorship.ended")
    assert entry.actor == mentor and entry.data["role"] == "mentor"


@pytest.mark.parametrize(
    ("status", "action", "kwargs"),
    [
        (MentorshipStatus.PROPOSED, mentorship_pause, {}),
        (MentorshipStatus.PAUSED, mentorship_pause, {}),
        (MentorshipStatus.ENDED, mentorship_pause, {}),
        (MentorshipStatus.REJECTED, mentorship_pause, {}),
        (MentorshipStatus.ACTIVE, mentorship_resume, {}),
        (MentorshipStatus.ENDED, mentorship_resume, {}),
        (MentorshipStatus.PROPOSED, mentorship_resume, {}),
        (MentorshipStatus.PROPOSED, mentorship_end, {"reason": "other"}),
        (MentorshipStatus.REJECTED, mentorship_end, {"reason": "other"}),
        (MentorshipStatus.ENDED, mentorship_end, {"reason": "other"}),
    ],
)
def test_a_move_from_the_wrong_state_is_refused(pair_factory, centre_coordinator, status, action, kwargs):
    pair = pair_factory(status=status)
    refused("mentorship_state", action, mentorship=pair, by=centre_coordinator, **kwargs)
    pair.refresh_from_db()
    assert pair.status == status and not actions(pair)


def test_the_state_refusal_names_the_action(pair_factory, centre_coordinator):
    pair = pair_factory(status=MentorshipStatus.PROPOSED)
    error = refused("mentorship_state", mentorship_pause, mentorship=pair, by=centre_coordinator)
    with translation.override("en"):
        assert error.message == "This pair cannot be paused in its present state."


def test_ending_twice_is_refused_and_keeps_the_first_reason(pair, centre_coordinator):
    mentorship_end(mentorship=pair, by=centre_coordinator, reason=EndReason.NOT_A_FIT)
    refused("mentorship_state", mentorship_end, mentorship=pair, by=centre_coordinator, reason="other")
    pair.refresh_from_db()
    assert pair.end_reason == "not_a_fit" and actions(pair) == ["mentoring.mentorship.ended"]


@pytest.mark.parametrize("reason", ["", "nonsense", None])
def test_ending_needs_a_known_reason(pair, centre_coordinator, reason):
    error = refused("end_reason", mentorship_end, mentorship=pair, by=centre_coordinator, reason=reason)
    assert error.field == "reason"
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE


def test_resuming_needs_an_eligible_mentor(pair, centre_coordinator):
    mentorship_pause(mentorship=pair, by=centre_coordinator)
    BackgroundCheck.objects.filter(mentor=pair.mentor).update(revoked_at=timezone.now())
    refused("mentor_ineligible", mentorship_resume, mentorship=pair, by=centre_coordinator)
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.PAUSED


def test_nobody_else_moves_a_pair(pair, other_centre_coordinator, coordinator, volunteer, mentor_factory):
    another_mentor = mentor_factory().volunteer
    for outsider in (other_centre_coordinator, coordinator, volunteer, another_mentor):
        refused("mentorship_unknown", mentorship_pause, mentorship=pair, by=outsider)
        refused("mentorship_unknown", mentorship_end, mentorship=pair, by=outsider, reason="other")
        refused("mentorship_unknown", mentorship_resume, mentorship=pair, by=outsider)
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE and not actions(pair)


# --- The pages ----------------------------------------------------------------------------------------------


def test_the_coordinator_ends_a_pair_on_its_page(client, pair, centre_coordinator):
    client.force_login(centre_coordinator)
    page = client.get(url("mentoring:pair", pair.pk))
    assert page.status_code == 200 and pair.mentee.name in page.content.decode()
    response = client.post(url("mentoring:pair_end", pair.pk), {"end-reason": "", "end-note": ""})
    assert response.status_code == 400
    assert "Choose a reason for ending the mentorship." in response.content.decode()
    assert response.context["end_form"].errors["reason"]
    response = client.post(
        url("mentoring:pair_end", pair.pk), {"end-reason": "goal_reached", "end-note": "Done"}
    )
    assert response.status_code == 302 and response["Location"] == url("mentoring:pair", pair.pk)
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ENDED
    html = client.get(url("mentoring:pair", pair.pk)).content.decode()
    assert "The goals were reached" in html and "Ended" in html  # in the history


def test_the_coordinator_pauses_and_resumes_on_the_page_and_a_stale_post_is_a_message(
    client, pair, centre_coordinator
):
    client.force_login(centre_coordinator)
    assert client.post(url("mentoring:pair_pause", pair.pk), {"pause-note": "Holidays"}).status_code == 302
    stale = client.post(url("mentoring:pair_pause", pair.pk), {"pause-note": "Holidays"})
    assert stale.status_code == 400 and "cannot be paused" in stale.content.decode()
    assert client.post(url("mentoring:pair_resume", pair.pk)).status_code == 302
    again = client.post(url("mentoring:pair_resume", pair.pk))
    assert again.status_code == 400 and "cannot be resumed" in again.content.decode()
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE


def test_resuming_with_a_lapsed_check_is_refused_on_the_page(client, pair, centre_coordinator):
    mentorship_pause(mentorship=pair, by=centre_coordinator)
    BackgroundCheck.objects.filter(mentor=pair.mentor).delete()
    client.force_login(centre_coordinator)
    response = client.post(url("mentoring:pair_resume", pair.pk))
    assert response.status_code == 400 and "cannot mentor from" in response.content.decode()


def test_the_mentor_pauses_and_ends_on_their_page(client, pair):
    client.force_login(pair.mentor.volunteer)
    page = client.get(url("mentoring:my_pair", pair.pk))
    reasons = [value for value, _label in page.context["end_form"].fields["reason"].choices if value]
    assert "safeguarding" not in reasons and "mentor_unavailable" in reasons
    assert client.post(url("mentoring:my_pair_pause", pair.pk), {"pause-note": ""}).status_code == 302
    bad = client.post(url("mentoring:my_pair_end", pair.pk), {"end-reason": "safeguarding"})
    assert bad.status_code == 400
    response = client.post(url("mentoring:my_pair_end", pair.pk), {"end-reason": "not_a_fit"})
    assert response.status_code == 302 and response["Location"] == url("mentoring:my_pairs")
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ENDED and pair.end_reason == "not_a_fit"


@pytest.mark.parametrize("name", ["mentoring:pair_pause", "mentoring:pair_resume", "mentoring:pair_end"])
def test_another_centres_coordinator_gets_404(client, pair, other_centre_coordinator, name):
    client.force_login(other_centre_coordinator)
    assert client.get(url("mentoring:pair", pair.pk)).status_code == 404
    assert client.post(url(name, pair.pk), {"end-reason": "other"}).status_code == 404
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE


def test_the_pages_gate_who_sees_what(client, pair, volunteer, mentor_factory, centre_coordinator):
    # A volunteer who coordinates nothing: 403 on the coordinators' pages; anonymous: the login.
    assert client.get(url("mentoring:pair", pair.pk)).status_code == 302
    assert client.get(url("mentoring:my_pair", pair.pk)).status_code == 302
    client.force_login(volunteer)
    assert client.get(url("mentoring:dashboard")).status_code == 403
    assert client.get(url("mentoring:my_pair", pair.pk)).status_code == 404
    # Another mentor: someone else's pair is a 404, on every page of it.
    client.force_login(mentor_factory().volunteer)
    assert client.get(url("mentoring:my_pair", pair.pk)).status_code == 404
    assert client.post(url("mentoring:my_pair_end", pair.pk), {"end-reason": "other"}).status_code == 404
    assert client.post(url("mentoring:my_pair_pause", pair.pk)).status_code == 404
    # The pair's mentor cannot use the coordinators' endpoints (not staff: 403).
    client.force_login(pair.mentor.volunteer)
    assert client.post(url("mentoring:pair_resume", pair.pk)).status_code == 403
    # The centre's coordinator does not reach the mentor's own pages of the pair.
    client.force_login(centre_coordinator)
    assert client.get(url("mentoring:my_pair", pair.pk)).status_code == 404


def test_a_proposal_is_not_shown_to_its_mentor(client, pair_factory):
    proposal = pair_factory(status=MentorshipStatus.PROPOSED)
    client.force_login(proposal.mentor.volunteer)
    assert client.get(url("mentoring:my_pair", proposal.pk)).status_code == 404
    assert proposal.mentee.name not in client.get(url("mentoring:my_pairs")).content.decode()


def test_every_view_of_a_mentee_is_audited_and_never_cached(client, pair, centre_coordinator):
    client.force_login(pair.mentor.volunteer)
    for name, args in (("mentoring:my_pairs", ()), ("mentoring:my_pair", (pair.pk,))):
        response = client.get(url(name, *args))
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    client.force_login(centre_coordinator)
    response = client.get(url("mentoring:pair", pair.pk))
    assert "no-store" in response["Cache-Control"]
    viewed = AuditEntry.objects.filter(action="mentoring.mentee.viewed").order_by("pk")
    assert [(entry.actor, entry.data["mentee"]) for entry in viewed] == [
        (pair.mentor.volunteer, pair.mentee_id),
        (pair.mentor.volunteer, pair.mentee_id),
        (centre_coordinator, pair.mentee_id),
    ]


def test_an_ended_pair_shows_its_mentor_the_name_only(client, pair, centre_coordinator):
    mentorship_end(mentorship=pair, by=centre_coordinator, reason=EndReason.GOAL_REACHED)
    client.force_login(pair.mentor.volunteer)
    response = client.get(url("mentoring:my_pair", pair.pk))
    assert response.status_code == 200 and response.context["details"] is None
    assert "Help with schoolwork" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="mentoring.mentee.viewed").exists()


def test_bad_ids_and_empty_posts_are_never_a_500(client, pair, centre_coordinator):
    client.force_login(centre_coordinator)
    huge = "9" * 30
    for path in (
        f"/en/coordinator/mentoring/pairs/{huge}/",
        f"/en/coordinator/mentoring/pairs/{huge}/end/",
        f"/en/coordinator/mentoring/meetings/{huge}/acknowledge/",
        "/en/coordinator/mentoring/pairs/abc/",
    ):
        assert client.post(path).status_code == 404
    assert client.get("/en/coordinator/mentoring/pairs/?page=999&status=x&centre=abc").status_code == 200
    assert client.post(url("mentoring:pair_end", pair.pk)).status_code == 400
    assert client.post(url("mentoring:meetings_acknowledge")).status_code == 302
    client.force_login(pair.mentor.volunteer)
    assert client.post(url("mentoring:my_pair_meeting", pair.pk)).status_code == 400
    assert client.post(f"/en/mentoring/pairs/{huge}/meetings/").status_code == 404
    assert client.post(url("mentoring:my_pair_meeting_withdraw", pair.pk, 12345)).status_code == 302
