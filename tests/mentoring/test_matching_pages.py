"""The coordinators' matching pages through HTTP: a run from the form, its proposals with why in the visitor's
language, the decisions, who may see what, the queries a page costs, and bad input."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from volunteers.mentoring.models import CentreRules, MatchRun, Mentorship, MentorshipStatus, Pool
from volunteers.mentoring.services.matching import match_run_create
from volunteers.models import AuditEntry, Membership, Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"mentoring:{name}", kwargs=kwargs or None)


def form(centre, **changes):
    data = {
        "pool": Pool.CHILDREN,
        "scope": f"centre:{centre.pk}",
        "mode": "optimal",
        "start_on": timezone.localdate().isoformat(),
    }
    data.update(changes)
    return data


def texts(response):
    """The messages a redirect leaves for the next page (read, so the next request starts with none)."""
    with translation.override("en"):
        return [str(message) for message in get_messages(response.wsgi_request)]


def post(client, address, data=None):
    """POST, then show the page it redirects to, as a browser does (the messages are shown there)."""
    response = client.post(address, data or {})
    if response.status_code == 302:
        client.get(response["Location"])
    return response


def match(by, centre, **kwargs):
    return match_run_create(
        by=by,
        pool=Pool.CHILDREN,
        mode="optimal",
        start_on=timezone.localdate(),
        organisation=centre,
        **kwargs,
    )


@pytest.fixture
def pair(centre, centre_coordinator, mentor_factory, mentee_factory):
    """A run proposing Aruzhan (12) with a mentor of 30 of the same district."""
    CentreRules.objects.create(organisation=centre, district="Medeu")
    mentee_factory(name="Aruzhan", languages=("kk", "ru"), interests=("sport",))
    mentor_factory(email="mentor@example.kz", languages=("kk", "ru"), interests=("sport", "reading"))
    return match(centre_coordinator, centre).proposals.get()


def test_a_coordinator_runs_a_match_from_the_form(
    client, centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee_factory(name="Aruzhan")
    mentor_factory()
    client.force_login(centre_coordinator)
    response = client.get(url("match_new"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Almaty children&#x27;s home No. 1" in html and "deferred acceptance" in html
    assert f'value="{timezone.localdate().isoformat()}"' in html

    response = client.post(url("match_new"), form(centre))

    run = MatchRun.objects.get()
    assert response.status_code == 302 and response["Location"] == url("run", pk=run.pk)
    assert run.organisation == centre and run.created_by == centre_coordinator
    assert texts(response) == ["The engine proposes 1 pair: approve, reject or swap it below."]
    html = client.get(url("runs")).content.decode()
    assert url("run", pk=run.pk) in html and "Almaty children&#x27;s home No. 1" in html


def test_the_run_page_says_why_each_pair_in_english_and_in_russian(client, centre_coordinator, pair):
    client.force_login(centre_coordinator)
    response = client.get(url("run", pk=pair.run_id))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aruzhan, 12 years old" in html and str(pair.mentor.volunteer) in html
    assert f"<td>{pair.score}</td>" in html
    assert "Kazakh, Russian" in html and "Sport" in html
    assert "the same district" in html and "Saturday, morning" in html and "18 years older" in html
    assert url("proposal_approve", pk=pair.pk) in html and url("run_approve_all", pk=pair.run_id) in html

    html = client.get(url("run", "ru", pk=pair.run_id)).content.decode()
    assert "Казахский" in html and "Суббота, утро" in html
    assert url("proposal_approve", "ru", pk=pair.pk) in html
    entry = AuditEntry.objects.filter(action="mentoring.run.viewed").first()
    assert entry.actor == centre_coordinator and entry.data["mentees"] == [pair.mentee_id]


def test_approve_then_approve_again_says_it_is_decided(client, centre_coordinator, pair):
    client.force_login(centre_coordinator)
    response = post(client, url("proposal_approve", pk=pair.pk))
    assert response.status_code == 302 and response["Location"] == url("run", pk=pair.run_id)
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.ACTIVE
    assert texts(response) == [
        f"The pair Aruzhan and {pair.mentor.volunteer} is approved; the mentor is told by e-mail."
    ]
    response = post(client, url("proposal_approve", pk=pair.pk))
    assert response.status_code == 302 and texts(response) == ["This proposal has already been decided."]
    response = client.post(url("proposal_approve", "ru", pk=pair.pk), follow=True)
    assert response.status_code == 200
    assert client.get(url("proposal_approve", pk=pair.pk)).status_code == 405


def test_reject_with_a_reason(client, centre_coordinator, pair):
    client.force_login(centre_coordinator)
    response = post(client, url("proposal_reject", pk=pair.pk), {"reason": "They are cousins"})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.REJECTED and pair.end_note == "They are cousins"
    html = client.get(url("run", pk=pair.run_id)).content.decode()
    assert "Rejected" in html and url("proposal_approve", pk=pair.pk) not in html


def test_swap_offers_the_other_allowed_mentors_and_refuses_garbage(
    client, centre_coordinator, pair, mentor_factory, astana
):
    other = mentor_factory(interests=())
    english = mentor_factory(languages=("en",))
    elsewhere = mentor_factory(region=astana)
    client.force_login(centre_coordinator)
    response = client.get(url("run", pk=pair.run_id))
    [row] = response.context["proposals"]
    assert [mentor.pk for mentor, _score in row.swap] == [other.pk]

    for garbage in ("", "abc", "-1", "999999"):
        response = post(client, url("proposal_swap", pk=pair.pk), {"mentor": garbage})
        assert response.status_code == 302 and texts(response) == ["Choose another mentor from the list."]
    response = post(client, url("proposal_swap", pk=pair.pk), {"mentor": english.pk})
    assert texts(response) == ["This pair breaks a rule: no shared language."]
    response = post(client, url("proposal_swap", pk=pair.pk), {"mentor": elsewhere.pk})
    assert texts(response) == ["This pair breaks a rule: the mentor lives in another region."]
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.PROPOSED

    response = post(client, url("proposal_swap", pk=pair.pk), {"mentor": other.pk})
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.REJECTED
    assert Mentorship.objects.get(status=MentorshipStatus.PROPOSED).mentor == other


def test_approve_all_and_its_refusals_are_messages(
    client, centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee_factory(name="First")
    mentee_factory(name="Second")
    mentor_factory(capacity=2)
    run = match(centre_coordinator, centre)
    client.force_login(centre_coordinator)
    response = post(client, url("run_approve_all", pk=run.pk))
    assert response.status_code == 302 and texts(response) == ["2 pairs are approved."]
    response = post(client, url("run_approve_all", pk=run.pk))
    assert texts(response) == ["No proposal of this run is waiting for a decision."]


def test_the_run_page_lists_the_mentees_left_without_a_mentor(
    client, centre, centre_coordinator, mentor_factory, mentee_factory
):
    mentee_factory(name="Dana", languages=("kk",))
    mentor_factory(languages=("en",))
    run = match(centre_coordinator, centre)
    client.force_login(centre_coordinator)
    html = client.get(url("run", pk=run.pk)).content.decode()
    assert "This run proposes no pair." in html
    assert "Dana: no mentor fits the rules (no shared language)" in html


def test_a_region_run_from_the_form(
    client, centre, centre_coordinator, mentor_factory, mentee_factory, almaty
):
    second = Organisation.objects.create(
        slug="second-home", kind=OrganisationKind.CHILDREN_HOME, region=almaty, name={"en": "Second home"}
    )
    Membership.objects.create(user=centre_coordinator, organisation=second, role="coordinator")
    mentee_factory(name="Here")
    mentee_factory(name="There", organisation=second)
    mentor_factory(capacity=2)
    client.force_login(centre_coordinator)
    html = client.get(url("match_new")).content.decode()
    assert "All my 2 centres in Almaty" in html
    response = client.post(url("match_new"), form(centre, scope=f"region:{almaty.pk}"))
    run = MatchRun.objects.get()
    assert response.status_code == 302 and run.organisation is None and run.region == almaty
    html = client.get(url("run", pk=run.pk)).content.decode()
    assert "Second home" in html and "My centres in Almaty" in html
    assert client.get(url("runs")).content.decode().count(url("run", pk=run.pk)) == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"scope": ""}, "scope", "This field is required."),
        ({"scope": "centre:abc"}, "scope", None),
        ({"scope": "region:999999"}, "scope", None),
        ({"pool": "pets"}, "pool", None),
        ({"mode": "greedy"}, "mode", None),
        ({"start_on": "yesterday"}, "start_on", "Enter a valid date."),
        ({"start_on": "2020-01-01"}, "start_on", "The start date cannot be in the past."),
    ],
)
def test_bad_input_shows_next_to_the_field(client, centre, centre_coordinator, changes, field, message):
    client.force_login(centre_coordinator)
    response = client.post(url("match_new"), form(centre, **changes))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == [field]
    if message:
        with translation.override("en"):
            assert errors[field] == [message]
    html = response.content.decode()
    assert f'aria-describedby="id_{field}_error' in html or f"id_{field}_error" in html
    assert not MatchRun.objects.exists()


def test_every_bad_field_is_shown_at_once(client, centre, centre_coordinator):
    client.force_login(centre_coordinator)
    response = client.post(url("match_new"), form(centre, scope="", start_on="2020-01-01", mode=""))
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"scope", "start_on", "mode"}


def test_nobody_to_match_and_another_centre_are_refused_next_to_the_scope(
    client, centre, other_centre, centre_coordinator
):
    client.force_login(centre_coordinator)
    response = client.post(url("match_new"), form(centre))
    assert response.status_code == 400
    with translation.override("en"):
        assert response.context["form"].errors["scope"] == [
            "There is nobody to match: every mentee of this scope has a mentor or a proposal."
        ]
    response = client.post(url("match_new"), form(other_centre))
    assert response.status_code == 400 and "scope" in response.context["form"].errors
    response = client.post(url("match_new", "ru"), form(centre))
    assert response.status_code == 400


def test_another_centres_coordinator_gets_404(client, other_centre_coordinator, pair, mentor_factory):
    client.force_login(other_centre_coordinator)
    assert client.get(url("run", pk=pair.run_id)).status_code == 404
    for name in ("proposal_approve", "proposal_reject", "proposal_swap"):
        assert client.post(url(name, pk=pair.pk), {"mentor": mentor_factory().pk}).status_code == 404
    assert post(client, url("run_approve_all", pk=pair.run_id)).status_code == 404
    assert url("run", pk=pair.run_id) not in client.get(url("runs")).content.decode()
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.PROPOSED


def test_a_volunteer_gets_403_and_a_visitor_the_login(client, volunteer, pair):
    pages = [
        ("get", url("match_new")),
        ("get", url("runs")),
        ("get", url("run", pk=pair.run_id)),
        ("post", url("proposal_approve", pk=pair.pk)),
        ("post", url("proposal_reject", pk=pair.pk)),
        ("post", url("proposal_swap", pk=pair.pk)),
        ("post", url("run_approve_all", pk=pair.run_id)),
    ]
    for method, address in pages:
        assert getattr(client, method)(address).status_code == 302  # to the login
    client.force_login(volunteer)
    for method, address in pages:
        assert getattr(client, method)(address).status_code == 403
    pair.refresh_from_db()
    assert pair.status == MentorshipStatus.PROPOSED


def test_garbage_ids_are_404(client, centre_coordinator):
    client.force_login(centre_coordinator)
    assert client.get("/en/coordinator/mentoring/runs/abc/").status_code == 404
    assert client.get(url("run", pk=999999)).status_code == 404
    assert client.post("/en/coordinator/mentoring/proposals/x1/approve/").status_code == 404
    assert post(client, url("proposal_approve", pk=999999)).status_code == 404


def test_the_run_page_costs_the_same_queries_for_one_proposal_or_many(
    client, centre, centre_coordinator, mentor_factory, mentee_factory
):
    client.force_login(centre_coordinator)

    def queries(run):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url("run", pk=run.pk))
        assert response.status_code == 200
        return len(captured), response

    mentee_factory(name="One")
    mentor_factory()
    client.get(url("runs"))  # the site and the session, cached by the first page of any kind
    one, response = queries(match(centre_coordinator, centre))
    assert len(response.context["proposals"]) == 1
    for number in range(6):
        mentee_factory(name=f"Many {number}", interests=("music",) if number % 2 else ("sport",))
        mentor_factory(interests=("music",) if number % 2 else ("art",))
    many, response = queries(match(centre_coordinator, centre))
    assert len(response.context["proposals"]) == 6
    assert many == one
