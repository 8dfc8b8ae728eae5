"""geostmt against pydantic v2 and msgspec on the same schema, in one process.

Run by hand: ``pip install -e '.[bench]' && python benchmarks/peers.py [N] [ROUNDS]``. Prints
decode throughput both ways (records streamed: each dropped once made; records kept: all held
in a list, so the garbage collector walks a growing heap), encode throughput (records per
second, one JSON line at a time, each line dropped once made as a writer does, and every line
kept in a list), bytes per AidPackage object and import time, with
``orjson.loads`` into plain dicts as the floor; geostmt with orjson and without it. Each figure
is the minimum of ROUNDS (default 7) interleaved rounds. The peer schemas check
what geostmt checks that their libraries can say: id pattern and length, ISO codes from the
same sets, non-negative finite decimals, enums, unknown keys refused.
"""

from __future__ import annotations

import gc
import io
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Literal, Union

import msgspec
import orjson
import pydantic
from pydantic import AfterValidator, ConfigDict, Field, TypeAdapter

import geostmt as g
from geostmt.model import rules as _rules

try:
    from geostmt.wire.fastjson import use_orjson
except ImportError:  # a geostmt before the orjson path (the "before" column)
    use_orjson = None  # type: ignore[assignment]
from geostmt.reference import countries, currencies, subdivisions

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from read_jsonl import mixed_records  # the shared seeded generator

COUNTRIES = frozenset(countries())
CURRENCIES = currencies()
SUBDIVISIONS = frozenset(subdivisions())
ID = _rules.ID_PATTERN
DATE = _rules.DATE_PATTERN


def _member(allowed: frozenset[str], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not {what}")
        return value

    return check


# -- pydantic v2 ---------------------------------------------------------------------------------
PId = Annotated[str, Field(min_length=1, max_length=200, pattern=ID)]
PText = Annotated[str, Field(min_length=1, pattern=r"\S")]
PCountry = Annotated[str, AfterValidator(_member(COUNTRIES, "a country"))]
PDate = Annotated[str, Field(pattern=DATE)]
Strict = ConfigDict(extra="forbid", frozen=True)
Qualifiers = Literal[
    "exact", "approximately", "at_least", "more_than", "at_most", "less_than", "range"
]


class PEvidence(pydantic.BaseModel):
    model_config = Strict
    source: PId
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None
    quote: PText | None = None
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None


class PQuantity(pydantic.BaseModel):
    model_config = Strict
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: Qualifiers = "exact"
    of: PText | None = None


class PPlace(pydantic.BaseModel):
    model_config = Strict
    name: PText
    kind: Literal["country", "subdivision", "city", "region", "other"]
    country: PCountry | None = None
    subdivision: Annotated[str, AfterValidator(_member(SUBDIVISIONS, "a subdivision"))] | None = (
        None
    )
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None


class PAllocation(pydantic.BaseModel):
    model_config = Strict
    place: PPlace
    share: PQuantity


class PMoney(pydantic.BaseModel):
    model_config = Strict
    amount: Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
    currency: Annotated[str, AfterValidator(_member(CURRENCIES, "a currency"))]
    qualifier: Qualifiers = "exact"


class PItem(pydantic.BaseModel):
    model_config = Strict
    name: PText
    category: str | None = None
    quantity: PQuantity | None = None
    requested_by: PId | None = None


class PActor(pydantic.BaseModel):
    model_config = Strict
    type: Literal["actor"]
    id: PId
    name: PText
    kind: Literal[
        "person",
        "state",
        "government",
        "military",
        "armed_group",
        "organization",
        "media",
        "company",
        "other",
    ]
    country: PCountry | None = None
    identifiers: dict[str, PText] = {}


class PSource(pydantic.BaseModel):
    model_config = Strict
    type: Literal["source"]
    id: PId
    url: PText | None = None
    title: PText | None = None
    published: PDate | None = None
    language: str | None = None


class PStatement(pydantic.BaseModel):
    model_config = Strict
    type: Literal["statement"]
    id: PId
    speaker: PId
    text: PText
    mode: Literal["direct", "indirect", "mixed"] | None = None
    act: str | None = None
    channel: str | None = None
    about: list[PId] = []
    evidence: list[PEvidence] = []


class PDeployment(pydantic.BaseModel):
    model_config = Strict
    type: Literal["deployment"]
    id: PId
    actor: PId
    host: PId | None = None
    size: PQuantity | None = None
    allocations: list[PAllocation] = []
    status: Literal["reported", "confirmed", "denied"] | None = None
    evidence: list[PEvidence] = []


class PAidPackage(pydantic.BaseModel):
    model_config = Strict
    type: Literal["aid_package"]
    id: PId
    donor: PId
    recipient: PId
    value: PMoney | None = None
    aid_type: Literal["military", "financial", "humanitarian"] | None = None
    items: list[PItem] = []
    excluded: list[PItem] = []
    evidence: list[PEvidence] = []


PRecord = Annotated[
    Union[PActor, PSource, PStatement, PDeployment, PAidPackage],  # noqa: UP007
    Field(discriminator="type"),
]


# -- msgspec -------------------------------------------------------------------------------------
MId = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=ID)]
MText = Annotated[str, msgspec.Meta(min_length=1, pattern=r"\S")]


class _Base(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    pass


class MEvidence(_Base):
    source: MId
    start: Annotated[int, msgspec.Meta(ge=0)] | None = None
    end: Annotated[int, msgspec.Meta(ge=0)] | None = None
    quote: MText | None = None
    confidence: Annotated[float, msgspec.Meta(ge=0, le=1)] | None = None


class MQuantity(_Base):
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: Qualifiers = "exact"
    of: MText | None = None


class MPlace(_Base):
    name: MText
    kind: Literal["country", "subdivision", "city", "region", "other"]
    country: str | None = None
    subdivision: str | None = None
    lat: Annotated[float, msgspec.Meta(ge=-90, le=90)] | None = None
    lon: Annotated[float, msgspec.Meta(ge=-180, le=180)] | None = None

    def __post_init__(self) -> None:
        if self.country is not None and self.country not in COUNTRIES:
            raise ValueError("not a country")
        if self.subdivision is not None and self.subdivision not in SUBDIVISIONS:
            raise ValueError("not a subdivision")


class MAllocation(_Base):
    place: MPlace
    share: MQuantity


class MMoney(_Base):
    amount: Decimal
    currency: str
    qualifier: Qualifiers = "exact"

    def __post_init__(self) -> None:
        if self.currency not in CURRENCIES or not self.amount.is_finite() or self.amount < 0:
            raise ValueError("bad money")


class MItem(_Base):
    name: MText
    category: str | None = None
    quantity: MQuantity | None = None
    requested_by: MId | None = None


class MActor(_Base, tag="actor", tag_field="type"):
    id: MId
    name: MText
    kind: Literal[
        "person",
        "state",
        "government",
        "military",
        "armed_group",
        "organization",
        "media",
        "company",
        "other",
    ]
    country: str | None = None
    identifiers: dict[str, MText] = {}

    def __post_init__(self) -> None:
        if self.country is not None and self.country not in COUNTRIES:
            raise ValueError("not a country")


class MSource(_Base, tag="source", tag_field="type"):
    id: MId
    url: MText | None = None
    title: MText | None = None
    published: Annotated[str, msgspec.Meta(pattern=DATE)] | None = None
    language: str | None = None


class MStatement(_Base, tag="statement", tag_field="type"):
    id: MId
    speaker: MId
    text: MText
    mode: Literal["direct", "indirect", "mixed"] | None = None
    act: str | None = None
    channel: str | None = None
    about: list[MId] = []
    evidence: list[MEvidence] = []


class MDeployment(_Base, tag="deployment", tag_field="type"):
    id: MId
    actor: MId
    host: MId | None = None
    size: MQuantity | None = None
    allocations: list[MAllocation] = []
    status: Literal["reported", "confirmed", "denied"] | None = None
    evidence: list[MEvidence] = []


class MAidPackage(_Base, tag="aid_package", tag_field="type"):
    id: MId
    donor: MId
    recipient: MId
    value: MMoney | None = None
    aid_type: Literal["military", "financial", "humanitarian"] | None = None
    items: list[MItem] = []
    excluded: list[MItem] = []
    evidence: list[MEvidence] = []


MRecord = Union[MActor, MSource, MStatement, MDeployment, MAidPackage]  # noqa: UP007


# -- measuring -----------------------------------------------------------------------------------
def seconds(run: Callable[[], object]) -> float:
    """Wall time of one run, started from a collected heap (what the run keeps is dropped)."""
    gc.collect()
    start = time.perf_counter()
    kept = run()
    elapsed = time.perf_counter() - start
    del kept
    return elapsed


def interleaved(cases: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The minimum time of each case over ``rounds`` rounds, every case once a round: a busy
    machine slows every case of a round alike, and the minimum is the least disturbed run."""
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(rounds):
        for name, run in cases.items():
            best[name] = min(best[name], seconds(run))
    return best


def bytes_per_object(make: Callable[[], object], count: int = 2000) -> float:
    """Bytes of memory held per object, built ``count`` times."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [make() for _ in range(count)]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return (after - before) / count


def import_ms(module: str, repeat: int = 7) -> float:
    """Minimum wall time of ``python -c "import module"`` less that of ``python -c pass``, in
    milliseconds."""

    def best(code: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    return (best(f"import {module}") - best("pass")) * 1000


def _streamed(decode: Callable[[bytes], object], lines: list[bytes]) -> Callable[[], object]:
    def run() -> None:
        for line in lines:
            decode(line)

    return run


def _kept(decode: Callable[[bytes], object], lines: list[bytes]) -> Callable[[], object]:
    return lambda: [decode(line) for line in lines]


_Run = Callable[[], object]
_Cases = tuple[_Run, _Run, _Run, _Run]
"""Per library: decode streamed, decode kept, encode written, encode kept."""


def _written(encode: Callable[[object], object], items: list[object]) -> Callable[[], object]:
    """Encode each item and drop the result, as a writer does once the line is written."""

    def run() -> None:
        for item in items:
            encode(item)

    return run


def _encoded(encode: Callable[[object], object], items: list[object]) -> Callable[[], object]:
    """Encode each item and keep every result in a list."""
    return lambda: [encode(item) for item in items]


def _pure(enabled: bool, run: Callable[[], object]) -> Callable[[], object]:
    """``run`` with geostmt's orjson path on (False) or off (True)."""

    def switched() -> object:
        use_orjson(not enabled)
        try:
            return run()
        finally:
            use_orjson(None)

    return switched


def main(count: int, rounds: int) -> None:
    records = mixed_records(count)
    lines = [g.dumps(record).encode() for record in records]
    text = b"\n".join(lines) + b"\n"
    adapter = TypeAdapter(PRecord)
    decoder = msgspec.json.Decoder(MRecord, float_hook=Decimal)
    encoder = msgspec.json.Encoder()
    peers_p = [adapter.validate_json(line) for line in lines]
    peers_m = [decoder.decode(line) for line in lines]
    assert [g.loads(line) for line in lines[:50]] == records[:50]
    dicts = [orjson.loads(line) for line in lines]
    dump = adapter.dump_json
    geostmt_cases: dict[str, _Cases]
    records_: list[object] = list(records)
    if use_orjson is None:  # a geostmt before the orjson path: one way only
        geostmt_cases = {
            "geostmt": (
                _streamed(g.loads, lines),
                _kept(g.loads, lines),
                _written(g.dumps, records_),
                _encoded(g.dumps, records_),
            )
        }
    else:
        geostmt_cases = {
            f"geostmt ({way})": (
                _pure(pure, _streamed(g.loads, lines)),
                _pure(pure, _kept(g.loads, lines)),
                _pure(pure, _written(g.dumps, records_)),
                _pure(pure, _encoded(g.dumps, records_)),
            )
            for way, pure in (("orjson", False), ("pure Python", True))
        }

    def pydantic_dump(record: object) -> bytes:
        return dump(record, exclude_defaults=True)

    libraries: dict[str, _Cases] = {
        **geostmt_cases,
        "pydantic": (
            _streamed(adapter.validate_json, lines),
            _kept(adapter.validate_json, lines),
            _written(pydantic_dump, list(peers_p)),
            _encoded(pydantic_dump, list(peers_p)),
        ),
        "msgspec": (
            _streamed(decoder.decode, lines),
            _kept(decoder.decode, lines),
            _written(encoder.encode, list(peers_m)),
            _encoded(encoder.encode, list(peers_m)),
        ),
        "orjson into dicts (the floor)": (
            _streamed(orjson.loads, lines),
            _kept(orjson.loads, lines),
            _written(orjson.dumps, list(dicts)),
            _encoded(orjson.dumps, list(dicts)),
        ),
    }
    cases: dict[str, Callable[[], object]] = {}
    for name, (streamed, kept, written, encoded) in libraries.items():
        cases[f"{name}/streamed"] = streamed
        cases[f"{name}/kept"] = kept
        cases[f"{name}/encode"] = written
        cases[f"{name}/encode kept"] = encoded
    cases["geostmt read_jsonl/kept"] = lambda: list(g.read_jsonl(io.BytesIO(text)))
    # the inputs and the peers' own records are frozen, so that "kept" measures what each
    # library's own records cost the collector, not how big this process's inputs are
    gc.collect()
    gc.freeze()
    best = interleaved(cases, rounds)
    speed = {name: count / elapsed for name, elapsed in best.items()}

    package_line = next(line for line in lines if b'"aid_package"' in line)
    memory = {name: bytes_per_object(lambda: g.loads(package_line)) for name in geostmt_cases} | {
        "pydantic": bytes_per_object(lambda: adapter.validate_json(package_line)),
        "msgspec": bytes_per_object(lambda: decoder.decode(package_line)),
        "orjson into dicts (the floor)": bytes_per_object(lambda: orjson.loads(package_line)),
    }
    modules = {
        "pydantic": "pydantic",
        "msgspec": "msgspec",
        "orjson into dicts (the floor)": "orjson",
    }
    geostmt_ms = import_ms("geostmt")
    imports = dict.fromkeys(geostmt_cases, geostmt_ms) | {
        name: import_ms(module) for name, module in modules.items()
    }
    attrs_ms = import_ms("attrs")
    print(
        f"{count:,} mixed records, minimum of {rounds} interleaved rounds; "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {sys.version.split()[0]}, geostmt {g.__version__}, "
        f"pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}, orjson {orjson.__version__}"
    )
    print(
        "| library | decode streamed rec/s | decode kept rec/s | encode rec/s "
        "| encode kept rec/s | bytes per AidPackage | import ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in libraries:
        print(
            f"| {name} | {speed[name + '/streamed']:,.0f} | {speed[name + '/kept']:,.0f} "
            f"| {speed[name + '/encode']:,.0f} | {speed[name + '/encode kept']:,.0f} "
            f"| {memory[name]:,.0f} | {imports[name]:.0f} |"
        )
    print(
        f"| geostmt `list(read_jsonl(...))` | | {speed['geostmt read_jsonl/kept']:,.0f} | | | | |"
    )
    print(f"| attrs (for the import goal) | | | | | | {attrs_ms:.0f} |")

    def ratio(name: str, peer: str, mode: str) -> str:
        return f"{speed[f'{name}/{mode}'] / speed[f'{peer}/{mode}']:.2f}x"

    for name in geostmt_cases:
        print(
            f"{name}: streamed {ratio(name, 'pydantic', 'streamed')} pydantic, "
            f"{ratio(name, 'msgspec', 'streamed')} msgspec; kept "
            f"{ratio(name, 'pydantic', 'kept')} pydantic; encode "
            f"{ratio(name, 'pydantic', 'encode')} pydantic (kept "
            f"{ratio(name, 'pydantic', 'encode kept')})"
        )
    print(
        f"read_jsonl kept: {speed['geostmt read_jsonl/kept'] / speed['pydantic/kept']:.2f}x "
        f"pydantic; import geostmt / attrs {geostmt_ms / attrs_ms:.2f}x"
    )
    first = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "import geostmt; geostmt.parse_quantity('5 km')"], check=True
        )
        first.append(time.perf_counter() - start)
    print(f"first parse_quantity with a unit, process included: {min(first) * 1000:.0f} ms")


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 20_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 7,
    )
