"""Sources: the documents records are read from."""

from __future__ import annotations

from typing import ClassVar

import attrs

from geostmt.model import fields as f
from geostmt.model.base import Base
from geostmt.model.class_rules import AnyOf, ClassRule
from geostmt.model.hooks import pydantic_ready
from geostmt.model.time import PartialDate

__all__ = ["Source"]


@pydantic_ready
@attrs.frozen(kw_only=True)
class Source(Base):
    """A document (an article, a transcript, a post) with a URL or a title, or both."""

    TYPE: ClassVar[str] = "source"
    RULES: ClassVar[tuple[ClassRule, ...]] = (
        AnyOf("url", "title", message="a source needs a url or a title"),
    )
    __attrs_post_init__ = f.check_rules

    id: str = attrs.field(**f.ident())
    """The source's id, cited by evidence."""
    url: str | None = attrs.field(default=None, **f.text())
    """Where the document is."""
    title: str | None = attrs.field(default=None, **f.text())
    """The document's title."""
    publisher: str | None = attrs.field(default=None, **f.text())
    """Who published it (a newspaper, an agency, a ministry)."""
    published: PartialDate | None = attrs.field(default=None, **f.date())
    """When it was published."""
    language: str | None = attrs.field(default=None, **f.language())
    """The document's language, as a BCP 47 tag (``en``, ``uk``)."""
