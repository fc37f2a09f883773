import datetime as dt
import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def label(text: str) -> re.Pattern:
    """A field's label exactly, with or without the colon Django adds."""
    return re.compile("^" + re.escape(text) + ":?$")


def _born(years: int) -> str:
    today = dt.datetime.now(tz=dt.UTC).date()
    return today.replace(year=today.year - years, day=min(today.day, 28)).isoformat()


def _fill_signup(page: Page, *, email: str, born: str):
    page.get_by_label(label("Аты")).fill("Айгерім")
    page.get_by_label(label("Тегі")).fill("Сейітқали")
    page.get_by_label(label("Туған күні")).fill(born)
    page.get_by_label(label("Электрондық пошта")).fill(email)
    page.get_by_label(label("Құпиясөз")).fill("steppe-wind-2026")
    page.get_by_label(label("Құпиясөз (қайтадан)")).fill("steppe-wind-2026")
    page.get_by_label(label("Облыс немесе республикалық маңызы бар қала")).select_option("KZ-75")
    page.get_by_label("Біргеміз: Таза әлем").check()
    page.get_by_label("Жоғарыдағы мәтінді оқыдым").check()


def _link_from_mail(to: str, pattern: str) -> str:
    message = next(message for message in reversed(mail.outbox) if message.to == [to])
    return re.search(pattern, message.body).group(1)


def test_a_new_volunteer_signs_up_in_kazakh_confirms_and_completes_the_profile(site, page: Page):
    page.goto(site.url + "/kk/")
    page.get_by_role("link", name="Волонтер болу").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Волонтер болу")

    # A mistake first: a future birth date is refused next to the field, and nothing typed is lost.
    _fill_signup(
        page,
        email="aigerim@example.kz",
        born=(dt.datetime.now(tz=dt.UTC).date() + dt.timedelta(days=3)).isoformat(),
    )
    page.get_by_role("button", name="Тіркелу").click()
    expect(page.get_by_text("Туған күні болашақта болуы мүмкін емес.")).to_be_visible()
    expect(page.get_by_label(label("Аты"))).to_have_value("Айгерім")

    page.get_by_label(label("Туған күні")).fill(_born(24))
    page.get_by_label(label("Құпиясөз")).fill("steppe-wind-2026")
    page.get_by_label(label("Құпиясөз (қайтадан)")).fill("steppe-wind-2026")
    page.get_by_role("button", name="Тіркелу").click()
    expect(page).to_have_url(re.compile(r"/kk/accounts/confirm-email/$"))

    link = _link_from_mail("aigerim@example.kz", r"https?://[^/]+(/kk/accounts/confirm-email/\S+/)")
    page.goto(site.url + link)
    page.get_by_role("button", name="Растау").click()
    expect(page).to_have_url(re.compile(r"/kk/accounts/profile/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Айгерім Сейітқали")

    page.get_by_role("link", name="Профильді толтыру").click()
    page.get_by_label(label("Телефон")).fill("8 701 234 56 78")
    page.get_by_label(label("Дағдылар")).fill("Алғашқы көмек, фотосурет")
    page.get_by_label("Сенбі, таңертең", exact=True).check()
    page.get_by_label("Қазақ тілі", exact=True).check()
    page.get_by_role("button", name="Сақтау").click()
    expect(page).to_have_url(re.compile(r"/kk/accounts/profile/$"))
    expect(page.get_by_text("+7 701 234 5678")).to_be_visible()
    expect(page.get_by_role("link", name="Профильді толтыру")).to_have_count(0)


def test_a_fifteen_year_old_waits_for_the_guardian_who_confirms(site, page: Page):
    page.goto(site.url + "/kk/accounts/signup/")
    _fill_signup(page, email="arman@example.kz", born=_born(15))
    page.get_by_role("button", name="Тіркелу").click()
    expect(page.get_by_text("ата-анасының немесе заңды өкілінің келісімі").first).to_be_visible()

    page.get_by_label(label("Құпиясөз")).fill("steppe-wind-2026")
    page.get_by_label(label("Құпиясөз (қайтадан)")).fill("steppe-wind-2026")
    page.get_by_label(label("Ата-анасының немесе заңды өкілінің аты-жөні")).fill("Сәуле Сейітқалиева")
    page.get_by_label(label("Ата-анасының немесе заңды өкілінің электрондық поштасы")).fill(
        "saule@example.kz"
    )
    page.get_by_role("button", name="Тіркелу").click()
    expect(page).to_have_url(re.compile(r"/kk/accounts/confirm-email/$"))

    page.goto(
        site.url + _link_from_mail("arman@example.kz", r"https?://[^/]+(/kk/accounts/confirm-email/\S+/)")
    )
    page.get_by_role("button", name="Растау").click()
    expect(page.get_by_text("saule@example.kz")).to_be_visible()  # the notice: waiting for the guardian

    guardian = page.context.new_page()
    guardian.goto(site.url + _link_from_mail("saule@example.kz", r"https?://[^/]+(/kk/guardian/\S+/)"))
    guardian.get_by_label(label("Толық аты-жөніңіз")).fill("Сәуле Сейітқалиева")
    guardian.get_by_label("Мен осы волонтердің ата-анасымын").check()
    guardian.get_by_role("button", name="Келісемін").click()
    expect(guardian.get_by_role("heading", level=1)).to_have_text("Рақмет")

    page.reload()
    expect(page.get_by_text("saule@example.kz")).to_have_count(0)
