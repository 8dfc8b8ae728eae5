"""Regenerate src/geostmt/reference/data/cameo_plover.json from PLOVER's CAMEO translation table.

Run by hand: ``python scripts/build_plover_data.py [PATH]``, PATH defaulting to
``../shared/corpora/plover/CAMEO2PLOVER-2021.txt`` beside the checkout. The table is the draft
CAMEO-to-PLOVER conversion of openeventdata/PLOVER (commit 5e0c24f, CC BY-SA 4.0), one row per
CAMEO code: ``0312: AGREE,  ,   military # label``. Names are lower-cased to PLOVER's wire spelling
and checked against ``geostmt.reference.plover``: a mode the current manual does not list for
the category, or a context it does not list, is left out (never replaced by a guess) and
recorded under ``"_dropped"``, which this script also prints. The CAMEO labels are not kept.
The output, derived from a CC BY-SA 4.0 table, is under that licence too (see ``"_source"``).
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path
from typing import Any

from geostmt.reference.plover import PLOVER_CONTEXTS, is_plover_category, is_plover_mode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / ".." / "shared" / "corpora" / "plover" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "geostmt" / "reference" / "data" / "cameo_plover.json"

ROW = re.compile(r"(\d{2,4}):(.*)")
VERSION = re.compile(r"#\s*PLOVER manual version\s+(.+?),\s*(.+)")
UPDATED = re.compile(r"#\s*Last update:\s*(.+)")
EDITOR = re.compile(r"#\s*Edited by:\s*([^(]+?)\s*(?:\(|$)")


def parse(path: Path) -> dict[str, Any]:
    """Read the table: its header facts, each code's mapping, what was left out and why."""
    source: dict[str, Any] = {
        "repository": "openeventdata/PLOVER",
        "commit": "5e0c24f",
        "file": path.name,
        "licence": "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)",
        "note": "Derived from the file above: lower-cased, checked against the PLOVER manual.",
    }
    codes: dict[str, list[Any]] = {}
    dropped: list[dict[str, str]] = []
    duplicates: list[str] = []
    headings = 0
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            for key, pattern in (("version", VERSION), ("updated", UPDATED), ("editor", EDITOR)):
                match = pattern.match(line)
                if match:
                    value = match.group(1).strip()
                    source[key] = iso_date(value) if key == "updated" else value
                    if key == "version":
                        source["date"] = iso_date(match.group(2).strip())
            continue
        match = ROW.fullmatch(line)
        if not match:
            if line and set(line) != {"~"}:
                raise ValueError(f"unreadable line: {raw!r}")
            continue
        code, rest = match.group(1), match.group(2).split("#", 1)[0]
        if len(code) == 2:  # "03: AGREE": a heading over its 3- and 4-digit rows
            headings += 1
            continue
        fields = [field.strip() for field in rest.split(",")]
        fields += [""] * (3 - len(fields))
        if len(fields) != 3:
            raise ValueError(f"{code}: expected category, mode, context: {raw!r}")
        category, mode, context = fields[0].lower(), fields[1].lower(), fields[2].lower()
        row_dropped: list[dict[str, str]] = []
        if not is_plover_category(category):
            dropped.append(left_out(code, "category", category, "not a current PLOVER category"))
            continue
        if mode and not is_plover_mode(category, mode):
            reason = f"not a mode of {category.upper()} in the manual"
            row_dropped.append(left_out(code, "mode", mode, reason))
            mode = ""
        contexts: list[str] = []
        for name in filter(None, (c.strip() for c in context.split(";"))):
            if name in PLOVER_CONTEXTS:
                contexts.append(name)
            else:
                reason = "not one of the manual's contexts"
                row_dropped.append(left_out(code, "context", name, reason))
        entry = [category, mode or None, contexts]
        if code in codes:
            if codes[code] != entry:
                raise ValueError(f"{code} is given twice, differently: {codes[code]} {entry}")
            duplicates.append(code)  # the same row again: its drops are already recorded
            continue
        codes[code] = entry
        dropped.extend(row_dropped)
    source["rows"] = len(codes) + len(duplicates)
    source["two_digit_headings"] = headings
    source["repeated_codes"] = duplicates
    return {"_source": source, "_dropped": dropped, "codes": dict(sorted(codes.items()))}


def iso_date(text: str) -> str:
    """``17-September-2021`` as ``2021-09-17``; anything else as it is."""
    try:
        return datetime.datetime.strptime(text, "%d-%B-%Y").date().isoformat()
    except ValueError:
        return text


def left_out(code: str, field: str, value: str, reason: str) -> dict[str, str]:
    """A record of one value the build left out."""
    return {"code": code, "field": field, "value": value, "reason": reason}


def dump(data: dict[str, Any]) -> str:
    """The JSON text: header blocks as they are, then one code a line for readable diffs."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    lines = ["{"]
    lines.append(f'"_source": {json.dumps(data["_source"], ensure_ascii=False, indent=1)},')
    lines.append('"_dropped": [')
    lines.append(",\n".join(compact(item) for item in data["_dropped"]))
    lines.append("],")
    lines.append('"codes": {')
    lines.append(",\n".join(f"{compact(c)}: {compact(m)}" for c, m in data["codes"].items()))
    lines.append("}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Build the file and print what was left out."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    data = parse(path.resolve())
    text = dump(data)
    json.loads(text)  # the hand-laid-out JSON must still be JSON
    OUT.write_text(text, encoding="utf-8")
    print(f"{len(data['codes'])} CAMEO codes -> {OUT.relative_to(ROOT)}")
    for item in data["_dropped"]:
        print(f"  left out {item['code']} {item['field']} {item['value']!r}: {item['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
