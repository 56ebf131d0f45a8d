"""Interface texts of the map: layer names, legend and geometry quality, in Dutch and English: {key: (nl, en)}."""

from __future__ import annotations

LAYER_TEXTS: dict[str, tuple[str, str]] = {
    "layer.basemap": ("Offline kaart", "Offline map"),
    "layer.osm": ("OpenStreetMap (online)", "OpenStreetMap (online)"),
    "layer.borders": ("Landsgrenzen", "National borders"),
    "layer.bus_lines": ("Grensoverschrijdende buslijnen", "Cross-border bus lines"),
    "layer.pipelines": ("Buisleidingen en grenspunten", "Pipelines and border points"),
    "layer.ports": ("Havens", "Ports"),
    "layer.regio_deals": ("Regio Deal-gebieden", "Regio Deal areas"),
    "layer.interreg": ("Interreg-programmagebieden", "Interreg programme areas"),
    "layer.hotspots": ("Open belemmeringen", "Open obstacles"),
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
    "legend.regio_deal": ("Regio Deal-gebied", "Regio Deal area"),
    "legend.interreg": ("Interreg VI-A", "Interreg VI-A"),
    "legend.hotspot": ("Aantal open belemmeringen", "Number of open obstacles"),
    "legend.schematic": ("Lijnen zijn schematisch, vlakken benaderd", "Lines are schematic, areas approximate"),
    "quality.exact": ("exact", "exact"),
    "quality.generalised": (
        "gegeneraliseerd — officiële grenzen, vereenvoudigd tot ca. 100 m",
        "generalised — official boundaries, simplified to about 100 m",
    ),
    "quality_tip.generalised": ("gegeneraliseerde grenzen", "generalised boundaries"),
    "quality.approximate": (
        "benaderd — geen exacte ligging of officiële grens",
        "approximate — not an exact position or official boundary",
    ),
    "quality_tip.approximate": ("benaderde ligging", "approximate geometry"),
    "quality_tip.schematic": ("schematische route", "schematic route"),
    "quality.schematic": ("schematisch — volgt niet de echte route", "schematic — does not follow the real route"),
    # Facts of the area layers (Regio Deals, Interreg, Euregios): the label of property <key>, with its unit.
    "prop.area_km2": ("Oppervlakte op de kaart (km²)", "Area as drawn (km²)"),
    "prop.municipalities": ("Gemeenten op de kaart (indeling 2024)", "Municipalities drawn (2024 boundaries)"),
    "prop.municipality_count": ("Aantal gemeenten op de kaart", "Number of municipalities drawn"),
    "prop.uncertain": ("Onzeker of ze meedoen", "Membership uncertain"),
    "prop.rounds": ("Rondes (jaar): rijksbijdrage in mln €", "Rounds (year): state contribution in € m"),
    "prop.first_year": ("Eerste jaar", "First year"),
    "prop.deal_titles": ("Titels van de deals", "Deal titles"),
    "prop.state_contribution_eur_m": (
        "Rijksbijdrage, bekende rondes samen (mln €)",
        "State contribution, known rounds together (€ m)",
    ),
}
