"""Figures from the seed letters that the statistics view shows beside the records."""

from __future__ import annotations

LETTER_2021 = "Kamerbrief grensoverschrijdende samenwerking, terugblik en vooruitblik (BZK, 2021), citing CBS (2020)"

#: Daily cross-border commuters (from, to, about how many), as the 2021 letter gives them.
COMMUTERS: tuple[tuple[str, str, int], ...] = (
    ("DE", "NL", 43_000),
    ("NL", "DE", 9_000),
    ("BE", "NL", 41_000),
    ("NL", "BE", 12_000),
)

#: Border lengths as the 2021 letter rounds them (the map measures its own).
LETTER_BORDER_KM = {"NL-BE": 460, "NL-DE": 580}
