"""Regenerate src/geostmt/reference/data/cameo.json from the CAMEO event code book.

Run by hand: ``python scripts/build_cameo_data.py [PATH]``, PATH defaulting to
``../shared/corpora/cameo/cameo-codes.csv`` beside the checkout: the CAMEO 1.1b3 code book as
andybega/icews ships it (``data-raw/cameo-codes.csv``, commit 3746c72, MIT), a Windows-1252
CSV. Only facts are kept: each code (a string, leading zeros and all), its label as written,
its Goldstein score and its root. The code book's descriptions, usage notes and examples are
not. The output is sorted by code and written the same way every time.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / ".." / "shared" / "corpora" / "cameo" / "cameo-codes.csv"
OUT = ROOT / "src" / "geostmt" / "reference" / "data" / "cameo.json"
SOURCE = {
    "codebook": "CAMEO 1.1b3 via andybega/icews",
    "repository": "andybega/icews",
    "path": "data-raw/cameo-codes.csv",
    "commit": "3746c72",
    "licence": "MIT (Copyright (c) 2022 Andreas Beger)",
}


def read(path: Path) -> list[dict[str, Any]]:
    """Each code book row as {code, label, goldstein, root}, checked, sorted by code."""
    with path.open(encoding="cp1252", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes: dict[str, dict[str, Any]] = {}
    for row in rows:
        code, root = row["code"].strip(), row["root_code"].strip()
        if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 4):
            raise SystemExit(f"{path}: {code!r} is not a CAMEO code")
        if code[:2] != root or not 1 <= int(root) <= 20:
            raise SystemExit(f"{path}: {code} has root {root!r}")
        if code in codes:
            raise SystemExit(f"{path}: {code} appears twice")
        codes[code] = {
            "code": code,
            "label": row["name"].strip(),
            "goldstein": float(row["goldstein"]),
            "root": root,
        }
    roots = {code for code in codes if len(code) == 2}
    if roots != {f"{n:02d}" for n in range(1, 21)}:
        raise SystemExit(f"{path}: root codes are {sorted(roots)}, not 01 to 20")
    return [codes[code] for code in sorted(codes)]


def main(argv: list[str]) -> None:
    """Read the CSV named in ``argv`` (or the default) and write the JSON table."""
    path = Path(argv[0]) if argv else DEFAULT
    codes = read(path)
    rows = ",\n".join(f"  {json.dumps(code, ensure_ascii=False)}" for code in codes)
    source = json.dumps(SOURCE, ensure_ascii=False)
    text = f'{{\n "source": {source},\n "codes": [\n{rows}\n ]\n}}\n'  # one code a line
    json.loads(text)  # the hand-laid layout is still one JSON document
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(codes)} codes)")


if __name__ == "__main__":
    main(sys.argv[1:])
