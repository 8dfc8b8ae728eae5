"""Model the seed article as geostmt records and write them to ``examples/data/seed-article.jsonl``.

Source: "Zelenskyy Issues Warning Over North Korean Troops in Russia, Urges Asian Security
Alliance to Counter Alliance With Russia" (ICARO Media Group), kept in the project's shared
folder as ``seed-article.txt``. Each record's evidence gives the character span of a short quote
in that text; ``tests/test_examples.py`` checks every span against the article when it is present.

Run it with ``python examples/seed_article.py``; it prints how many records it wrote.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from geostmt import (
    Actor,
    AidPackage,
    Alias,
    Allocation,
    Dataset,
    Deployment,
    Evidence,
    Item,
    Money,
    Place,
    Quantity,
    Record,
    Role,
    Source,
    Statement,
    resolve_period,
)

OUTPUT = Path(__file__).parent / "data" / "seed-article.jsonl"

ARTICLE = Source(
    id="icaro-zelenskyy-north-korea",
    title=(
        "Zelenskyy Issues Warning Over North Korean Troops in Russia, Urges Asian Security "
        "Alliance to Counter Alliance With Russia"
    ),
    publisher="ICARO Media Group",
    # The article carries no date; it reports the press conference of 31 October 2024.
    published="2024-11",
    language="en",
)
PRESS_CONFERENCE = "2024-10-31"


def quote(start: int, words: str) -> Evidence:
    """Evidence for ``words`` found at character ``start`` of the seed article."""
    return Evidence(source=ARTICLE, start=start, end=start + len(words), quote=words)


def actors() -> list[Actor]:
    """Everyone the article names who speaks, acts or is spoken about."""

    def state(ident: str, name: str, code: str, wikidata: str) -> Actor:
        return Actor(
            id=ident, name=name, kind="state", country=code, identifiers={"wikidata": wikidata}
        )

    return [
        Actor(
            id="zelenskyy",
            name="Volodymyr Zelenskyy",
            kind="person",
            country="UA",
            aliases=[Alias(name="Володимир Зеленський", lang="uk")],
            roles=[Role(title="President", organization="Ukraine", start="2019-05-20")],
            identifiers={"wikidata": "Q3874799"},
        ),
        Actor(
            id="blinken",
            name="Antony Blinken",
            kind="person",
            country="US",
            roles=[Role(title="Secretary of State", organization="United States")],
        ),
        Actor(
            id="austin",
            name="Lloyd Austin",
            kind="person",
            country="US",
            roles=[Role(title="Secretary of Defense", organization="United States")],
        ),
        Actor(
            id="putin",
            name="Vladimir Putin",
            kind="person",
            country="RU",
            roles=[Role(title="President", organization="Russia")],
        ),
        Actor(id="kbs", name="KBS", kind="media", country="KR"),
        Actor(id="nato", name="NATO", kind="organization"),
        state("ukraine", "Ukraine", "UA", "Q212"),
        state("russia", "Russia", "RU", "Q159"),
        state("north-korea", "North Korea", "KP", "Q423"),
        state("south-korea", "South Korea", "KR", "Q884"),
        state("united-states", "United States", "US", "Q30"),
        state("japan", "Japan", "JP", "Q17"),
        state("china", "China", "CN", "Q148"),
    ]


def deployments() -> list[Deployment]:
    """North Korea's troops in Russia, and South Korea's team of specialists for Ukraine."""
    kursk = Place(name="Kursk", kind="subdivision", country="RU", subdivision="RU-KRS")
    return [
        Deployment(
            id="north-korea-troops-russia-2024",
            actor="north-korea",
            host="russia",
            against="ukraine",
            size=Quantity(
                value=Decimal(10000), qualifier="approximately", of="North Korean soldiers"
            ),
            location=Place(name="Russia", kind="country", country="RU"),
            allocations=[
                Allocation(place=kursk, share=Quantity(value=Decimal(80), unit="percent"))
            ],
            purposes=["training"],
            status="confirmed",
            expected=resolve_period("in the coming days", PRESS_CONFERENCE),
            expected_activity="combat operations against Ukrainian forces",
            confirmed_by=["blinken", "austin"],
            evidence=[
                quote(
                    1079,
                    "they confirmed that around 10,000 North Korean soldiers have "
                    "been deployed to Russia for training purposes",
                ),
                quote(1196, "80 percent of these troops are already stationed in Kursk"),
                quote(
                    1262,
                    "expected to commence combat operations against Ukrainian forces "
                    "in the coming days",
                ),
            ],
        ),
        Deployment(
            id="south-korea-specialists-ukraine",
            actor="south-korea",
            host="ukraine",
            purposes=["enhancing defensive capabilities", "air defense"],
            status="reported",
            evidence=[
                quote(
                    1750,
                    "South Korea has agreed to send a team of specialists to Ukraine "
                    "to collaborate on enhancing defensive capabilities, particularly "
                    "air defense",
                ),
            ],
        ),
    ]


def aid_packages() -> list[AidPackage]:
    """The US $425 million package, and the Tomahawks it left out though Ukraine asked."""
    return [
        AidPackage(
            id="us-ukraine-2024-10-31",
            donor="united-states",
            recipient="ukraine",
            value=Money(amount=Decimal("425000000"), currency="USD"),
            aid_type="military",
            stage="announced",
            items=[
                Item(name="air defense interceptors", category="air_defense"),
                Item(name="munitions for rocket systems and artillery", category="munitions"),
                Item(name="armored vehicles", category="armored_vehicles"),
                Item(name="anti-tank weapons", category="anti_tank"),
            ],
            excluded=[
                Item(
                    name="Tomahawk intermediate-range missiles",
                    category="missiles",
                    requested_by="zelenskyy",
                ),
            ],
            evidence=[
                quote(
                    2827, "the U.S. has announced a $425 million defensive aid package for Ukraine"
                ),
                quote(
                    2991,
                    "air defense interceptors, munitions for rocket systems and "
                    "artillery, armored vehicles, and anti-tank weapons",
                ),
                quote(
                    3111,
                    "it notably excludes Tomahawk intermediate-range missiles, which "
                    "Zelenskyy had requested but was reportedly denied",
                ),
            ],
        )
    ]


def statements() -> list[Statement]:
    """What Zelenskyy, Blinken and Austin said, where, and about what."""
    deployment = "north-korea-troops-russia-2024"
    return [
        Statement(
            id="zelenskyy-kbs-not-random",
            speaker="zelenskyy",
            text="North Korea's actions aren't random",
            mode="direct",
            act="warn",
            channel="interview",
            outlet="kbs",
            about=["north-korea", deployment],
            evidence=[quote(520, "North Korea's actions aren't random")],
        ),
        Statement(
            id="zelenskyy-kbs-strategic-goals",
            speaker="zelenskyy",
            text="They have strategic goals",
            mode="direct",
            act="warn",
            channel="interview",
            outlet="kbs",
            about=["north-korea"],
            evidence=[quote(635, "They have strategic goals")],
        ),
        Statement(
            id="zelenskyy-social-media-warning",
            speaker="zelenskyy",
            text="Zelenskyy echoed his concerns about North Korea's deployment.",
            mode="indirect",
            act="warn",
            channel="social_media",
            about=[deployment],
            evidence=[
                quote(788, "Zelenskyy also echoed these concerns on his social media account")
            ],
        ),
        *(
            Statement(
                id=f"{speaker}-confirms-deployment",
                speaker=speaker,
                text="Around 10,000 North Korean soldiers have been deployed to Russia for "
                "training purposes.",
                mode="indirect",
                act="confirm",
                channel="press_conference",
                date=PRESS_CONFERENCE,
                about=[deployment],
                evidence=[
                    quote(
                        1079,
                        "they confirmed that around 10,000 North Korean soldiers "
                        "have been deployed to Russia for training purposes",
                    )
                ],
            )
            for speaker in ("blinken", "austin")
        ),
        Statement(
            id="zelenskyy-war-of-two-against-one",
            speaker="zelenskyy",
            text="war of two countries against one",
            mode="mixed",
            act="describe",
            about=["russia", "north-korea", "ukraine"],
            evidence=[quote(1386, "war of two countries against one")],
        ),
        Statement(
            id="zelenskyy-urges-south-korea",
            speaker="zelenskyy",
            text="South Korea should take a more proactive stance against Russia's invasion.",
            mode="indirect",
            act="urge",
            addressees=["south-korea"],
            about=["russia"],
            evidence=[
                quote(
                    1421,
                    "urging South Korea to take a more proactive stance against "
                    "Russia's prolonged invasion of Ukraine",
                )
            ],
        ),
        Statement(
            id="zelenskyy-asian-security-alliance",
            speaker="zelenskyy",
            text="Asian Security Alliance",
            mode="mixed",
            act="call_for",
            addressees=["south-korea", "japan"],
            evidence=[
                quote(2109, 'called for the formation of an "Asian Security Alliance"'),
                quote(
                    2170,
                    "encouraged nations like South Korea and Japan to spearhead this initiative",
                ),
            ],
        ),
        Statement(
            id="zelenskyy-reveals-specialists",
            speaker="zelenskyy",
            text="South Korea has agreed to send a team of specialists to Ukraine.",
            mode="indirect",
            act="reveal",
            about=["south-korea-specialists-ukraine"],
            evidence=[
                quote(
                    1750,
                    "South Korea has agreed to send a team of specialists to "
                    "Ukraine to collaborate on enhancing defensive capabilities, "
                    "particularly air defense",
                )
            ],
        ),
        Statement(
            id="zelenskyy-putin-testing-west",
            speaker="zelenskyy",
            text="Putin might be testing the responses of the West, NATO and South Korea.",
            mode="indirect",
            act="warn",
            about=["putin", "nato", "south-korea", deployment],
            evidence=[
                quote(
                    2573,
                    "Russian President Vladimir Putin might be testing the "
                    "responses of the West, NATO, and South Korea",
                )
            ],
        ),
    ]


def records() -> list[Record]:
    """Every record of the seed article, sources first."""
    return [ARTICLE, *actors(), *deployments(), *aid_packages(), *statements()]


def main(output: Path = OUTPUT) -> Dataset:
    """Build the dataset (checking its references), write it, and return it."""
    dataset = Dataset(records())
    output.parent.mkdir(parents=True, exist_ok=True)
    count = dataset.write_jsonl(output)
    print(f"wrote {count} records to {output}")
    return dataset


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
