"""Hand-kept place names the data packages lack: newsroom country forms, demonyms, informal
regions and de-facto control. Small on purpose; each entry is a name the news actually uses."""

from __future__ import annotations

__all__ = ["CONTROLLED_BY", "COUNTRY_FORMS", "DEMONYMS", "INFORMAL_REGIONS"]

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
}  # fmt: skip
"""Country names as newsrooms write them (keys case-folded, without a leading "the")."""

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
}  # fmt: skip
"""Regions with no ISO code, each with the country it lies in (by international recognition)."""

CONTROLLED_BY: dict[str, str] = {"UA-43": "RU", "UA-40": "RU"}
"""De-facto control that differs from the ISO country: Crimea and Sevastopol since 2014."""
