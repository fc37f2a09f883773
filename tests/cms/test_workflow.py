import datetime as dt

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowState, WorkflowTask
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms.models import HomePage, StandardPage
from cms.tasks import pages_publish_scheduled
from cms.workflow import review_workflow_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow(seeded):
    return review_workflow_ensure()


def _admin_client(user_factory, email: str, group: str) -> Client:
    user = user_factory(email=email)
    user.groups.add(Group.objects.get(name=group))
    TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(user_factory, workflow):
    return _admin_client(user_factory, "editor@example.kz", "Editors")


@pytest.fixture
def moderator(user_factory, workflow):
    return _admin_client(user_factory, "moderator@example.kz", "Moderators")


@pytest.fixture
def kk_home(seeded):
    return HomePage.objects.get(locale__language_code="kk")


def _add_page(client, parent, action: str, slug: str = "memo", **fields) -> StandardPage | None:
    url = reverse("wagtailadmin_pages:add", args=("cms", "standardpage", parent.pk))
    form = client.get(url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "title": "Волонтерлерге арналған жадынама",
                "slug": slug,
                "intro": "Жадынама",
                "body": streamfield([("paragraph", rich_text("<p>Мәтін</p>"))]),
                **fields,
            }
        )
    )
    data[action] = "1"
    response = client.post(url, data)
    assert response.status_code in (200, 302, 403)
    return StandardPage.objects.filter(slug=slug).first()


def test_the_review_workflow_covers_every_language_and_is_made_once(workflow):
    again = review_workflow_ensure()
    assert again.pk == workflow.pk
    assert Workflow.objects.filter(name="Review").count() == 1
    assert WorkflowTask.objects.filter(workflow=workflow).count() == 1
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == workflow
    for home in HomePage.objects.all():
        assert home.get_workflow() == workflow


def test_an_editors_submission_waits_for_review_and_a_moderator_publishes_it(editor, moderator, kk_home):
    page = _add_page(editor, kk_home, "action-submit")
    assert page is not None
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Client().get("/kk/memo/").status_code == 404

    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert moderator.post(url, {"comment": ""}).status_code == 302

    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert Client().get("/kk/memo/").status_code == 200


def test_an_editor_cannot_publish_nor_approve(editor, kk_home):
    page = _add_page(editor, kk_home, "action-publish", slug="published")
    assert page is None or not page.live

    page = _add_page(editor, kk_home, "action-submit", slug="approved")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    editor.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_an_approved_page_with_a_go_live_time_is_published_by_the_scheduled_task(editor, moderator, kk_home):
    go_live = timezone.localtime(timezone.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    page = _add_page(editor, kk_home, "action-submit", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    moderator.post(url, {"comment": ""})

    page.refresh_from_db()
    assert not page.live
    assert page.approved_schedule
    pages_publish_scheduled.delay()  # before its time: nothing happens
    page.refresh_from_db()
    assert not page.live

    with time_machine.travel(go_live + dt.timedelta(minutes=1)):
        pages_publish_scheduled.delay()
    page.refresh_from_db()
    assert page.live
    assert Client().get("/kk/memo/").status_code == 200


def test_the_scheduled_task_is_in_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["cms-publish-scheduled"]
    assert entry["task"] == pages_publish_scheduled.name
    assert entry["schedule"] == 60.0
