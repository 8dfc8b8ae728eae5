"""Sources: the documents records are read from."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.errors import ValidationError
from geostmt.model import _checks
from geostmt.model.time import PartialDate, check_partial_date, to_optional_partial_date

__all__ = ["Source"]


@attrs.frozen(kw_only=True)
class Source:
    """A document (an article, a transcript, a post) with a URL or a title, or both."""

    TYPE: ClassVar[str] = "source"

    id: str = attrs.field(validator=_checks.identifier)
    url: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    title: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    publisher: str | None = attrs.field(
        default=None, converter=_checks.to_optional_text, validator=_checks.optional(_checks.text)
    )
    published: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_checks.optional(check_partial_date),
    )
    language: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.language_tag)
    )

    def __attrs_post_init__(self) -> None:
        if self.url is None and self.title is None:
            raise ValidationError.single("", "a source needs a url or a title")
