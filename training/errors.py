from django.utils.translation import gettext_lazy as _

from config.errors import DomainError


class TrainingError(DomainError):
    messages = {
        "sign_in": _("Sign in to take the course."),
        "no_profile": _("Complete your volunteer profile to take the course."),
        "adults_only": _("This course is for volunteers aged 18 or over."),
        "prerequisite_missing": _("Complete the course “%(course)s” first."),
        "not_enrolled": _("Enrol in the course first."),
        "quiz_unknown": _("This quiz is not part of the lesson."),
        "answers_invalid": _("Some answers need your attention: see the questions marked below."),
        "answer_missing": _("Answer this question."),
        "answer_invalid": _(
            "This answer is not one of the question's choices. Reload the page and try again."
        ),
        "one_answer": _("Choose one answer."),
        "cooldown": _("You have used your attempts for now. You can try again from %(when)s."),
        "already_completed": _("You have already completed this course."),
        "renewal_not_due": _("Your certificate is valid; it can be renewed in the month before it expires."),
        "already_revoked": _("This certificate has already been revoked."),
        "reason_required": _("Give the reason for revoking the certificate."),
    }
