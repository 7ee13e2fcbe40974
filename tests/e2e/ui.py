"""What a person does in the browser, through labelled controls only."""
from __future__ import annotations

import itertools
import re
import time
from datetime import date, timedelta

from playwright.sync_api import Page, expect

PASSWORD = "correct battery staple horse"
_ids = itertools.count(1)
RUN = str(int(time.time() * 1000))[-7:]


def unique(prefix: str) -> str:
    """A name unique within this run and across runs against the same database."""
    return f"{prefix}{RUN}{next(_ids)}"


def days_ago(n: int) -> str:
    """An ISO date for <input type=date>."""
    return (date.today() - timedelta(days=n)).isoformat()


def register(page: Page, email: str, name: str, password: str = PASSWORD) -> None:
    """Sign up from the home page and land logged in."""
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign up").click()
    fill_registration(page, email, name, password)
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def fill_registration(page: Page, email: str, name: str, password: str = PASSWORD) -> None:
    """On the registration page: fill it in and create the account."""
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Repeat password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Welcome to craftreview! Your account is ready.")).to_be_visible()


def log_in(page: Page, email: str, password: str) -> None:
    """Log in through the nav link."""
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text(re.compile(r"^Welcome back, "))).to_be_visible()


def nav(page: Page, name: str) -> None:
    """Follow a link in the main navigation."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()


def rate(page: Page, craftsmanship: int, consistency: int, delivery: int) -> None:
    """Choose the stars in each rating group (a fieldset whose legend names the dimension)."""
    for dimension, stars in (("Craftsmanship", craftsmanship), ("Consistency", consistency), ("Delivery", delivery)):
        label = re.compile(rf"\b{stars} stars? – ")
        page.get_by_role("group", name=dimension).get_by_label(label).check()


def review_card(page: Page, title: str):
    """The review <article> whose heading is `title`."""
    return page.locator("article.review").filter(has=page.get_by_role("heading", name=title))
