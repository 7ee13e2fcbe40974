"""Sentence templates for demo reviews, replies, bios and flags, keyed by star rating."""
from __future__ import annotations

# Placeholders: {item} {praise} {flaw} {days} {weeks} {delay} {maker} {name} {material}
# {technique} {place} {years} {lead}. Every delivery template for 1-2 stars names
# lateness or packing, which the tests rely on.

CRAFTSMANSHIP: dict[int, tuple[str, ...]] = {
    5: ("The {item} is beautifully made; flawless work on {praise}.",
        "You can see real skill in {praise}, and the {item} feels built to last.",
        "Superb workmanship: nothing I have bought in a shop comes close to {praise}."),
    4: ("The {item} is well made and I love {praise}, with only tiny marks if you look closely.",
        "Solid work overall; the highlight for me was {praise}.",
        "Good quality for the price, and I especially liked {praise}."),
    3: ("The {item} is fine but not special; I noticed {flaw} when I looked closely.",
        "Decent workmanship, though I noticed {flaw}.",
        "It does the job, but the finish is a bit rough in places."),
    2: ("Honestly the quality was poor: {flaw} on the {item}.",
        "The {item} has {flaw}, which is not what I expect at this price.",
        "I was disappointed by the quality, with {flaw} right on the front."),
    1: ("The {item} was badly made, with {flaw} and worse.",
        "Very poor quality: {flaw}, and it looked rushed.",
        "I could not use the {item} at all because of {flaw}."),
}
CONSISTENCY: dict[int, tuple[str, ...]] = {
    5: ("It matched the photos exactly.", "Every piece matches the others perfectly.",
        "It looks just like the listing and the maker's other work."),
    4: ("It matched the photos, with a slightly different tone of colour.",
        "Very close to the listing pictures.", "It looks like the photos, give or take natural variation."),
    3: ("The colour was a little off compared with the photos.",
        "It is recognisably the piece in the listing, but the pieces of the set vary more than I hoped.",
        "Not quite what the photos showed, but close enough."),
    2: ("It did not look much like the photos.", "The pieces of the set did not match each other.",
        "The colour was way off from the listing."),
    1: ("It looked nothing like the photos in the listing.",
        "None of the pieces matched; it felt like a different product.",
        "Completely different from what was advertised."),
}
DELIVERY: dict[int, tuple[str, ...]] = {
    5: ("It arrived ahead of the promised date and beautifully packed.",
        "Delivery was on time, with a handwritten note and careful packaging.",
        "Arrived on time and well packed."),
    4: ("It arrived on the promised date, well packed.", "Delivery was on time.",
        "Arrived when promised, in sturdy packaging."),
    3: ("It arrived {days} days after the promised date, but the maker kept me updated.",
        "Delivery took a little longer than promised.",
        "It came a few days late, though it was well protected."),
    2: ("It arrived {days} days late and I had to chase for updates.",
        "Delivery was late and the maker stopped answering messages for a while.",
        "The promised date came and went; it turned up {weeks} weeks late."),
    1: ("It arrived {weeks} weeks late, with no word from the maker in between.",
        "Delivery was very late, over {weeks} weeks past the promised date.",
        "The promised date was missed by {days} days and I nearly cancelled."),
}
# Used instead of DELIVERY when a 1-2 star delivery was on time but badly packed.
PACKING_TROUBLE = (
    "It arrived on time but so poorly packed that it was damaged in transit.",
    "The parcel was badly packed and the {item} was scuffed when it arrived.",
    "Packing was careless: loose in a thin box, and one corner was damaged.",
)
# Openers for any order; custom (commissioned) and stock orders add their own.
OPENERS = (
    "I ordered a {item} from {maker}.", "I bought the {item} as a gift for my sister.",
    "This was my second order from {maker}, this time a {item}.",
)
CUSTOM_OPENERS = (
    "I commissioned a {item} for an anniversary.", "We asked {maker} to make a {item} to our own measurements.",
    "I commissioned {a_material} {item} after months of looking for the right maker.",
    "We ordered a made-to-order {item} after seeing the maker at a craft fair.",
)
STOCK_OPENERS = (
    "I bought the {item} ready-made from the shop.", "I had been looking for {a_material} {item} for months.",
    "We picked the {item} from what was in stock after seeing the maker at a craft fair.",
    "I ordered the {item} straight from the shop's listing.",
)
CLOSERS: dict[str, tuple[str, ...]] = {
    "good": ("Will definitely order again.", "Highly recommended.", "Thank you, {maker}!"),
    "mixed": ("I might order again, with more realistic expectations.",
              "Good, but not quite great.", "Worth it, with caveats."),
    "bad": ("I will not be ordering again.", "Save your money.", "Really disappointing overall."),
}
TITLES: dict[str, tuple[str, ...]] = {
    "good": ("Beautiful {item}", "Worth every penny", "Exactly what I hoped for", "Stunning work",
             "Lovely {item}, lovely maker", "Our new favourite {item}"),
    "mixed": ("Nice {item}, some niggles", "Good but not perfect", "Mixed feelings",
              "Decent {item}", "Nice idea, uneven execution"),
    "bad": ("Disappointed", "Not as described", "Would not order again", "Poor {item}",
            "Expected much better"),
    "late": ("Great {item}, shame about the delivery", "Lovely work, very late", "Worth the wait, just"),
    "packing": ("Beautiful {item} but badly packed", "Lovely work, careless packing"),
}
REPLY_THANKS = (
    "Thank you so much for the kind words! I'm glad the {item} found a good home.",
    "Thank you for taking the time to write this; it means a lot to a small studio.",
    "So happy you like it. Enjoy the {item}!",
)
REPLY_DELAY = (
    "I'm sorry the {item} arrived late: {delay}, and I should have told you sooner.",
    "Apologies for the delay. {delay_cap}, and I've since changed how I quote lead times.",
)
REPLY_PACKING = (
    "I'm so sorry the {item} was damaged on the way; I've changed how I pack and will send a replacement.",
    "Apologies for the careless packing. Please send me a photo of the damage and I'll put it right.",
)
REPLY_QUALITY = (
    "I'm sorry to hear about {flaw}. Please get in touch and I'll repair or replace it.",
    "That is not the standard I aim for. I've sent you a message about a replacement.",
)
REPLY_MIXED = (
    "Thanks for the honest feedback; I'll take it on board for the next batch.",
    "Thank you for the review. Natural variation is part of handmade work, but I hear you.",
)
REPLY_SIGNOFF = ("Best wishes, {name}", "Warmly, {name}", "— {name}", "Thanks again, {name}")

BIO_INTROS = (
    "{maker} is a small studio in {place} making {technique}.",
    "I'm {name}, and I have been making {technique} in {place} for {years} years.",
    "{maker} started at a kitchen table in {place} and now fills a shared workshop.",
    "Based in {place}, {maker} is a one-person studio focused on {technique}.",
)
BIO_MIDDLES = (
    "Every piece is made by hand from {material}, in small batches.",
    "I work mostly in {material}, using {technique} and traditional tools.",
    "I source {material} locally where I can and finish everything by hand.",
    "Expect small variations: they are the mark of {technique}, not a defect.",
)
BIO_CUSTOM = (
    "Custom orders are welcome; they usually take around {lead} days.",
    "I take a limited number of commissions each month; allow about {lead} days.",
)
BIO_STOCK = (
    "I sell from stock and restock every few weeks; I don't take commissions.",
    "Everything in the shop is ready to ship within a few days.",
)
BIO_EXTRAS = (
    "Orders ship in recycled packaging.", "Care instructions come with every order.",
    "Studio visits by appointment.", "Seconds are sold at a discount twice a year.",
)

FLAG_NOTES: dict[str, tuple[str, ...]] = {
    "not_real_order": ("I have no record of an order from this buyer.",
                       "We never sold this item; this review is about another shop."),
    "spam": ("The review links to a competing shop.", "Looks like copy-pasted promotion."),
    "abusive": ("The wording is insulting towards the maker personally.",
                "Name-calling rather than a review of the work."),
    "private_info": ("The review mentions the maker's home address.",
                     "It quotes a private phone number."),
    "conflict": ("The reviewer appears to be a relative of the maker.",
                 "This reviewer runs a competing studio."),
    "other": ("Review seems to describe a different product entirely.",
              "Posted twice with slightly different wording."),
}
