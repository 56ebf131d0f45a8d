"""Interface texts of the map: layer names, legend and geometry quality, in Dutch and English: {key: (nl, en)}."""

from __future__ import annotations

LAYER_TEXTS: dict[str, tuple[str, str]] = {
    "layer.basemap": ("Offline kaart", "Offline map"),
    "layer.osm": ("OpenStreetMap (online)", "OpenStreetMap (online)"),
    "layer.pdok": ("PDOK BRT-Achtergrondkaart (online)", "PDOK BRT base map (online)"),
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
    "legend.regio_deal": ("Regio Deal (benadering)", "Regio Deal (approximate)"),
    "legend.interreg": ("Interreg VI-A", "Interreg VI-A"),
    "legend.hotspot": ("Aantal open belemmeringen", "Number of open obstacles"),
    "legend.schematic": ("Lijnen zijn schematisch, vlakken benaderd", "Lines are schematic, areas approximate"),
    "quality.exact": ("exact", "exact"),
    "quality.approximate": (
        "benaderd — geen exacte ligging of officiële grens",
        "approximate — not an exact position or official boundary",
    ),
    "quality_tip.approximate": ("benaderde ligging", "approximate geometry"),
    "quality_tip.schematic": ("schematische route", "schematic route"),
    "quality.schematic": ("schematisch — volgt niet de echte route", "schematic — does not follow the real route"),
}
