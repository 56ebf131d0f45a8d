"""The ``Record`` model: one obstacle or initiative, bilingual, versioned, validated field by field.

The file format
---------------
A records file has a header row; the reader maps columns **by header name**, so the order of
the columns in a file does not matter. New files and new rows use :data:`COLUMNS`, in that order:

``id, version, kind, status, review, theme, border, feature_ids, title_nl, summary_nl, title_en,
summary_en, legal_basis_nl, legal_basis_other, responsible, source, reported_on, updated_on,
dates_approximate, reported_by, created_by, changed_at, changed_by, change_note, review_note,
merged_into, changed_by_name``

``changed_by`` is the stable id of whoever made the version (``oidc:<issuer>|<subject>``,
``passphrase``, ``local``); ``changed_by_name`` the display name they had then. New columns are
only ever added at the end.

Titles and summaries come in pairs, one per language (``_nl``, ``_en``); a record needs at least
one complete pair, and a pair with only one half is an error on the missing half.

Old files still load
--------------------
A file whose header lacks columns added later (the 26-column format before ``changed_by_name``)
loads too: the missing columns are empty. The old 15-column format (:data:`LEGACY_COLUMNS`: one
``title`` and one ``summary``, no version, review or change columns) is read as it stands:

- ``title`` and ``summary`` go to the language they are written in, recognised by counting common
  Dutch and English words (:func:`guess_language`; English when unsure);
- missing columns take their defaults: ``version`` 1, ``review`` published, ``dates_approximate``
  false, every other missing column empty.

The store upgrades such a file to :data:`COLUMNS` the first time it writes to it (keeping a backup).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import secrets
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal
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
from pydantic_core import PydanticCustomError

from i18n import Message
from records.errors import RecordError
from records.vocab import STATUSES_BY_KIND, Border, Kind, Review, Status, Theme

__all__ = [
    "COLUMNS",
    "LANGUAGES",
    "LEGACY_COLUMNS",
    "MULTILINE_COLUMNS",
    "Record",
    "guess_language",
    "legacy_to_current",
]

COLUMNS: tuple[str, ...] = (
    "id",
    "version",
    "kind",
    "status",
    "review",
    "theme",
    "border",
    "feature_ids",
    "title_nl",
    "summary_nl",
    "title_en",
    "summary_en",
    "legal_basis_nl",
    "legal_basis_other",
    "responsible",
    "source",
    "reported_on",
    "updated_on",
    "dates_approximate",
    "reported_by",
    "created_by",
    "changed_at",
    "changed_by",
    "change_note",
    "review_note",
    "merged_into",
    "changed_by_name",  # added after the first bilingual files: new columns go at the end
)

#: The columns of the first, single-language format (still read; upgraded on the first write).
LEGACY_COLUMNS: tuple[str, ...] = (
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

#: Columns whose values may span several lines (everything else is one line).
MULTILINE_COLUMNS = frozenset(
    {"summary_nl", "summary_en", "summary", "legal_basis_nl", "legal_basis_other", "change_note", "review_note"}
)

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
TEXT_FIELDS = ("title", "summary")
TITLE_MIN, SUMMARY_MIN = 3, 10
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
FEATURE_ID_RE = re.compile(r"^[a-z]+:[a-z0-9-]+$")
EARLIEST_DATE = dt.date(1990, 1, 1)
_DEFAULTS = {"version": "1", "review": Review.PUBLISHED.value, "dates_approximate": "false"}
_URLISH = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:/|(?:^|\s)(?:https?|www\.|javascript:|data:|file:)", re.IGNORECASE)
_VOCABULARIES = {"kind": Kind, "theme": Theme, "status": Status, "review": Review, "border": Border}
_BORDERS = {border.value: border for border in Border}
_BORDER_VALUES = {
    "NL-BE": (Border.NL_BE,),
    "NL-DE": (Border.NL_DE,),
    "NL-BE;NL-DE": (Border.NL_BE, Border.NL_DE),
    "NL-DE;NL-BE": (Border.NL_BE, Border.NL_DE),
}

# Checked by pydantic-core's regex engine (a Python validator per field costs a sixth of the load).
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x08\x0b-\x1f\x7f]*$")]  # tab and newline allowed
Line = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]*$")]
Stamp = Annotated[str, StringConstraints(pattern=r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?$")]
LINE_FIELDS = frozenset(
    {
        "title_nl",
        "title_en",
        "responsible",
        "source",
        "reported_by",
        "created_by",
        "changed_by",
        "changed_by_name",
        "merged_into",
    }
)

# -- language of old single-language texts -------------------------------------------------

_NL_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "op",
        "te",
        "dat",
        "die",
        "voor",
        "met",
        "zijn",
        "niet",
        "aan",
        "er",
        "om",
        "ook",
        "als",
        "bij",
        "door",
        "naar",
        "over",
        "uit",
        "worden",
        "wordt",
        "nog",
        "maar",
        "tot",
        "deze",
        "dit",
        "kan",
        "heeft",
        "hebben",
        "werd",
        "zou",
        "zij",
        "wij",
        "ze",
        "geen",
        "meer",
        "dan",
        "moet",
        "moeten",
        "grens",
        "grensoverschrijdende",
        "tussen",
        "onder",
        "andere",
        "wel",
    ]
)
_EN_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "a",
        "for",
        "on",
        "that",
        "with",
        "are",
        "as",
        "by",
        "be",
        "this",
        "it",
        "from",
        "at",
        "or",
        "not",
        "an",
        "was",
        "have",
        "has",
        "which",
        "their",
        "there",
        "been",
        "can",
        "would",
        "should",
        "they",
        "we",
        "no",
        "more",
        "than",
        "must",
        "between",
        "other",
        "across",
        "border",
        "cross-border",
        "these",
    ]
)
_WORD = re.compile(r"[a-zà-ÿ-]+")


def guess_language(text: str) -> Lang:
    """Return "nl" or "en": the language whose common words occur more often in ``text``.

    English wins a tie (including text with none of the words).

    Examples
    --------
    >>> guess_language("Er is geen verdrag voor de grensoverschrijdende buslijnen")
    'nl'
    >>> guess_language("There is no treaty on the cross-border bus lines")
    'en'
    >>> guess_language("Kamerstuk 32 851")
    'en'
    """
    nl = en = 0
    for word in _WORD.findall(text.lower()):
        nl += word in _NL_WORDS
        en += word in _EN_WORDS
    return "nl" if nl > en else "en"


def legacy_to_current(row: Mapping[str, str]) -> dict[str, str]:
    """Return an old-format row (``title``, ``summary``, …) with the current column names.

    ``title`` and ``summary`` move to the language they are written in; absent columns take
    their defaults. A row already in the current format comes back with only defaults added.

    Examples
    --------
    >>> new = legacy_to_current({"id": "a-1", "title": "Geen verdrag", "summary": "Er is geen verdrag over de bus."})
    >>> new["title_nl"], new["summary_en"], new["version"], new["review"], list(new) == list(COLUMNS)
    ('Geen verdrag', '', '1', 'published', True)
    """
    out = {column: row.get(column, _DEFAULTS.get(column, "")) for column in COLUMNS}
    title, summary = row.get("title", ""), row.get("summary", "")
    if title or summary:
        lang = guess_language(f"{title} {summary}")
        if not out[f"title_{lang}"] and not out[f"summary_{lang}"]:
            out[f"title_{lang}"], out[f"summary_{lang}"] = title, summary
    return out


# -- the model -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # sources repeat a lot (the same letter, the same site)
def _source_ok(value: str) -> bool:
    """A citation may carry URLs ("Kamerstuk …; https://…"): each one must be well-formed."""
    if not _URLISH.search(value):
        return True
    for token in re.split(r"[\s;,]+", value):
        looks_like_url = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:/", token) or token.lower().startswith(
            ("http", "www.", "javascript:", "data:", "file:")
        )
        if looks_like_url:
            parts = urlsplit(token)
            if parts.scheme not in ("http", "https") or not parts.netloc or "." not in parts.netloc:
                return False
    return True


def _split_list(value: Any) -> Any:
    if isinstance(value, str):
        if ";" not in value:  # the common case: one value
            value = value.strip()
            return (value,) if value else ()
        return tuple(stripped for part in value.split(";") if (stripped := part.strip()))
    return value


def _custom(key: str, english: str, **values: Any) -> PydanticCustomError:
    """A validation error whose type is our message key (``error.<key>``) and ctx its values."""
    return PydanticCustomError(key, english, values)


class Record(BaseModel):
    """An obstacle or initiative tied to one or more map features, in Dutch and/or English.

    Build one with :meth:`from_row` (a CSV row) or :meth:`create` (form input). Pass
    ``known_feature_ids`` to reject links to features that do not exist, and ``today`` (from
    the caller's clock) for the date checks.

    Examples
    --------
    >>> r = Record.create({"kind": "obstacle", "title_en": "No treaty on bus lines",
    ...     "summary_en": "There is no treaty naming essential lines.", "theme": "mobility",
    ...     "border": "NL-BE", "feature_ids": "border:nl-be", "status": "reported",
    ...     "source": "Kamerstuk 32 851, nr. 69"}, today=dt.date(2026, 1, 2))
    >>> r.is_open, r.borders, r.version, r.review.value
    (True, (<Border.NL_BE: 'NL-BE'>,), 1, 'published')
    >>> r.text("title", "nl")
    ('No treaty on bus lines', True)
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=ID_PATTERN)
    version: int = Field(default=1, ge=1)
    kind: Kind
    status: Status
    review: Review = Review.PUBLISHED
    theme: Theme
    borders: tuple[Border, ...] = Field(alias="border", min_length=1)
    feature_ids: tuple[str, ...] = Field(min_length=1, max_length=30)
    title_nl: Line = Field(default="", max_length=160)
    summary_nl: Text = Field(default="", max_length=2000)
    title_en: Line = Field(default="", max_length=160)
    summary_en: Text = Field(default="", max_length=2000)
    legal_basis_nl: Text = Field(default="", max_length=300)
    legal_basis_other: Text = Field(default="", max_length=300)
    responsible: Line = Field(default="", max_length=200)
    source: Line = Field(min_length=3, max_length=500)
    reported_on: dt.date
    updated_on: dt.date
    dates_approximate: bool = False
    reported_by: Line = Field(default="", max_length=120)
    created_by: Line = Field(default="", max_length=300)
    changed_at: Stamp = ""
    changed_by: Line = Field(default="", max_length=300)
    change_note: Text = Field(default="", max_length=1000)
    review_note: Text = Field(default="", max_length=1000)
    merged_into: str = Field(default="", pattern=r"^$|" + ID_PATTERN)
    changed_by_name: Line = Field(default="", max_length=300)

    @field_validator("borders", mode="before")
    @classmethod
    def _parse_borders(cls, value: Any) -> Any:
        known = _BORDER_VALUES.get(value) if isinstance(value, str) else None
        if known is not None:  # the common values, parsed once
            return known
        parts = _split_list(value)
        if isinstance(parts, (tuple, list)):
            found = []
            for part in parts:
                border = _BORDERS.get(part) if isinstance(part, str) else part
                if border is None:
                    choices = ", ".join(b.value for b in Border)
                    raise _custom(
                        "unknown_choice",
                        "{value} is not a known {field}; choose one of: {choices}",
                        value=repr(part),
                        field="border",
                        choices=choices,
                    )
                found.append(border)
            return tuple(sorted(set(found)))
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
            raise _custom(
                "malformed_feature",
                "malformed feature id {value} (expected '<layer>:<slug>')",
                value=repr(malformed[0]),
            )
        known = (info.context or {}).get("known_feature_ids")
        if known is not None:
            missing = [fid for fid in value if fid not in known]
            if missing:
                raise _custom(
                    "unknown_feature", "unknown feature id {value}: no map feature has this id", value=repr(missing[0])
                )
        return tuple(dict.fromkeys(value))

    @field_validator("status")
    @classmethod
    def _check_status_fits_kind(cls, value: Status, info: ValidationInfo) -> Status:
        kind = info.data.get("kind")
        if kind is not None and value not in STATUSES_BY_KIND[kind]:
            raise _custom(
                "status_kind",
                "{status} is not a status of an {kind}; use one of: {allowed}",
                status=repr(value.value),
                kind=kind.value,
                allowed=", ".join(s.value for s in STATUSES_BY_KIND[kind]),
            )
        return value

    @field_validator("dates_approximate", mode="before")
    @classmethod
    def _parse_bool(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip().lower()
            if text in ("", "false"):
                return False
            if text == "true":
                return True
            raise _custom("bad_bool", "{value} must be true or false", value=repr(value))
        return value

    @field_validator("source")
    @classmethod
    def _check_source_urls(cls, value: str) -> str:
        if not _source_ok(value):
            raise _custom("bad_url", "a URL must be a well-formed http(s) address, e.g. https://www.example.org")
        return value

    @field_validator("reported_on", "updated_on")
    @classmethod
    def _check_date(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        today = (info.context or {}).get("today")
        if today is None:
            raise ValueError("validation needs today's date (pass today=)")
        if not EARLIEST_DATE <= value <= today + dt.timedelta(days=1):
            raise _custom(
                "date_range", "date must lie between {earliest} and today", earliest=EARLIEST_DATE.isoformat()
            )
        return value

    @model_validator(mode="after")
    def _check_consistency(self) -> Record:
        if self.updated_on < self.reported_on:
            raise _custom("date_order", "updated_on lies before reported_on", field="updated_on")
        if self.review is Review.MERGED and not self.merged_into:
            raise _custom(
                "merged_needs_target", "a merged record names the record it was merged into", field="merged_into"
            )
        if self.merged_into and self.review is not Review.MERGED:
            raise _custom("target_needs_merged", "only a merged record names another record", field="merged_into")
        if self.review is Review.REJECTED and not self.review_note:
            raise _custom("rejected_needs_reason", "a rejected report needs a reason", field="review_note")
        return self

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_row(
        cls,
        row: Mapping[str, str],
        known_feature_ids: Iterable[str] | None = None,
        *,
        today: dt.date,
    ) -> Record:
        """Validate one CSV row (values are strings, keys are column names); raise ``RecordError``.

        Columns are matched by name; absent ones take their defaults, and an old-format row
        (``title``, ``summary``) is read as described in the module docstring.
        """
        if "title" in row or "summary" in row or len(row) != len(COLUMNS):
            row = legacy_to_current(row)
        context = {"known_feature_ids": _as_set(known_feature_ids), "today": today}
        problems = _text_problems(row)
        try:
            record = cls.model_validate(row, context=context)
        except ValidationError as exc:
            raise RecordError({**problems, **_problems(exc)}) from None
        if problems:
            raise RecordError(problems)
        return record

    @classmethod
    def create(
        cls,
        fields: Mapping[str, Any],
        known_feature_ids: Iterable[str] | None = None,
        *,
        today: dt.date,
        record_id: str | None = None,
    ) -> Record:
        """Validate new input (e.g. from the form): a fresh id, version 1, ``today``'s dates.

        Line breaks typed as CR LF become LF; who created it and when is filled in by the store.
        """
        data = {"reported_on": today.isoformat(), "updated_on": today.isoformat(), **fields}
        data = {k: v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v for k, v in data.items()}
        data["id"] = record_id or f"r-{secrets.token_hex(6)}"
        data["version"] = "1"
        return cls.from_row(
            {c: str(data.get(c, _DEFAULTS.get(c, ""))) for c in COLUMNS}, known_feature_ids, today=today
        )

    # -- views --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """True for an obstacle that is not yet solved or closed."""
        return self.kind is Kind.OBSTACLE and self.status.is_open

    @property
    def border(self) -> str:
        """The borders as written in the file (``NL-BE;NL-DE``)."""
        return ";".join(b.value for b in self.borders)

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages with a complete title and summary."""
        return tuple(lang for lang in LANGUAGES if getattr(self, f"title_{lang}") and getattr(self, f"summary_{lang}"))

    def text(self, field: Literal["title", "summary"], lang: str) -> tuple[str, bool]:
        """Return ``field`` in ``lang`` and whether it had to come from the other language.

        Examples
        --------
        >>> r = Record.create({"kind": "initiative", "title_nl": "Grensinfopunt", "summary_nl":
        ...     "Een loket voor grensarbeiders.", "theme": "labour", "border": "NL-DE", "feature_ids":
        ...     "border:nl-de", "status": "running", "source": "GROS"}, today=dt.date(2026, 1, 2))
        >>> r.text("title", "nl"), r.text("title", "en")
        (('Grensinfopunt', False), ('Grensinfopunt', True))
        """
        if field not in TEXT_FIELDS:
            raise ValueError(f"text() knows {TEXT_FIELDS}, not {field!r}")
        own = "en" if lang == "en" else "nl"
        value = getattr(self, f"{field}_{own}")
        if value:
            return value, False
        return getattr(self, f"{field}_{'nl' if own == 'en' else 'en'}"), True

    def to_row(self) -> dict[str, str]:
        """Return the CSV row (all strings, in :data:`COLUMNS` order) that :meth:`from_row` reads back
        identically."""
        values = self.__dict__
        row = {}
        for column in COLUMNS:
            if column == "border":
                row[column] = self.border
            elif column == "feature_ids":
                row[column] = ";".join(self.feature_ids)
            else:
                value = values[column]
                if isinstance(value, bool):
                    row[column] = "true" if value else "false"
                elif isinstance(value, dt.date):
                    row[column] = value.isoformat()
                else:
                    row[column] = str(value)
        return row

    def search_text(self) -> str:
        """Return the lower-cased text a free-text search looks in (both languages)."""
        return " ".join(
            (
                self.id,
                self.title_nl,
                self.summary_nl,
                self.title_en,
                self.summary_en,
                self.responsible,
                self.legal_basis_nl,
                self.legal_basis_other,
                self.source,
            )
        ).lower()


def _as_set(ids: Iterable[str] | None) -> frozenset[str] | None:
    if ids is None or isinstance(ids, frozenset):
        return ids
    return frozenset(ids)


def _text_problems(row: Mapping[str, Any]) -> dict[str, Message]:
    """Check the title/summary pairs: one complete pair at least, no half pairs, minimum lengths."""
    problems: dict[str, Message] = {}
    complete = False
    for lang in LANGUAGES:
        title = str(row.get(f"title_{lang}") or "").strip()
        summary = str(row.get(f"summary_{lang}") or "").strip()
        if title and summary:
            complete = True
        elif title:
            problems[f"summary_{lang}"] = Message("error.half_pair")
        elif summary:
            problems[f"title_{lang}"] = Message("error.half_pair")
        if title and len(title) < TITLE_MIN:
            problems[f"title_{lang}"] = Message("error.too_short", {"limit": TITLE_MIN})
        if summary and len(summary) < SUMMARY_MIN:
            problems[f"summary_{lang}"] = Message("error.too_short", {"limit": SUMMARY_MIN})
    if not complete and not problems:
        for lang in LANGUAGES:
            for field in TEXT_FIELDS:
                problems[f"{field}_{lang}"] = Message("error.required_one_language")
    return problems


def _problems(exc: ValidationError) -> dict[str, Message]:
    """Turn pydantic's errors into {column: Message}, the first error per column."""
    problems: dict[str, Message] = {}
    for error in exc.errors(include_url=False):
        loc = error["loc"]
        ctx = dict(error.get("ctx") or {})
        column = str(loc[0]) if loc else str(ctx.pop("field", "record"))
        column = "border" if column == "borders" else column
        kind = error["type"]
        value = repr(error.get("input"))
        if kind in _CUSTOM_KEYS:
            if "field" in ctx:  # the vocabulary's name, in the reader's language
                ctx["field"] = Message(f"field.{ctx['field']}")
            message = Message(f"error.{kind}", ctx)
        elif kind == "missing" or (kind == "string_too_short" and not error.get("input")):
            message = Message("error.required")
        elif kind == "string_too_short":
            message = Message("error.too_short", {"limit": ctx["min_length"]})
        elif kind == "string_too_long":
            message = Message("error.too_long", {"limit": ctx["max_length"]})
        elif kind == "too_short":
            message = Message("error.at_least_one")
        elif kind == "too_long":
            message = Message("error.too_many", {"limit": ctx["max_length"]})
        elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
            message = Message("error.not_a_date", {"value": value})
        elif kind == "enum" and column in _VOCABULARIES:
            choices = ", ".join(m.value for m in _VOCABULARIES[column])
            field = Message(f"field.{column}")
            message = Message("error.unknown_choice", {"value": value, "field": field, "choices": choices})
        elif kind in ("int_parsing", "int_from_float", "greater_than_equal", "int_type"):
            message = Message("error.bad_number", {"value": value})
        elif kind == "string_pattern_mismatch" and column in ("id", "merged_into"):
            message = Message("error.bad_id")
        elif kind == "string_pattern_mismatch" and column == "changed_at":
            message = Message("error.bad_timestamp", {"value": value})
        elif kind == "string_pattern_mismatch":
            message = Message("error.single_line" if column in LINE_FIELDS else "error.control_chars")
        else:
            message = Message("error.invalid", {"detail": error["msg"].removeprefix("Value error, ")})
        problems.setdefault(column, message)
    return problems


_CUSTOM_KEYS = frozenset(
    {
        "unknown_choice",
        "malformed_feature",
        "unknown_feature",
        "status_kind",
        "bad_bool",
        "bad_url",
        "date_range",
        "date_order",
        "merged_needs_target",
        "target_needs_merged",
        "rejected_needs_reason",
    }
)
