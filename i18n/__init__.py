"""Texts and translations: the bottom floor that every other package may use.

Every user-facing string lives in one of the tables below as ``key: (nl, en)``; code asks for
it with :func:`t`. A :class:`Message` carries a key and its values so that lower layers (the
record model, the stores) can say what is wrong without knowing the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from i18n.auth_texts import AUTH_TEXTS
from i18n.layer_texts import LAYER_TEXTS, PROP_LABELS
from i18n.record_texts import RECORD_TEXTS
from i18n.store_texts import STORE_TEXTS
from i18n.ui_texts import UI_TEXTS

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
DEFAULT_LANG: Lang = "nl"


def _merge(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise ValueError(f"text keys defined twice: {sorted(twice)}")
        merged.update(table)
    return merged


TEXTS: dict[str, tuple[str, str]] = _merge(UI_TEXTS, LAYER_TEXTS, PROP_LABELS, RECORD_TEXTS, STORE_TEXTS, AUTH_TEXTS)


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the text for ``key`` in ``lang``, formatted with ``values``.

    >>> t("layer.ports", "en"), t("status.reported", "nl")
    ('Ports', 'Gemeld')
    """
    nl, en = TEXTS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def both(key: str, **values: object) -> dict[str, str]:
    """Return ``{"nl": ..., "en": ...}`` for ``key`` (for the browser, which switches itself).

    >>> both("layer.ports")
    {'nl': 'Havens', 'en': 'Ports'}
    """
    return {lang: t(key, lang, **values) for lang in LANGUAGES}


def fact_key(key: str) -> str:
    """Return the text key of a feature fact's label: ``prop.<key>``, where a key ending in
    ``_nl``/``_en`` is the same fact in that language.

    >>> fact_key("budget_eu_eur_m"), fact_key("product_nl")
    ('prop.budget_eu_eur_m', 'prop.product')
    """
    base = key[:-3] if key.endswith(("_nl", "_en")) else key
    return f"prop.{base}"


@dataclass(frozen=True)
class Message:
    """A text key with its values: rendered in whatever language the reader uses.

    >>> Message("status.reported").text("en")
    'Reported'
    """

    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """Return the message in ``lang``; values that are Messages (or tuples of them, joined
        with "; ") are rendered too.

        >>> Message("error.too_long", {"limit": 160}).text("nl")
        'is te lang (hoogstens 160 tekens)'
        """
        return t(self.key, lang, **{k: _render(v, lang) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.text("en")


def _render(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
        return "; ".join(v.text(lang) for v in value)
    return value
