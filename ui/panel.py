"""HTML for the detail panel. Every value from geodata or records is escaped here.

The functions return strings for ``st.html``; they never touch Streamlit themselves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from i18n import t
from layers.catalog import MapFeature
from records import HistoryEntry, Record, RecordSummary, Review, Status

_URL = re.compile(r"https?://[^\s;<>\"']+")

STATUS_COLORS = {
    "reported": "#D55E00",
    "assessing": "#E69F00",
    "in_progress": "#0072B2",
    "solved": "#009E73",
    "not_solvable": "#555555",
    "planned": "#56B4E9",
    "running": "#0072B2",
    "completed": "#009E73",
}

PANEL_CSS = """
<style>
.bp-card { font: 15px/1.45 system-ui, sans-serif; color: #1d1d1d; }
.bp-card h3 { margin: 0 0 2px; font-size: 1.2em; }
.bp-card .layer { color: #555; font-size: .85em; text-transform: uppercase; letter-spacing: .04em; }
.bp-card table { border-collapse: collapse; margin: 6px 0; font-size: .92em; width: 100%; }
.bp-card td { padding: 1px 8px 1px 0; vertical-align: top; overflow-wrap: anywhere; }
.bp-card td.k { color: #555; width: 45%; }
.bp-card .quality { color: #6b5200; font-size: .85em; margin: 4px 0; }
.bp-card .quality summary { cursor: pointer; }
.bp-card .src { font-size: .85em; color: #444; word-break: break-word; }
.bp-rec { border-top: 1px solid #ddd; padding: 8px 0; }
.bp-rec h4 { margin: 0 0 3px; font-size: 1.02em; }
.bp-badge { display: inline-block; color: #fff; border-radius: 10px; padding: 0 8px; font-size: .8em;
  margin-right: 6px; }
.bp-meta { color: #555; font-size: .85em; }
.bp-rec p { margin: 4px 0; white-space: pre-wrap; }
.bp-hist { font-size: .82em; color: #444; margin: 4px 0 0 0; padding-left: 16px; }
.bp-hist .who { font-weight: 600; }
.bp-hist.bp-once { list-style: none; padding-left: 0; }
.bp-review { display: inline-block; border: 1px solid #8a6d00; color: #6b5200; background: #fff8e1;
  border-radius: 10px; padding: 0 8px; font-size: .8em; margin-right: 6px; }
.bp-review.rejected { border-color: #a32020; color: #a32020; background: #fdecec; }
.bp-reason { font-size: .88em; color: #a32020; margin: 2px 0; white-space: pre-wrap; }
.bp-section { margin: 10px 0 2px; font-weight: 600; }
.bp-line { padding: 5px 0; font-size: .95em; }
</style>
"""


def escape(value: object) -> str:
    """Return ``value`` as text that is safe inside HTML elements and attributes."""
    return html.escape(str(value), quote=True)


def link_text(url: str) -> str:
    """The short, readable text of a link: its host, and ``/…`` when there is more.

    >>> link_text("https://zoek.officielebekendmakingen.nl/kst-32851-69.html")
    'zoek.officielebekendmakingen.nl/…'
    >>> link_text("https://www.interregvlaned.eu/")
    'www.interregvlaned.eu'
    """
    host, _, rest = url.split("://", 1)[-1].partition("/")
    return f"{host}/…" if rest.strip("/") else host


def linkify(text: str) -> str:
    """Escape ``text`` and turn each http(s) URL in it into a link that opens a new tab.

    The link shows the host (the browser shows the whole address on hover), so that long
    addresses neither fill the panel nor make every click heavier.

    >>> print(linkify("Kamerstuk <b>: https://example.org/a?b=1&c=2"))
    Kamerstuk &lt;b&gt;: <a href="https://example.org/a?b=1&amp;c=2" target="_blank" ...>example.org/…</a>
    """
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(escape(text[last : match.start()]))
        url = escape(match.group(0))
        short = escape(link_text(match.group(0)))
        out.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">{short}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


#: Facts that are years: written as years (2019), not as numbers (2.019).
_YEAR_KEYS = ("year", "founded", "opened")


def format_value(value: object, lang: str = "nl", key: str = "") -> str:
    """A fact's value as a reader expects it: numbers with the language's separators, years plain.

    >>> format_value(48049, "nl"), format_value(48049, "en"), format_value(463.31, "nl"), format_value(2.0, "en")
    ('48.049', '48,049', '463,3', '2')
    >>> format_value(2019, "nl", "prop.status_year")
    '2019'
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or key.endswith(_YEAR_KEYS):
        return str(value)
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "nl" else text


def _fact_rows(feature: MapFeature, lang: str) -> str:
    facts = dict(feature.facts(lang))
    if "prop.length_km" in facts and "prop.official_length_km" in facts:
        # one length, two figures: the measured one and the official one it is compared with
        measured, official = facts.pop("prop.length_km"), facts.pop("prop.official_length_km")
        facts = {"panel.length": t("panel.length_both", lang, measured=format_value(measured, lang),
                                   official=format_value(official, lang)), **facts}  # fmt: skip
    if "prop.status" in facts:
        facts["prop.status"] = t(f"feature_status.{facts['prop.status']}", lang)
    return "".join(
        f'<tr><td class="k">{escape(t(key, lang))}</td><td>{linkify(format_value(value, lang, key))}</td></tr>'
        for key, value in facts.items()
    )


def _quality(feature: MapFeature, lang: str) -> str:
    """One short line on how exact the drawing is; the details on request."""
    quality = feature.quality
    if quality == "exact":
        return ""
    note = str(feature.properties.get(f"geometry_note_{lang}") or feature.properties.get("geometry_note") or "")
    detail = escape(t(f"quality.{quality}", lang)) + (f"<br>{escape(note)}" if note else "")
    return (
        f'<details class="quality"><summary>{escape(t("panel.quality", lang))}: '
        f"{escape(t(f'quality_tip.{quality}', lang))}</summary>{detail}</details>"
    )


def feature_card(feature: MapFeature, lang: str = "nl") -> str:
    """Return the facts of one map feature: name, layer, description, facts, geometry, source."""
    source = linkify(str(feature.properties.get("source", "")))
    return (
        f'<div class="bp-card"><div class="layer">{escape(t(f"layer.{feature.layer}", lang))}</div>'
        f"<h3>{escape(feature.name_in(lang))}</h3>"
        f"<p>{escape(feature.description_in(lang))}</p>"
        f"<table>{_fact_rows(feature, lang)}</table>{_quality(feature, lang)}"
        f'<div class="src">{escape(t("panel.source", lang))}: {source}</div></div>'
    )


#: Actor ids that are not a person: the history names the mode instead of trusting a typed name.
_MODE_NAMES = {"passphrase": "actor.passphrase", "local": "actor.local", "seed": "actor.seed"}


def actor_label(actor_id: str, name: str, lang: str = "nl") -> str:
    """The name the history shows for whoever made a version (unescaped).

    >>> actor_label("passphrase", "Piet", "nl"), actor_label("local", "", "en")
    ('wachtwoordmodus (gedeeld wachtwoord)', 'local (no sign-in)')
    >>> actor_label("oidc:https://id.example.org|u-1", "Anna de Vries")
    'Anna de Vries'
    """
    if actor_id in _MODE_NAMES:
        return t(_MODE_NAMES[actor_id], lang)
    return name or actor_id or "—"


def _status_label(value: str, lang: str) -> str:
    try:
        return Status(value).label(lang)
    except ValueError:
        return value


def format_stamp(stamp: str) -> str:
    """``2026-01-15T09:00:00Z`` as ``2026-01-15 09:00 UTC`` (an old entry may have a date only).

    >>> format_stamp("2026-01-15T09:00:00Z"), format_stamp("2024-03-01"), format_stamp("")
    ('2026-01-15 09:00 UTC', '2024-03-01', '—')
    """
    if len(stamp) >= 16 and stamp[10] == "T":
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp or "—"


def history_item(entry: HistoryEntry, record_id: str, lang: str = "nl") -> str:
    """One line of a record's history: when, who (their stable id on hover), what changed, why."""
    who = actor_label(entry.actor_id, entry.actor_name, lang)
    title = f' title="{escape(entry.actor_id)}"' if entry.actor_id else ""
    what = escape(entry.action_label(lang))
    if entry.action in ("created", "status", "accepted") and entry.to_status:
        before = f"{escape(_status_label(entry.from_status, lang))} → " if entry.action == "status" else ""
        what += f": {before}{escape(_status_label(entry.to_status, lang))}"
    elif entry.changed_fields:
        what += ": " + escape(", ".join(t(f"field.{name}", lang) for name in entry.changed_fields))
    if entry.action == "merged" and entry.merged_into:
        what += f" → {escape(entry.merged_into)}"
    if entry.record_id != record_id:
        what += f" ({escape(t('panel.from_report', lang, id=entry.record_id))})"
    note = f": {escape(entry.note)}" if entry.note else ""
    who_html = f'<span class="who"{title}>{escape(who)}</span>'
    return f"<li>{escape(format_stamp(entry.changed_at))} · {who_html} · {what}{note}</li>"


def review_marker(record: Record | RecordSummary, lang: str = "nl") -> str:
    """A label for a record the public does not see (awaiting review, rejected); empty otherwise."""
    if record.review is Review.PUBLISHED:
        return ""
    extra = " rejected" if record.review is Review.REJECTED else ""
    return f'<span class="bp-review{extra}">{escape(record.review.label(lang))}</span>'


def record_card(record: Record, history: Sequence[HistoryEntry] = (), lang: str = "nl") -> str:
    """Return one record: title, status badge, theme, date, summary, responsible, source, history.

    Title and summary are in ``lang``; a text only written in the other language says so. A
    report awaiting review or rejected says so (with the reason: its author sees why).
    """
    color = STATUS_COLORS.get(record.status.value, "#555")
    legal = " · ".join(
        f"{side}: {escape(text)}"
        for side, text in (("NL", record.legal_basis_nl), ("BE/DE", record.legal_basis_other))
        if text
    )
    title, title_missing = record.text("title", lang)
    summary, summary_missing = record.text("summary", lang)
    only = t(f"record.only_{'en' if lang != 'en' else 'nl'}", lang)
    marker = f' <span class="bp-meta">({escape(only)})</span>' if title_missing or summary_missing else ""
    hist = ""
    if len(history) == 1:  # only its creation: one line, shown (a fold would cost more than it hides)
        hist = f'<ul class="bp-hist bp-once">{history_item(history[0], record.id, lang)}</ul>'
    elif history:
        items = "".join(history_item(h, record.id, lang) for h in history)
        summary_line = f'<summary class="bp-meta">{escape(t("panel.history", lang))} ({len(history)})</summary>'
        hist = f'<details>{summary_line}<ul class="bp-hist">{items}</ul></details>'
    return (
        f'<div class="bp-rec" data-record="{escape(record.id)}">'
        f'<h4>{review_marker(record, lang)}<span class="bp-badge" style="background:{color}">'
        f"{escape(record.status.label(lang))}</span>{escape(title)}{marker}</h4>"
        f'<div class="bp-meta">{escape(record.kind.label(lang))} · {escape(record.theme.label(lang))} · '
        f"{escape(record.border)} · {escape(record.updated_on.isoformat())}</div>"
        + (
            f'<div class="bp-reason">{escape(t("panel.reason", lang))}: {escape(record.review_note)}</div>'
            if record.review is Review.REJECTED and record.review_note
            else ""
        )
        + f"<p>{escape(summary)}</p>"
        + (f'<div class="bp-meta">{legal}</div>' if legal else "")
        + (f'<div class="bp-meta">{escape(record.responsible)}</div>' if record.responsible else "")
        + f'<div class="src">{escape(t("panel.source", lang))}: {linkify(record.source)}</div>{hist}</div>'
    )


#: A panel lists at most this many records per section; the table has them all.
PANEL_LIMIT = 50


def _more_line(count: int, limit: int, lang: str) -> str:
    if count <= limit:
        return ""
    return f'<p class="bp-meta">{escape(t("panel.more", lang, n=count - limit))}</p>'


def records_section(
    title: str,
    listed: Sequence[RecordSummary],
    records: Mapping[str, Record],
    history: Mapping[str, Sequence[HistoryEntry]],
    lang: str = "nl",
    limit: int = PANEL_LIMIT,
) -> str:
    """Return a titled list of record cards (or a short 'none' line), at most ``limit`` of them.

    ``listed`` gives the order; ``records`` the full records to show (fetched from the store).
    """
    cards = "".join(record_card(records[s.id], history.get(s.id, ()), lang) for s in listed[:limit] if s.id in records)
    body = (cards or f'<p class="bp-meta">{escape(t("panel.none", lang))}</p>') + _more_line(len(listed), limit, lang)
    return f'<div class="bp-card"><div class="bp-section">{escape(title)}</div>{body}</div>'


def record_line(summary: RecordSummary | Record, lang: str = "nl") -> str:
    """One record in a single line: status, title, then kind, theme, border and date (no summary).

    Used where a panel points at records that belong to other features (the rest of a border):
    their full cards are one click away on those features, so a click sends little.

    >>> from records import Record
    >>> import datetime as dt
    >>> record = Record.create({"kind": "obstacle", "status": "reported", "theme": "labour",
    ...     "border": "NL-DE", "source": "Kamerstuk 32 851, nr. 69",
    ...     "feature_ids": "border:nl-de", "title_nl": "Pensioen <b>over</b> de grens",
    ...     "summary_nl": "Een samenvatting van genoeg tekens."}, frozenset({"border:nl-de"}),
    ...     today=dt.date(2026, 1, 2), record_id="r-1")
    >>> "&lt;b&gt;over&lt;/b&gt;" in record_line(record, "nl")
    True
    """
    color = STATUS_COLORS.get(summary.status.value, "#555")
    title, missing = summary.text("title", lang)
    only = t(f"record.only_{'en' if lang != 'en' else 'nl'}", lang)
    marker = f' <span class="bp-meta">({escape(only)})</span>' if missing else ""
    return (
        f'<div class="bp-rec bp-line" data-record="{escape(summary.id)}">'
        f'{review_marker(summary, lang)}<span class="bp-badge" style="background:{color}">'
        f"{escape(summary.status.label(lang))}</span>{escape(title)}{marker}"
        f'<div class="bp-meta">{escape(summary.kind.label(lang))} · {escape(summary.theme.label(lang))} · '
        f"{escape(', '.join(summary.feature_ids))} · {escape(summary.updated_on.isoformat())}</div></div>"
    )


def record_lines_section(
    title: str, listed: Sequence[RecordSummary], lang: str = "nl", limit: int = PANEL_LIMIT, count: int | None = None
) -> str:
    """Return a titled list of one-line records (or a short 'none' line), at most ``limit`` of them.

    ``count``: how many there are in all, when ``listed`` holds only the first of them.
    """
    lines = "".join(record_line(s, lang) for s in listed[:limit])
    total = len(listed) if count is None else count
    body = (lines or f'<p class="bp-meta">{escape(t("panel.none", lang))}</p>') + _more_line(total, limit, lang)
    return f'<div class="bp-card"><div class="bp-section">{escape(title)}</div>{body}</div>'
