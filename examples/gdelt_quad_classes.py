"""Import real GDELT 2.0 rows and answer a question with the records: events per quad class
by country.

Run: ``python examples/gdelt_quad_classes.py [OUT.jsonl]``. It reads the 1,200-row sample in
``../shared/corpora/gdelt/`` (GDELT data, cited as "The GDELT Project"); where that folder is
absent (a plain clone), it says so and stops.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import geostmt as g
from geostmt.interop import gdelt

SAMPLE = (
    Path(__file__).resolve().parent.parent.parent
    / "shared" / "corpora" / "gdelt" / "20161013151500.export.sample.tsv"
)  # fmt: skip
QUADS = {1: "verbal coop.", 2: "material coop.", 3: "verbal conflict", 4: "material conflict"}


def quad_classes_by_country(records: list[g.Record]) -> dict[str, Counter[int]]:
    """For each country where events took place, how many events of each quad class."""
    table: dict[str, Counter[int]] = {}
    for record in records:
        if isinstance(record, g.Event) and record.place and record.place.country:
            quad = record.quad_class
            if quad is not None:
                table.setdefault(record.place.country, Counter())[quad] += 1
    return table


def main(output: Path) -> dict[str, Counter[int]]:
    """Import the sample, keep it as a validated geostmt dataset, and print the table."""
    records = list(gdelt.read(SAMPLE))
    g.write_jsonl(output, records)
    dataset = g.Dataset.read_jsonl(output)  # every reference resolves
    table = quad_classes_by_country(list(dataset))
    print(f"{len(dataset.events)} events from {SAMPLE.name}")
    print("country  " + "  ".join(f"{name:>17}" for name in QUADS.values()))
    for country, counts in sorted(table.items(), key=lambda item: -sum(item[1].values()))[:10]:
        print(f"{country:7}  " + "  ".join(f"{counts[q]:>17}" for q in QUADS))
    return table


if __name__ == "__main__":
    if not SAMPLE.is_file():
        print(f"{SAMPLE} is not here (a plain clone has no shared folder); nothing to do")
        sys.exit(0)
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "gdelt-sample.jsonl"))
