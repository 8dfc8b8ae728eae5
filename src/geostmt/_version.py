"""The package version and the wire-format schema version, read by hatchling and the code."""

__version__ = "0.2.0"
"""The package's version (PEP 440); the changelog says what each one changed."""
SCHEMA_VERSION = "1.1"
"""The wire format's version: the major part changes on a breaking change (see docs/versions.md)."""
