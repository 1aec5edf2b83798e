"""Free text the way people write it: most rows stock phrases, some naming or reaching a person."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from faker import Faker

from .common import us_phone, us_street


def free_text(
    rng: random.Random,
    fake: Faker,
    n: int,
    *,
    share: float,
    stock: Sequence[str],
    personal: Sequence[Callable[[], str]],
) -> list[str]:
    """n texts: a share of them built by one of `personal`, the rest picked from `stock`."""
    out = []
    for _ in range(n):
        if rng.random() < share:
            out.append(rng.choice(personal)())
        else:
            out.append(rng.choice(stock))
    return out


SUPPORT_STOCK = [
    "My order hasn't arrived yet, can you check the status?",
    "How do I reset my password? The link in the email expired.",
    "The app crashes every time I open the settings page.",
    "I was charged twice for the same subscription this month.",
    "Can I change the delivery date for my next box?",
    "Refund request: item arrived damaged.",
    "The discount code at checkout says it is invalid.",
    "Please cancel my subscription at the end of the billing period.",
    "Where can I download my invoices for last year?",
    "Export to CSV is stuck at 99%.",
    "Login with Google doesn't work since the last update.",
    "Thanks, that solved it!",
    "Is there an API rate limit on the free plan?",
    "The size chart seems wrong for the medium jackets.",
    "Package marked delivered but not in the mailbox.",
]


def support_personal(rng: random.Random, fake: Faker) -> list[Callable[[], str]]:
    return [
        lambda: (
            f"Hi, this is {fake.name()}. Order #{rng.randint(10000, 99999)} never arrived, "
            f"please call me on {us_phone(rng)}."
        ),
        lambda: (
            f"Please change the email on my account to {fake.free_email()} - thanks, "
            f"{fake.first_name()}"
        ),
        lambda: (
            f"I moved, new shipping address is {us_street(rng, fake)}, "
            f"{fake.city()}. Can you update it before the next shipment?"
        ),
        lambda: (
            f"My husband {fake.name_male()} placed the order with my card, "
            "can you refund it to me instead?"
        ),
        lambda: f"Callback requested: {us_phone(rng)} (after 5pm)",
        lambda: f"Customer {fake.name()} says the courier left the parcel with a neighbour.",
    ]
