"""The ``Record`` model: one obstacle or initiative, validated field by field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from records.vocab import STATUSES_BY_KIND, Border, Kind, Status, Theme

COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "title",
    "summary",
    "theme",
    "border",
    "feature_ids",
    "status",
    "legal_basis_nl",
    "legal_basis_other",
    "responsible",
    "source",
    "reported_on",
    "updated_on",
    "reported_by",
)

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
FEATURE_ID_RE = re.compile(r"^[a-z]+:[a-z0-9-]+$")
EARLIEST_DATE = dt.date(1990, 1, 1)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URLISH = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:/|(?:^|\s)(?:https?|www\.|javascript:|data:|file:)", re.IGNORECASE)
_VOCABULARIES = {"kind": Kind, "theme": Theme, "status": Status}


class RecordError(ValueError):
    """A record failed validation; ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in problems.items()))


def _split_list(value: Any) -> Any:
    if isinstance(value, str):
        if ";" not in value:  # the common case: one value
            value = value.strip()
            return (value,) if value else ()
        return tuple(stripped for part in value.split(";") if (stripped := part.strip()))
    return value


_BORDERS = {border.value: border for border in Border}


# Checked by pydantic-core's regex engine (a Python validator per field cost a sixth of the load).
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$")]
Line = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]*$")]
LINE_FIELDS = frozenset({"title", "responsible", "source", "reported_by"})


class Record(BaseModel):
    """An obstacle or initiative tied to one or more map features.

    Build one with :meth:`from_row` (a CSV row) or :meth:`create` (form input); pass
    ``known_feature_ids`` to reject links to features that do not exist.

    Examples
    --------
    >>> r = Record.create({"kind": "obstacle", "title": "No treaty on bus lines",
    ...     "summary": "There is no treaty naming essential lines.", "theme": "mobility",
    ...     "border": "NL-BE", "feature_ids": "border:nl-be", "status": "reported",
    ...     "source": "Kamerstuk 32 851, nr. 69"}, today=dt.date(2026, 1, 2))
    >>> r.is_open, r.borders
    (True, (<Border.NL_BE: 'NL-BE'>,))
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=ID_PATTERN)
    kind: Kind
    title: Line = Field(min_length=3, max_length=160)
    summary: Text = Field(min_length=10, max_length=2000)
    theme: Theme
    borders: tuple[Border, ...] = Field(alias="border", min_length=1)
    feature_ids: tuple[str, ...] = Field(min_length=1, max_length=30)
    status: Status
    legal_basis_nl: Text = Field(default="", max_length=300)
    legal_basis_other: Text = Field(default="", max_length=300)
    responsible: Line = Field(default="", max_length=200)
    source: Line = Field(min_length=3, max_length=500)
    reported_on: dt.date
    updated_on: dt.date
    reported_by: Line = Field(default="", max_length=120)

    @field_validator("borders", mode="before")
    @classmethod
    def _parse_borders(cls, value: Any) -> Any:
        parts = _split_list(value)
        if isinstance(parts, (tuple, list)):
            return tuple(sorted({_BORDERS.get(v) or Border.parse(v) if isinstance(v, str) else v for v in parts}))
        return parts

    @field_validator("feature_ids", mode="before")
    @classmethod
    def _parse_feature_ids(cls, value: Any) -> Any:
        return _split_list(value)

    @field_validator("feature_ids")
    @classmethod
    def _check_feature_ids(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        malformed = [fid for fid in value if not FEATURE_ID_RE.match(fid)]
        if malformed:
            raise ValueError(f"malformed feature id {malformed[0]!r} (expected '<layer>:<slug>')")
        known = (info.context or {}).get("known_feature_ids")
        if known is not None:
            missing = [fid for fid in value if fid not in known]
            if missing:
                raise ValueError(f"unknown feature id {missing[0]!r}: no map feature has this id")
        return tuple(dict.fromkeys(value))

    @field_validator("status")
    @classmethod
    def _check_status_fits_kind(cls, value: Status, info: ValidationInfo) -> Status:
        kind = info.data.get("kind")
        if kind is not None and value not in STATUSES_BY_KIND[kind]:
            allowed = ", ".join(s.value for s in STATUSES_BY_KIND[kind])
            raise ValueError(f"{value.value!r} is not a status of an {kind.value}; use one of: {allowed}")
        return value

    @field_validator("source")
    @classmethod
    def _check_source_urls(cls, value: str) -> str:
        # A citation may carry URLs ("Kamerstuk …; https://…"): each one must be well-formed.
        if not _URLISH.search(value):
            return value
        for token in re.split(r"[\s;,]+", value):
            looks_like_url = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:/", token) or token.lower().startswith(
                ("http", "www.", "javascript:", "data:", "file:")
            )
            if looks_like_url:
                parts = urlsplit(token)
                if parts.scheme not in ("http", "https") or not parts.netloc or "." not in parts.netloc:
                    raise ValueError("a URL must be a well-formed http(s) address, e.g. https://www.example.org/page")
        return value

    @field_validator("reported_on", "updated_on")
    @classmethod
    def _check_date(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        today = (info.context or {}).get("today") or dt.date.today()
        if not EARLIEST_DATE <= value <= today + dt.timedelta(days=1):
            raise ValueError(f"date must lie between {EARLIEST_DATE.isoformat()} and today")
        return value

    @model_validator(mode="after")
    def _check_consistency(self) -> Record:
        if self.updated_on < self.reported_on:
            raise ValueError("updated_on lies before reported_on")
        return self

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_row(
        cls,
        row: Mapping[str, str],
        known_feature_ids: Iterable[str] | None = None,
        today: dt.date | None = None,
    ) -> Record:
        """Validate one CSV row (all values strings); raise ``RecordError`` on failure."""
        context = {"known_feature_ids": _as_set(known_feature_ids), "today": today or dt.date.today()}
        try:
            return cls.model_validate(dict(row), context=context)
        except ValidationError as exc:
            raise RecordError(_problems(exc)) from None

    @classmethod
    def create(
        cls,
        fields: Mapping[str, Any],
        known_feature_ids: Iterable[str] | None = None,
        today: dt.date | None = None,
        record_id: str | None = None,
    ) -> Record:
        """Validate new input (e.g. from the form), giving it an id and today's dates."""
        import secrets

        today = today or dt.date.today()
        data = {"reported_on": today.isoformat(), "updated_on": today.isoformat(), **fields}
        data["id"] = record_id or f"r-{secrets.token_hex(6)}"
        return cls.from_row(data, known_feature_ids, today)

    # -- views --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """True for an obstacle that is not yet solved or closed."""
        return self.kind is Kind.OBSTACLE and self.status.is_open

    @property
    def border(self) -> str:
        return ";".join(b.value for b in self.borders)

    def to_row(self) -> dict[str, str]:
        """Return the CSV row (all strings) that :meth:`from_row` reads back identically."""
        values = self.model_dump()
        row = {}
        for column in COLUMNS:
            if column == "border":
                row[column] = self.border
            elif column == "feature_ids":
                row[column] = ";".join(self.feature_ids)
            else:
                value = values[column]
                row[column] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return row

    def search_text(self) -> str:
        """Return the lower-cased text a free-text search looks in."""
        return " ".join(
            (
                self.id,
                self.title,
                self.summary,
                self.responsible,
                self.legal_basis_nl,
                self.legal_basis_other,
                self.source,
            )
        ).lower()


def _as_set(ids: Iterable[str] | None) -> frozenset[str] | None:
    return None if ids is None else frozenset(ids)


def _problems(exc: ValidationError) -> dict[str, str]:
    """Turn pydantic's errors into {column: readable message}, first error per column."""
    problems: dict[str, str] = {}
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        column = str(loc[0]) if loc else "record"
        column = "border" if column == "borders" else column
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "is required"
        elif error["type"] == "string_too_short":
            message = (
                "is required"
                if not error.get("input")
                else f"is too short (at least {error['ctx']['min_length']} characters)"
            )
        elif error["type"] == "string_too_long":
            message = f"is too long (at most {error['ctx']['max_length']} characters)"
        elif error["type"] == "too_short":
            message = "needs at least one value"
        elif error["type"] in ("date_from_datetime_parsing", "date_parsing", "date_type"):
            message = f"{error.get('input')!r} is not a date in the form YYYY-MM-DD"
        elif error["type"] == "enum" and column in _VOCABULARIES:
            choices = ", ".join(m.value for m in _VOCABULARIES[column])
            message = f"{error.get('input')!r} is not a known {column}; choose one of: {choices}"
        elif error["type"] == "string_pattern_mismatch" and column == "id":
            message = "may hold only lower-case letters, digits and hyphens"
        elif error["type"] == "string_pattern_mismatch":
            single = column in LINE_FIELDS
            message = "must be a single line without control characters" if single else "contains control characters"
        problems.setdefault(column, message)
    return problems
