"""Values <-> JSON: the cattrs converter, one-record JSON and JSON Lines."""

from geostmt.wire.codec import MAX_RECORD_BYTES, decode_json, dumps, from_dict, loads, to_dict
from geostmt.wire.converter import configure_converter, default_converter, make_converter
from geostmt.wire.jsonl import Line, read_jsonl, scan_jsonl, validate_jsonl, write_jsonl
from geostmt.wire.schema import SCHEMA_ID, json_schema, schema_leniencies

__all__ = [
    "MAX_RECORD_BYTES",
    "SCHEMA_ID",
    "Line",
    "configure_converter",
    "decode_json",
    "default_converter",
    "dumps",
    "from_dict",
    "json_schema",
    "schema_leniencies",
    "loads",
    "make_converter",
    "read_jsonl",
    "scan_jsonl",
    "to_dict",
    "validate_jsonl",
    "write_jsonl",
]
