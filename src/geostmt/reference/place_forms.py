"""Hand-kept place names the data packages lack: newsroom country forms, demonyms, informal
regions and de-facto control. Small on purpose; each entry is a name the news actually uses."""

from __future__ import annotations

__all__ = [
    "CONTROLLED_BY",
    "COUNTRY_FORMS",
    "DEMONYMS",
    "CUES",
    "DESIGNATORS",
    "GENERIC_WORDS",
    "INFORMAL_REGIONS",
    "REGION_NAMES",
]

COUNTRY_FORMS: dict[str, str] = {
    "united states": "US", "u.s.": "US", "u.s.a.": "US", "usa": "US", "america": "US",
    "united states of america": "US", "dprk": "KP", "d.p.r.k.": "KP", "north korea": "KP",
    "republic of korea": "KR", "rok": "KR", "south korea": "KR", "korea": "KR",
    "britain": "GB", "great britain": "GB", "united kingdom": "GB", "uk": "GB", "u.k.": "GB",
    "burma": "MM", "ivory coast": "CI", "türkiye": "TR", "turkiye": "TR", "turkey": "TR",
    "holland": "NL", "netherlands": "NL", "czech republic": "CZ", "czechia": "CZ",
    "russia": "RU", "russian federation": "RU", "vatican": "VA", "vatican city": "VA",
    "drc": "CD", "dr congo": "CD", "democratic republic of the congo": "CD",
    "congo-kinshasa": "CD", "republic of the congo": "CG", "congo-brazzaville": "CG",
    "east timor": "TL", "cape verde": "CV", "swaziland": "SZ", "macedonia": "MK",
    "north macedonia": "MK", "philippines": "PH", "gambia": "GM", "bahamas": "BS",
    "uae": "AE", "u.a.e.": "AE", "emirates": "AE", "iran": "IR", "syria": "SY", "laos": "LA",
    "vietnam": "VN", "moldova": "MD", "palestine": "PS", "taiwan": "TW", "prc": "CN",
    "people's republic of china": "CN", "mainland china": "CN", "ukraine": "UA",
    # former names, still in tables and archives
    "zaire": "CD", "ceylon": "LK", "siam": "TH", "persia": "IR", "dahomey": "BJ",
    "upper volta": "BF", "rhodesia": "ZW", "kampuchea": "KH", "british guiana": "GY",
    "dutch guiana": "SR", "bechuanaland": "BW", "basutoland": "LS", "nyasaland": "MW",
    "formosa": "TW", "east pakistan": "BD", "libyan arab jamahiriya": "LY",
    "the former yugoslav republic of macedonia": "MK",
    "former yugoslav republic of macedonia": "MK", "fyrom": "MK",
    # formal and official names the data packages lack
    "republic of china": "TW", "roc": "TW", "state of palestine": "PS",
    "occupied palestinian territory": "PS", "occupied palestinian territories": "PS",
    "republic of turkey": "TR", "republic of ireland": "IE", "holy see": "VA",
    "kosovo": "XK", "republic of kosovo": "XK",
}  # fmt: skip
"""Country names as newsrooms and tables write them, former names included (keys case-folded,
without a leading "the")."""

DEMONYMS: dict[str, str] = {
    "american": "US", "north korean": "KP", "south korean": "KR", "korean": "KR",
    "ukrainian": "UA", "russian": "RU", "chinese": "CN", "japanese": "JP", "british": "GB",
    "french": "FR", "german": "DE", "polish": "PL", "belarusian": "BY", "iranian": "IR",
    "israeli": "IL", "palestinian": "PS", "turkish": "TR", "indian": "IN", "pakistani": "PK",
    "canadian": "CA", "australian": "AU", "italian": "IT", "spanish": "ES", "dutch": "NL",
    "swedish": "SE", "finnish": "FI", "norwegian": "NO", "danish": "DK", "estonian": "EE",
    "latvian": "LV", "lithuanian": "LT", "moldovan": "MD", "georgian": "GE",
    "romanian": "RO", "hungarian": "HU", "czech": "CZ", "slovak": "SK", "syrian": "SY",
    "iraqi": "IQ", "afghan": "AF", "saudi": "SA", "egyptian": "EG", "taiwanese": "TW",
    "vietnamese": "VN", "filipino": "PH", "indonesian": "ID", "mexican": "MX",
    "brazilian": "BR", "venezuelan": "VE", "cuban": "CU", "lebanese": "LB", "yemeni": "YE",
    "qatari": "QA", "emirati": "AE", "kazakh": "KZ", "armenian": "AM", "azerbaijani": "AZ",
    "serbian": "RS", "greek": "GR", "swiss": "CH", "austrian": "AT", "belgian": "BE",
    "irish": "IE", "portuguese": "PT", "nigerian": "NG", "sudanese": "SD",
    "ethiopian": "ET", "south african": "ZA", "mongolian": "MN",
}  # fmt: skip
"""Adjectives of nationality (keys case-folded) and the country each names."""

INFORMAL_REGIONS: dict[str, str] = {
    "donbas": "UA", "donbass": "UA", "occupied ukrainian land": "UA",
    "occupied ukrainian territory": "UA", "occupied ukrainian territories": "UA",
    "gaza strip": "PS", "gaza": "PS", "west bank": "PS", "golan heights": "SY",
    "kashmir": "IN", "siberia": "RU", "korean peninsula": "KR", "balkans": "RS",
    "transnistria": "MD", "abkhazia": "GE", "south ossetia": "GE", "nagorno-karabakh": "AZ",
    "донбас": "UA", "донбасс": "UA", "сектор газа": "PS", "сектор гази": "PS",
}  # fmt: skip
"""Regions with no ISO code, each with the country it lies in (by international recognition).
A name here is what the news means by it, before any city or subdivision of that name: "Gaza"
is the Gaza Strip, not Gaza City or Mozambique's Gaza province."""

REGION_NAMES: dict[str, str] = {
    "gaza": "Gaza Strip", "gaza strip": "Gaza Strip", "сектор газа": "Gaza Strip",
    "сектор гази": "Gaza Strip", "донбас": "Donbas", "донбасс": "Donbas", "donbass": "Donbas",
}  # fmt: skip
"""English display names of informal regions whose text form is not the name to show."""

DESIGNATORS: frozenset[str] = frozenset({
    "region", "oblast", "province", "governorate", "district", "raion", "krai", "county",
    "state", "strip", "область", "области", "області", "областю", "областью", "край", "краю",
    "районе", "район", "районі",
})  # fmt: skip
"""Lower-case words that may end a place's name in running text ("Kharkiv region")."""

CONTROLLED_BY: dict[str, str] = {"UA-43": "RU", "UA-40": "RU"}
"""De-facto control that differs from the ISO country: Crimea and Sevastopol since 2014."""

CUES: frozenset[str] = frozenset({
    "in", "near", "at", "from", "to", "into", "outside", "around", "towards", "toward", "of",
    "captured", "seized", "took", "retook", "recaptured", "liberated", "entered", "shelled",
    "struck", "attacked", "village", "town", "city", "settlement", "bei", "nahe", "nach", "aus",
    "im", "à", "près", "vers", "en", "cerca", "hacia", "desde", "в", "во", "у", "под", "під",
    "біля", "около", "возле", "из", "з", "із", "на", "до", "село", "селище", "місто", "город",
    "посёлок", "поселок", "смт", "пгт",
})  # fmt: skip
"""Words that introduce a place: in running text a place under 15,000 people is taken only
right after one of these ("near Sudzha", "під Бахмутом"), and only where the text names its
country too."""

GENERIC_WORDS: frozenset[str] = frozenset({
    "west", "east", "north", "south", "centre", "center", "central", "capital", "coast",
    "north-west", "north-east", "south-west", "south-east", "northwest", "northeast",
    "southwest", "southeast", "western", "eastern", "northern", "southern", "island", "islands",
    "river", "lake", "mountain", "valley", "border", "city", "town", "union", "republic",
    "asia", "europe", "africa", "oceania", "antarctica", "eurasia",
})  # fmt: skip
"""Words that name subdivisions or hamlets somewhere but are never a place alone in running
text ("the West", "the Union", "in Asia": a continent, not the town in the Philippines)."""
