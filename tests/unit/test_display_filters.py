"""Prices carry the configured currency; deliveries say how late they were."""
from __future__ import annotations

from datetime import date

import pytest

from craftreview import create_app
from craftreview.services.review_facts import ReplyRecord, ReviewFacts
from craftreview.web.charts import chance, lateness_words, shown_bands
from craftreview.web.filters import has_long_word, lateness, percent, price_band

PROMISED = date(2026, 11, 15)


@pytest.mark.parametrize(("delivered", "words"), [
    (date(2026, 11, 17), "2 days late"), (date(2026, 11, 16), "1 day late"), (PROMISED, "on time"),
    (date(2026, 11, 12), "3 days early"), (date(2027, 1, 15), "61 days late"),
])
def test_delivery_is_described_against_its_promise(delivered, words):
    assert lateness(PROMISED, delivered) == words


@pytest.mark.parametrize(("share", "shown"), [
    (249 / 250, ">99%"), (1 / 250, "<1%"), (1.0, "100%"), (0.0, "0%"), (0.5, "50%"), (3 / 4, "75%"), (2 / 3, "67%"),
])
def test_a_share_reads_100_or_0_percent_only_when_it_is_all_or_none(share, shown):
    assert percent(share) == shown


def test_the_reply_record_never_rounds_249_of_250_up_to_all(tmp_path):
    """It read "249 of 250 reviews answered (100%)"."""
    app = create_app({"ENV_NAME": "test", "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
                      "INSTANCE_PATH": str(tmp_path)})
    facts = ReviewFacts(count=250, verified=0, histograms={}, delivery={}, replies=ReplyRecord(250, 249, 5.0))
    with app.test_request_context():
        macro = app.jinja_env.get_template("makers/_delivery.html").module.delivery_record
        text = " ".join(str(macro(facts)).split())
    app.extensions["craftreview.engine"].dispose()
    assert "249 of 250</strong> reviews answered (&gt;99%)" in text and "100%" not in text


def test_unknown_dates_say_nothing():
    assert lateness(None, PROMISED) == "" and lateness(PROMISED, None) == ""


@pytest.mark.parametrize(("currency", "band", "shown"), [
    ("USD", "300-1000", "$300–1,000"), ("USD", "under25", "Under $25"), ("USD", "over1000", "Over $1,000"),
    ("EUR", "25-100", "€25–100"), ("GBP", "100-300", "£100–300"), ("CHF", "300-1000", "300–1,000 CHF"),
])
def test_price_bands_show_the_configured_currency(tmp_path, currency, band, shown):
    app = create_app({"ENV_NAME": "test", "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
                      "INSTANCE_PATH": str(tmp_path), "CURRENCY": currency})
    with app.app_context():
        assert price_band(band) == shown
    app.extensions["craftreview.engine"].dispose()


def test_currency_defaults_to_usd(tmp_path, monkeypatch):
    monkeypatch.delenv("CRAFTREVIEW_CURRENCY", raising=False)
    from craftreview.config import load_config

    assert load_config({"ENV_NAME": "test"})["CURRENCY"] == "USD"
    monkeypatch.setenv("CRAFTREVIEW_CURRENCY", "eur")
    assert load_config({"ENV_NAME": "test"})["CURRENCY"] == "EUR"


@pytest.mark.parametrize(("currency", "shown"), [("EUR", "€300–1,000"), ("GBP", "£300–1,000"), ("CHF", "300–1,000 CHF")])
def test_price_band_choices_in_forms_follow_the_currency_setting(tmp_path, currency, shown):
    from craftreview.web.forms import OrderForm, ReviewForm

    app = create_app({"ENV_NAME": "test", "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
                      "INSTANCE_PATH": str(tmp_path), "CURRENCY": currency, "WTF_CSRF_ENABLED": False})
    with app.test_request_context(method="POST", data={"price_band": "300-1000"}):
        review, order = ReviewForm(), OrderForm()
        labels = {"review": [o.label.text for o in review.price_band], "order": [o.label.text for o in order.price_band]}
        assert labels["review"][0] == "Not stated" and shown in labels["review"]
        assert labels["order"][0] == "Choose…" and shown in labels["order"]
        review.price_band.validate(review)
        assert review.price_band.errors == [] and review.price_band.data == "300-1000"
    app.extensions["craftreview.engine"].dispose()


@pytest.mark.parametrize(("name", "long"), [
    ("Willow Anvil Glassworks", False), ("Holzspielzeugwerkstatt", True), ("Kristallglasmanufaktur Berg", True),
    ("", False), (None, False),
])
def test_a_name_has_a_long_word_when_one_word_cannot_fit_a_compare_column(name, long):
    assert has_long_word(name) is long


@pytest.mark.parametrize("days, words", [(1, "1 day late"), (4, "4 days late"), (17.5, "17–18 days late"),
                                         (3.0, "3 days late")])
def test_a_median_between_two_whole_days_reads_as_both(days, words):
    """The median of an even count of late orders can fall between two days: '17.5 days late' is a lateness no order
    had, so the page names the two."""
    assert lateness_words(days) == words


@pytest.mark.parametrize("bands", [
    {"master": 0.029, "skilled": 0.689, "developing": 0.2, "novice": 0.082},
    {"master": 0.0291, "skilled": 0.9398, "developing": 0.0109, "novice": 0.0202},
    {"master": 0.005, "skilled": 0.99, "developing": 0.005, "novice": 0.0},
    {"master": 0.6, "skilled": 0.399, "developing": 0.001, "novice": 0.0},
    {"master": 0.0, "skilled": 0.0, "developing": 0.3, "novice": 0.7},
])
def test_the_master_and_skilled_bars_add_up_to_the_skilled_or_better_figure(bands):
    """Each bar rounded down on its own lost a point beside the claim (master 2.9% and skilled 68.9% read 2% and 68%
    beside "71% sure of skilled or better"); every other band still reads as `chance` rounds it."""
    shown = shown_bands(bands)
    claim = chance(bands["master"] + bands["skilled"])
    figures = [0 if chance(shown[k]) == "<1%" else int(chance(shown[k]).strip(">%")) for k in ("master", "skilled")]
    if claim.startswith(">"):
        assert sum(figures) == 99
    else:
        assert f"{sum(figures)}%" == claim or (claim == "<1%" and sum(figures) == 0)
    assert abs(shown["skilled"] - bands["skilled"]) <= 0.01 + 1e-9
    assert {k: shown[k] for k in ("master", "developing", "novice")} == {
        k: bands[k] for k in ("master", "developing", "novice")}


def test_no_bands_show_no_bars():
    assert shown_bands({}) == {}
