from volunteers.models import AuditEntry


def audit_log(*, actor, action: str, subject=None, **data) -> AuditEntry:
    """Record a state change or a sensitive read. `action` is namespaced: "volunteers.consent.withdrawn"."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        data=data,
    )
