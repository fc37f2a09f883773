"""What the training programme certifies, asked by events (required courses) and mentoring.

The certificate records arrive with the training issue; until then no one holds a certificate, so an event
that requires a course is open to no one, which is the safe answer.
"""

import datetime as dt


def courses_missing(*, user, courses, on: dt.date) -> list:
    """The courses among `courses` of which `user` holds no certificate valid on `on`."""
    return list(courses)
