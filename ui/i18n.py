"""Interface texts in Dutch (default) and English. Record content stays as written."""

from __future__ import annotations

LANGUAGES = ("nl", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # layer names
    "layer.basemap": ("Offline kaart", "Offline map"),
    "layer.osm": ("OpenStreetMap (online)", "OpenStreetMap (online)"),
    "layer.borders": ("Landsgrenzen", "National borders"),
    "layer.bus_lines": ("Grensoverschrijdende buslijnen", "Cross-border bus lines"),
    "layer.pipelines": ("Buisleidingen en grenspunten", "Pipelines and border points"),
    "layer.ports": ("Havens", "Ports"),
    "layer.regio_deals": ("Regio Deal-gebieden", "Regio Deal areas"),
    "layer.interreg": ("Interreg-programmagebieden", "Interreg programme areas"),
    "layer.hotspots": ("Open belemmeringen", "Open obstacles"),
    # legend
    "legend.title": ("Legenda", "Legend"),
    "legend.border_be": ("Grens NL–BE", "Border NL–BE"),
    "legend.border_de": ("Grens NL–DE", "Border NL–DE"),
    "legend.enclave": ("Enclave Baarle", "Baarle enclave"),
    "legend.bus_running": ("Buslijn (rijdt)", "Bus line (running)"),
    "legend.bus_discontinued": ("Buslijn (opgeheven)", "Bus line (discontinued)"),
    "legend.pipeline_operating": ("Buisleiding (in bedrijf)", "Pipeline (operating)"),
    "legend.pipeline_planned": ("Buisleiding (gepland)", "Pipeline (planned)"),
    "legend.gas_point": ("Grenspunt gasnet", "Gas border point"),
    "legend.port": ("Haven", "Port"),
    "legend.regio_deal": ("Regio Deal (benadering)", "Regio Deal (approximate)"),
    "legend.interreg": ("Interreg VI-A", "Interreg VI-A"),
    "legend.hotspot": ("Aantal open belemmeringen", "Number of open obstacles"),
    "legend.schematic": ("Lijnen zijn schematisch, vlakken benaderd", "Lines are schematic, areas approximate"),
    # app
    "app.title": ("Kaart van grensbelemmeringen", "Border-obstacle map"),
    "app.subtitle": (
        "Belemmeringen en initiatieven langs de grenzen van Nederland met België en Duitsland",
        "Obstacles and initiatives along the Dutch borders with Belgium and Germany",
    ),
    "app.language": ("Taal / language", "Language / taal"),
    "app.data_problems": ("rij(en) in {file} overgeslagen", "row(s) in {file} skipped"),
    "app.line": ("regel", "line"),
    "filters.header": ("Filters", "Filters"),
    "filters.border": ("Grens", "Border"),
    "filters.theme": ("Thema", "Theme"),
    "filters.status": ("Status", "Status"),
    "filters.kind": ("Soort", "Kind"),
    "filters.all": ("Alle", "All"),
    "form.choose": ("Kies…", "Choose…"),
    "filters.text": ("Zoeken in tekst", "Search text"),
    "panel.empty": (
        "Klik op een grens, buslijn, leiding, haven of gebied om de belemmeringen en initiatieven te zien.",
        "Click a border, bus line, pipeline, port or area to see its obstacles and initiatives.",
    ),
    "panel.records": ("Belemmeringen en initiatieven", "Obstacles and initiatives"),
    "panel.none": (
        "Geen records bij dit object (met de huidige filters).",
        "No records for this feature (with the current filters).",
    ),
    "panel.more": ("… en nog {n}: zie de tabel onder de kaart.", "… and {n} more: see the table below the map."),
    "table.limited": (
        "De tabel toont de eerste {shown} van {total}; verfijn met de filters of download de CSV.",
        "The table shows the first {shown} of {total}; narrow it with the filters or download the CSV.",
    ),
    "panel.whole_border": ("Elders langs deze grens", "Elsewhere along this border"),
    "panel.source": ("Bron", "Source"),
    "panel.quality": ("Geometrie", "Geometry"),
    "panel.history": ("Geschiedenis", "History"),
    "panel.clear": ("Selectie wissen", "Clear selection"),
    "quality.exact": ("exact", "exact"),
    "quality.approximate": (
        "benaderd — geen exacte ligging of officiële grens",
        "approximate — not an exact position or official boundary",
    ),
    "quality.schematic": ("schematisch — volgt niet de echte route", "schematic — does not follow the real route"),
    "form.header": ("Meld een belemmering", "Report an obstacle"),
    "form.kind": ("Soort", "Kind"),
    "form.title": ("Titel", "Title"),
    "form.summary": ("Samenvatting", "Summary"),
    "form.features": ("Gekoppelde objecten op de kaart", "Linked map features"),
    "form.features_help": (
        "Vooraf ingevuld met het object dat je op de kaart aanklikte; typ om andere te zoeken.",
        "Pre-filled with the feature you clicked on the map; type to search for others.",
    ),
    "form.legal_nl": ("Rechtsgrond Nederland", "Legal basis, Netherlands"),
    "form.legal_other": ("Rechtsgrond buurland", "Legal basis, neighbour country"),
    "form.responsible": ("Wie kan het oplossen?", "Who can solve it?"),
    "form.source": ("Bron (verwijzing of URL)", "Source (citation or URL)"),
    "form.source_help": (
        "Bijvoorbeeld: Kamerstuk 32 851, nr. 69, of https://…",
        "For example: Kamerstuk 32 851, nr. 69, or https://…",
    ),
    "form.reported_by": ("Naam / organisatie (optioneel)", "Name / organisation (optional)"),
    "form.passphrase": ("Wachtwoord voor redacteuren", "Editor passphrase"),
    "form.bad_passphrase": (
        "Het wachtwoord klopt niet; er is niets opgeslagen.",
        "Wrong passphrase; nothing was saved.",
    ),
    "form.submit": ("Opslaan", "Save"),
    "form.saved": ("Opgeslagen: “{title}” ({id}).", "Saved: “{title}” ({id})."),
    "form.read_only": ("Deze kaart is alleen-lezen.", "This map is read-only."),
    "update.header": ("Werk een record bij", "Update a record"),
    "update.record": ("Record", "Record"),
    "update.status": ("Nieuwe status", "New status"),
    "update.note": ("Toelichting (verplicht)", "Note (required)"),
    "update.submit": ("Status wijzigen", "Change status"),
    "update.saved": ("Status gewijzigd in {status}.", "Status changed to {status}."),
    "update.none": ("Geen records om bij te werken.", "No records to update."),
    "update.final": (
        "Dit record is afgerond; de status kan niet meer veranderen.",
        "This record is closed; its status cannot change.",
    ),
    "table.title": ("Titel", "Title"),
    "table.features": ("Objecten", "Features"),
    "table.updated": ("Bijgewerkt", "Updated"),
    "tab.map": ("Kaart", "Map"),
    "tab.stats": ("Statistieken", "Statistics"),
    "share.header": ("Delen", "Share"),
    "share.help": (
        "Deze link opent de kaart zoals je hem nu ziet (selectie, lagen, filters, uitsnede); kopieer hem met de knop.",
        "This link opens the map as you see it now (selection, layers, filters, view); copy it with the button.",
    ),
    "share.present": ("Presentatiemodus met rondgang", "Presentation mode with tour"),
    "export.header": ("Downloaden", "Download"),
    "export.help": ("De {n} records die de filters nu tonen.", "The {n} records the filters show now."),
    "export.csv": ("Records als CSV (spreadsheet)", "Records as CSV (spreadsheet)"),
    "export.geojson": ("Records als GeoJSON (GIS)", "Records as GeoJSON (GIS)"),
    "export.html": ("Kaart als HTML-bestand (offline)", "Map as an HTML file (offline)"),
    "stats.over_time": ("Open en afgesloten belemmeringen door de tijd", "Open and closed obstacles over time"),
    "stats.open": ("open", "open"),
    "stats.closed": ("afgesloten (opgelost of niet oplosbaar)", "closed (solved or not solvable)"),
    "stats.borders": ("Grenslengte", "Border length"),
    "stats.measured_km": ("gemeten op de kaart (km)", "measured on the map (km)"),
    "stats.letter_km": ("volgens de Kamerbrief (km)", "according to the letter (km)"),
    "stats.commuters": ("Grenspendelaars per dag", "Cross-border commuters per day"),
    "stats.from": ("van", "from"),
    "stats.to": ("naar", "to"),
    "stats.workers": ("werknemers (ca.)", "workers (about)"),
    "tour.previous": ("Vorige", "Previous"),
    "tour.next": ("Volgende", "Next"),
    "table.header": ("Records", "Records"),
    "table.counts": (
        "{total} records: {obstacle} belemmeringen ({open} open), {initiative} initiatieven",
        "{total} records: {obstacle} obstacles ({open} open), {initiative} initiatives",
    ),
}


def t(key: str, lang: str = "nl", **values: object) -> str:
    """Return the text for ``key`` in ``lang``, formatted with ``values``.

    >>> t("layer.ports", "en")
    'Ports'
    """
    nl, en = TEXTS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text
