"""The editors' workflow: an editor writes and submits a page for review; a moderator approves it, which
publishes it (or schedules it, when it has a go-live time). Editors may not publish themselves
(cms.services grants them no publish permission), so every page goes through the review."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Review"
TASK_NAME = "Moderators' approval"
MODERATORS_GROUP = "Moderators"


@transaction.atomic
def review_workflow_ensure() -> Workflow:
    """The "Review" workflow on the root page, so that it covers the pages of every language's tree (each
    locale's home page is a child of the root). Replaces the workflow Wagtail's migration put there; safe to
    run again."""
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([moderators])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
