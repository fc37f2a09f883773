"""Calendar arithmetic shared by the apps: a certificate's validity and the stages' months since the first
activity count months the same way."""

import calendar
import datetime as dt


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or that month's last day when it is shorter (31 Jan + 1: end of Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
