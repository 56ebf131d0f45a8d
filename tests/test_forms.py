"""The sidebar forms under AppTest: valid input is saved, each kind of bad input is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from records import Border, Kind, Status
from tests.helpers import load_records, read_store
from tests.test_app import ROOT, click, open_part, panel_html, switch_view
from ui import state

KNOWN_FEATURE = "port:emden"


def start(monkeypatch: pytest.MonkeyPatch, csv_path: Path, **env: str) -> AppTest:
    monkeypatch.setenv("OBSTACLES_CSV", str(csv_path))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    open_part(at, state.REPORT_BOX)  # the sidebar's form, as a click on its header opens it
    return at


def fill(at: AppTest, **values) -> None:
    defaults = {
        "title": "Pension rules differ for border workers",
        "summary": "A Dutch resident working in Germany builds up pension under two systems.",
        "border": [Border.NL_DE],
        "feature_ids": [KNOWN_FEATURE],
        "source": "https://www.grenzinfo.eu/",
        "reported_by": "GrensInfoPunt Aachen",
    }
    defaults.update(values)
    if not [w for w in at.sidebar.text_input if w.key == "report_title"]:
        open_part(at, state.REPORT_BOX)  # a person opens the form before typing in it
    for name, value in defaults.items():
        widgets = [
            w for kind in ("text_input", "text_area", "multiselect", "selectbox", "radio") for w in at.sidebar.get(kind)
        ]
        match = [w for w in widgets if getattr(w, "key", None) == f"report_{name}"]
        (element,) = match
        if hasattr(element, "input"):
            element.input(value)
        else:
            element.set_value(value)


def submit(at: AppTest, label: str = "Opslaan") -> None:
    (button,) = [b for b in at.button if b.label == label]
    button.click().run()
    assert not at.exception, at.exception


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_valid_report_is_saved_and_shown_at_once(app_csv) -> None:
    at, csv_path = app_csv
    before = len(load_records(csv_path))
    fill(at)
    submit(at)
    assert errors(at) == []
    assert any("Opgeslagen" in s.value for s in at.success)
    records = load_records(csv_path)
    assert len(records) == before + 1
    new = records[-1]
    assert new.title_nl == "Pension rules differ for border workers" and new.feature_ids == (KNOWN_FEATURE,)
    assert new.title_en == "" and new.changed_by == "local" and new.version == 1  # typed in the Dutch interface
    # the form is cleared, the table and the panel show the record
    assert at.sidebar.text_input(key="report_title").value == ""
    switch_view(at, "table")
    open_part(at, state.FILTER_BOX)
    at.text_input(key="filter_text").input("pension rules").run()  # the table pages; the search finds it
    assert list(at.dataframe[0].value["Titel"]) == [new.title_nl]
    at.text_input(key="filter_text").input("").run()
    switch_view(at, "map")
    click(at, KNOWN_FEATURE)
    assert f'data-record="{new.id}"' in panel_html(at)


@pytest.fixture
def app_csv(monkeypatch: pytest.MonkeyPatch, csv_path: Path) -> tuple[AppTest, Path]:
    return start(monkeypatch, csv_path), csv_path


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": ""}, "ontbreekt: titel en samenvatting"),
        ({"title": "", "summary": ""}, "is verplicht: geef een titel en samenvatting"),
        ({"title": "ab"}, "te kort (minstens 3 tekens)"),
        ({"summary": "too short"}, "te kort (minstens 10 tekens)"),
        ({"border": []}, "minstens één waarde"),
        ({"feature_ids": []}, "minstens één waarde"),
        ({"source": ""}, "is verplicht"),
        ({"source": "htp:/broken link"}, "volledig http(s)-adres"),
        ({"source": "https://exa mple.org"}, "volledig http(s)-adres"),
        ({"status": Status.RUNNING}, "geen status van een obstacle"),
        ({"kind": Kind.INITIATIVE}, "geen status van een initiative"),
    ],
)
def test_each_rejection_shows_a_message_and_writes_nothing(app_csv, values: dict, message: str) -> None:
    at, csv_path = app_csv
    before = csv_path.read_bytes()
    fill(at, **values)
    submit(at)
    assert any(message in e for e in errors(at)), errors(at)
    assert csv_path.read_bytes() == before
    assert not Path(str(csv_path).replace(".csv", "_history.csv")).exists()


def test_hostile_text_is_stored_and_shown_as_text(app_csv) -> None:
    at, csv_path = app_csv
    hostile = {
        "title": "<script>alert(1)</script>",
        "summary": '"><svg onload=alert(1)> and =HYPERLINK("http://x","y")',
        "reported_by": '=HYPERLINK("http://x","y")',
    }
    fill(at, **hostile)
    submit(at)
    assert errors(at) == []
    new = load_records(csv_path)[-1]
    assert new.title_nl == hostile["title"] and new.summary_nl == hostile["summary"]
    click(at, KNOWN_FEATURE)
    html = panel_html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&quot;&gt;&lt;svg onload" in html
    assert "<script>" not in html and "<svg" not in html


def test_passphrase_is_required_when_configured(monkeypatch: pytest.MonkeyPatch, csv_path: Path) -> None:
    at = start(monkeypatch, csv_path, EDITOR_PASSPHRASE="grens2026")
    before = csv_path.read_bytes()
    fill(at)
    at.sidebar.text_input(key="report_pass").input("wrong")
    submit(at)
    assert any("wachtwoord klopt niet" in e.lower() for e in errors(at))
    assert csv_path.read_bytes() == before
    at.sidebar.text_input(key="report_pass").input("grens2026")
    submit(at)
    assert errors(at) == []
    assert csv_path.read_bytes() != before


def test_read_only_hides_the_forms(monkeypatch: pytest.MonkeyPatch, csv_path: Path) -> None:
    at = start(monkeypatch, csv_path, READ_ONLY="1")
    assert not [b for b in at.button if b.label == "Opslaan"]
    assert any("alleen-lezen" in c.value for c in at.sidebar.caption)


def test_clicked_feature_prefills_the_form(app_csv) -> None:
    at, _ = app_csv
    click(at, "bus:350-maastricht-aachen")
    assert at.sidebar.multiselect(key="report_feature_ids").value == ["bus:350-maastricht-aachen"]
    assert at.sidebar.multiselect(key="report_border").value == [Border.NL_DE]


def open_editor(at: AppTest, feature_id: str, record_id: str) -> None:
    """Select a feature, open the edit dialog under the panel and pick one of its records there."""
    click(at, feature_id)
    (button,) = [b for b in at.button if b.key == "edit_open_button"]
    button.click().run()
    assert not at.exception, at.exception
    if [s for s in at.selectbox if s.key == "edit_choice"]:
        at.selectbox(key="edit_choice").set_value(record_id).run()
        assert not at.exception, at.exception
    assert any(c.value.startswith(f"{record_id} · ") for c in at.caption), "the dialog shows the picked record"


def field(at: AppTest, kind: str, record_id: str, name: str):
    (widget,) = [w for w in at.get(kind) if (w.key or "").startswith(f"edit_{record_id}_") and w.key.endswith(name)]
    return widget


def test_status_update_is_kept_as_history(app_csv) -> None:
    at, csv_path = app_csv
    record_id = "gros-002"
    open_editor(at, "bus:350-maastricht-aachen", record_id)
    field(at, "selectbox", record_id, "_status").set_value(Status.ASSESSING)
    field(at, "text_area", record_id, "_status_note").input("Raised at the Vlaams-Nederlandse Top; IenW to assess.")
    submit(at, "Status wijzigen")
    assert errors(at) == []
    store = read_store(csv_path)
    assert store.get([record_id])[record_id].status is Status.ASSESSING
    created, entry = store.history(record_id)
    assert (created.action, created.version) == ("created", 1)
    assert (entry.from_status, entry.to_status, entry.actor_id, entry.actor_name, entry.version) == (
        "reported",
        "assessing",
        "local",
        "local (no sign-in)",  # a single machine without sign-in: said as such, not a typed name
        2,
    )
    assert not [b for b in at.button if b.label == "Status wijzigen"]  # the dialog closed after saving
    html = panel_html(at)
    assert "Raised at the Vlaams-Nederlandse Top" in html and "lokaal (zonder aanmelding)" in html


def test_status_update_without_note_is_refused(app_csv) -> None:
    at, csv_path = app_csv
    before = csv_path.read_bytes()
    open_editor(at, "bus:350-maastricht-aachen", "gros-002")
    submit(at, "Status wijzigen")
    assert any("toelichting is verplicht" in e for e in errors(at))
    assert csv_path.read_bytes() == before


def test_form_does_not_say_saved_when_the_file_ends_in_an_open_quote(
    monkeypatch: pytest.MonkeyPatch, csv_path: Path
) -> None:
    # The issue: an unclosed quote in the last row swallowed the new row while the form said "Opgeslagen".
    text = csv_path.read_text(encoding="utf-8")
    head, _, tail = text.rstrip("\n").rpartition(",")
    csv_path.write_text(f'{head},"{tail}\n', encoding="utf-8")
    line = text.count("\n")
    before = csv_path.read_bytes()
    at = start(monkeypatch, csv_path)
    assert any(f"regel {line}: aanhalingsteken dat op regel {line} opent" in t.value for t in at.text)
    fill(at)
    submit(at)
    assert not any("Opgeslagen" in s.value for s in at.success)
    assert any(f"open aanhalingsteken (regel {line})" in e for e in errors(at)), errors(at)
    assert csv_path.read_bytes() == before


def test_a_long_paste_is_kept_and_called_too_long(app_csv) -> None:
    """Streamlit drops input over a field's max_chars; the form then said "is required". Now the
    text stays, the message says what is wrong in the interface language, and nothing is written."""
    at, csv_path = app_csv
    before = csv_path.read_bytes()
    pasted = "Grensarbeid " * 900  # about 10,000 characters
    fill(at, title=pasted, summary=pasted)
    submit(at)
    assert any("te lang (hoogstens 160 tekens)" in e for e in errors(at)), errors(at)
    assert any("te lang (hoogstens 2000 tekens)" in e for e in errors(at)), errors(at)
    assert not any("verplicht" in e for e in errors(at))
    assert at.sidebar.text_input(key="report_title").value == pasted  # kept, to be shortened
    assert csv_path.read_bytes() == before


def test_messages_are_in_the_interface_language(monkeypatch: pytest.MonkeyPatch, csv_path: Path) -> None:
    for lang, expected in (("nl", "is verplicht"), ("en", "is required")):
        at = start(monkeypatch, csv_path)
        if lang == "en":
            at.segmented_control(key="lang").set_value("en").run()
        fill(at, source="")
        submit(at, "Opslaan" if lang == "nl" else "Save")
        assert any(expected in e for e in errors(at)), (lang, errors(at))


def test_every_required_field_is_marked_before_submitting(app_csv) -> None:
    at, _ = app_csv
    labels = {w.key.removeprefix("report_"): w.label for kind in ("text_input", "text_area", "multiselect",
              "selectbox", "radio") for w in at.sidebar.get(kind) if (w.key or "").startswith("report_")}  # fmt: skip
    marked = {name for name, label in labels.items() if label.endswith(" *")}
    assert marked == {"kind", "title", "summary", "theme", "border", "feature_ids", "status", "source"}, labels
    assert any("* zijn verplicht" in c.value for c in at.sidebar.caption)


def test_closed_by_default_when_reachable_without_a_passphrase(monkeypatch: pytest.MonkeyPatch, csv_path: Path) -> None:
    """A server listening beyond this machine with no passphrase (or sign-in) shows no forms and
    says how to enable editing; with a passphrase the forms are there."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = start(monkeypatch, csv_path)
        assert not [b for b in at.button if b.label == "Opslaan"]
        assert any("editor_passphrase" in i.value for i in at.sidebar.info)
        at = start(monkeypatch, csv_path, EDITOR_PASSPHRASE="grens2026")
        assert [b for b in at.button if b.label == "Opslaan"]
    finally:
        config.set_option("server.address", before)


def test_the_default_listens_on_this_machine_only() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "localhost"
