"""Texts of the records, in Dutch and English: vocabulary labels and validation messages.

Keys of vocabulary labels are ``<vocabulary>.<value>`` (``theme.labour``, ``status.reported``).
"""

from __future__ import annotations

RECORD_TEXTS: dict[str, tuple[str, str]] = {
    "kind.obstacle": ("Belemmering", "Obstacle"),
    "kind.initiative": ("Initiatief", "Initiative"),
    "theme.labour": ("Arbeid & sociale zekerheid", "Labour & social security"),
    "theme.tax": ("Belastingen", "Tax"),
    "theme.health": ("Zorg", "Health care"),
    "theme.education": ("Onderwijs & diploma's", "Education & diplomas"),
    "theme.mobility": ("Mobiliteit", "Mobility"),
    "theme.infrastructure": ("Infrastructuur & vergunningen", "Infrastructure & permits"),
    "theme.environment": ("Milieu & afval", "Environment & waste"),
    "theme.energy": ("Energie", "Energy"),
    "theme.safety": ("Veiligheid", "Safety"),
    "theme.digital": ("Digitale overheid", "Digital government"),
    "theme.governance": ("Bestuur & financiering", "Governance & funding"),
    "theme.crisis": ("Crisisaanpak", "Crisis response"),
    "border.NL-BE": ("Nederland–België", "Netherlands–Belgium"),
    "border.NL-DE": ("Nederland–Duitsland", "Netherlands–Germany"),
    "status.reported": ("Gemeld", "Reported"),
    "status.assessing": ("In beoordeling", "Being assessed"),
    "status.in_progress": ("In behandeling", "In progress"),
    "status.solved": ("Opgelost", "Solved"),
    "status.not_solvable": ("Niet oplosbaar", "Not solvable"),
    "status.planned": ("Gepland", "Planned"),
    "status.running": ("Loopt", "Running"),
    "status.completed": ("Afgerond", "Completed"),
}
