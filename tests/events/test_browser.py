import re

import pytest
from playwright.sync_api import Page, expect

from events.models import Signup, SignupStatus

pytestmark = pytest.mark.e2e


def test_a_volunteer_finds_an_event_signs_up_sees_it_and_cancels(site, page: Page, event_factory, volunteer):
    event_factory(title={"en": "Riverbank clean-up", "ru": "Уборка берега реки"}, languages=["kk", "ru"])
    event_factory(
        title={"en": "Online literacy lesson"}, is_online=True, online_url="https://meet.example.kz/a",
        address="", languages=["en"], direction="bilim",
    )  # fmt: skip

    page.goto(site.url + "/en/accounts/login/")
    page.get_by_label(re.compile("^E-?mail", re.I)).fill(volunteer.email)
    page.get_by_label("Password:", exact=True).fill(volunteer.raw_password)
    page.get_by_role("button", name="Sign In").click()

    # Browse, then filter: only in-person events held in Russian.
    page.goto(site.url + "/en/events/")
    expect(page.get_by_role("link", name="Riverbank clean-up")).to_be_visible()
    expect(page.get_by_role("link", name="Online literacy lesson")).to_be_visible()
    page.get_by_role("combobox", name="Format").select_option("no")
    page.get_by_role("combobox", name="Language").select_option("ru")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"online=no"))
    expect(page.get_by_role("link", name="Online literacy lesson")).to_have_count(0)

    # Sign up for the shift.
    page.get_by_role("link", name="Riverbank clean-up").click()
    expect(page.get_by_text("You meet the requirements of this event.")).to_be_visible()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("You are signed up.", exact=False)).to_be_visible()
    signup = Signup.objects.get(volunteer=volunteer)
    expect(page.get_by_text(signup.code_display)).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()

    # It is in My events; cancel it from there.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="My events").click()
    page.get_by_role("link", name="Riverbank clean-up").click()
    page.get_by_role("button", name="Cancel my sign-up").click()
    expect(page.get_by_text("Your sign-up is cancelled.", exact=False)).to_be_visible()
    expect(page.get_by_text("You have no upcoming sign-ups.")).to_be_visible()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CANCELLED
