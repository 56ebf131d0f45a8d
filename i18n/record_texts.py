"""Texts of the records, in Dutch and English: vocabulary labels and validation messages.

Keys of vocabulary labels are ``<vocabulary>.<value>`` (``theme.labour``, ``status.reported``);
``field.*`` names a record column, ``error.*`` says what is wrong with a value, ``problem.*`` what is
wrong with a row of the file, ``store.*`` why a write was refused, ``access.*`` who may do what.
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
    "review.published": ("Gepubliceerd", "Published"),
    "review.pending": ("Wacht op beoordeling", "Awaiting review"),
    "review.rejected": ("Afgewezen", "Rejected"),
    "review.merged": ("Samengevoegd", "Merged"),
    "record.only_nl": ("alleen in het Nederlands", "Dutch only"),
    "record.only_en": ("alleen in het Engels", "English only"),
    # column names, for messages
    "field.id": ("id", "id"),
    "field.version": ("versie", "version"),
    "field.kind": ("soort", "kind"),
    "field.status": ("status", "status"),
    "field.review": ("beoordeling", "review"),
    "field.theme": ("thema", "theme"),
    "field.border": ("grens", "border"),
    "field.feature_ids": ("gekoppelde objecten", "linked features"),
    "field.title_nl": ("titel (NL)", "title (Dutch)"),
    "field.summary_nl": ("samenvatting (NL)", "summary (Dutch)"),
    "field.title_en": ("titel (EN)", "title (English)"),
    "field.summary_en": ("samenvatting (EN)", "summary (English)"),
    "field.legal_basis_nl": ("rechtsgrond Nederland", "legal basis, Netherlands"),
    "field.legal_basis_other": ("rechtsgrond buurland", "legal basis, neighbour country"),
    "field.responsible": ("verantwoordelijke", "responsible"),
    "field.source": ("bron", "source"),
    "field.reported_on": ("gemeld op", "reported on"),
    "field.updated_on": ("bijgewerkt op", "updated on"),
    "field.dates_approximate": ("datums bij benadering", "dates approximate"),
    "field.reported_by": ("gemeld door", "reported by"),
    "field.created_by": ("aangemaakt door", "created by"),
    "field.changed_at": ("gewijzigd op", "changed at"),
    "field.changed_by": ("gewijzigd door", "changed by"),
    "field.change_note": ("toelichting", "change note"),
    "field.review_note": ("reden van afwijzing", "review note"),
    "field.merged_into": ("samengevoegd met", "merged into"),
    "field.changed_by_name": ("naam van wie wijzigde", "name of who changed it"),
    "field.record": ("record", "record"),
    # what is wrong with a value
    "error.required": ("is verplicht", "is required"),
    "error.required_one_language": (
        "is verplicht: geef een titel en samenvatting in het Nederlands of het Engels",
        "is required: give a title and summary in Dutch or English",
    ),
    "error.half_pair": (
        "ontbreekt: titel en samenvatting in een taal horen bij elkaar",
        "is missing: a title and a summary in one language go together",
    ),
    "error.too_short": ("is te kort (minstens {limit} tekens)", "is too short (at least {limit} characters)"),
    "error.too_long": ("is te lang (hoogstens {limit} tekens)", "is too long (at most {limit} characters)"),
    "error.at_least_one": ("heeft minstens één waarde nodig", "needs at least one value"),
    "error.too_many": ("heeft te veel waarden (hoogstens {limit})", "has too many values (at most {limit})"),
    "error.not_a_date": (
        "{value} is geen datum in de vorm JJJJ-MM-DD",
        "{value} is not a date in the form YYYY-MM-DD",
    ),
    "error.date_range": (
        "moet liggen tussen {earliest} en vandaag",
        "date must lie between {earliest} and today",
    ),
    "error.date_order": ("bijgewerkt op ligt vóór gemeld op", "updated_on lies before reported_on"),
    "error.unknown_choice": (
        "{value} is geen bekende {field}; kies uit: {choices}",
        "{value} is not a known {field}; choose one of: {choices}",
    ),
    "error.bad_url": (
        "een URL moet een volledig http(s)-adres zijn, bijv. https://www.example.org/pagina",
        "a URL must be a well-formed http(s) address, e.g. https://www.example.org/page",
    ),
    "error.unknown_feature": (
        "onbekend object {value}: geen object op de kaart heeft dit id",
        "unknown feature id {value}: no map feature has this id",
    ),
    "error.malformed_feature": (
        "onjuist object-id {value} (verwacht '<laag>:<naam>')",
        "malformed feature id {value} (expected '<layer>:<slug>')",
    ),
    "error.status_kind": (
        "{status} is geen status van een {kind}; kies uit: {allowed}",
        "{status} is not a status of an {kind}; use one of: {allowed}",
    ),
    "error.single_line": (
        "moet één regel zijn, zonder stuurtekens",
        "must be a single line without control characters",
    ),
    "error.control_chars": ("bevat stuurtekens", "contains control characters"),
    "error.bad_id": (
        "mag alleen kleine letters, cijfers en koppeltekens bevatten",
        "may hold only lower-case letters, digits and hyphens",
    ),
    "error.bad_number": ("{value} is geen geheel getal van 1 of meer", "{value} is not a whole number of 1 or more"),
    "error.bad_bool": ("{value} moet true of false zijn", "{value} must be true or false"),
    "error.bad_timestamp": (
        "{value} is geen UTC-tijdstip in de vorm JJJJ-MM-DDTuu:mm:ssZ",
        "{value} is not a UTC time in the form YYYY-MM-DDThh:mm:ssZ",
    ),
    "error.merged_needs_target": (
        "een samengevoegd record noemt het record waarin het opging",
        "a merged record names the record it was merged into",
    ),
    "error.target_needs_merged": (
        "alleen een samengevoegd record noemt een ander record",
        "only a merged record names another record",
    ),
    "error.rejected_needs_reason": (
        "een afgewezen melding heeft een reden nodig",
        "a rejected report needs a reason",
    ),
    "error.invalid": ("is ongeldig: {detail}", "is invalid: {detail}"),
    # what is wrong with a row of the file
    "problem.field": ("{field}: {problem}", "{field}: {problem}"),
    "problem.unclosed_quote": (
        "aanhalingsteken dat op regel {line} opent wordt niet (goed) gesloten; de record loopt tot regel {end}."
        " Deze rij is overgeslagen, de regels erna zijn los gelezen",
        "unclosed quote starting on line {line} (the record runs to line {end}); this row is skipped,"
        " the lines after it were read on their own",
    ),
    "problem.bad_quote": (
        'aanhalingsteken op de verkeerde plek (een " binnen een veld moet dubbel: "")',
        'quote in the wrong place (a " inside a field must be doubled: "")',
    ),
    "problem.columns": ("verwacht {expected} kolommen, gevonden {found}", "expected {expected} columns, found {found}"),
    "problem.nul": ("bevat een NUL-teken (regel {line})", "contains a NUL byte (line {line})"),
    "problem.bom": (
        "bevat een byte-order-mark (BOM) midden in het bestand (regel {line})",
        "contains a byte-order mark (BOM) in the middle of the file (line {line})",
    ),
    "problem.newline": (
        "gemengde regeleinden (CR/LF) op regel {line}",
        "mixed line endings (CR/LF) on line {line}",
    ),
    "problem.encoding": ("regel {line} is geen geldige UTF-8", "line {line} is not valid UTF-8"),
    "problem.duplicate": (
        "id {id} met versie {version} staat er twee keer in",
        "duplicate id {id} with version {version}",
    ),
    "problem.torn": (
        "Een schrijfactie die werd afgebroken (de server stopte midden in het opslaan) is apart gezet in"
        " {file} ({bytes} bytes). Kijk of er een melding ontbreekt en voer die zo nodig opnieuw in;"
        " verwijder daarna het bestand",
        "A write that was cut short (the server stopped while saving) was set aside in {file}"
        " ({bytes} bytes). Check whether a report is missing and enter it again if so; then remove"
        " the file",
    ),
    "problem.header": (
        "de eerste regel moet de kopregel zijn, met minstens de kolommen {columns}",
        "the first line must be the header, with at least the columns {columns}",
    ),
    # why a write was refused (nothing was written)
    "store.duplicate_id": ("er bestaat al een record met id {id}", "a record with id {id} already exists"),
    "store.unknown_record": ("geen leesbaar record met id {id}", "no readable record with id {id}"),
    "store.conflict": (
        "{id} is intussen door iemand anders gewijzigd (nu versie {version}); hier is de huidige stand."
        " Er is niets overschreven",
        "{id} was changed by someone else meanwhile (now version {version}); here is the current state."
        " Nothing was overwritten",
    ),
    "store.note_required": ("een toelichting is verplicht", "a status change needs a note explaining it"),
    "store.note_too_long": (
        "de toelichting is te lang (hoogstens {limit} tekens)",
        "the note is too long (at most {limit} characters)",
    ),
    "store.lifecycle": (
        "kan niet van {old} naar {new}; toegestaan: {allowed}",
        "cannot move from {old} to {new}; allowed: {allowed}",
    ),
    "store.not_pending": (
        "{id} wacht niet op beoordeling (beoordeling: {review})",
        "{id} is not awaiting review (review: {review})",
    ),
    "store.not_published": (
        "{id} is niet gepubliceerd (beoordeling: {review})",
        "{id} is not published (review: {review})",
    ),
    "store.not_editable": ("{field} kan zo niet worden gewijzigd", "{field} cannot be changed this way"),
    "store.merge_self": (
        "een record kan niet met zichzelf worden samengevoegd",
        "a record cannot be merged into itself",
    ),
    "store.kind_mismatch": (
        "{id} is een {kind}, {other} een {other_kind}: alleen gelijke soorten kunnen samen",
        "{id} is an {kind} and {other} an {other_kind}: only records of one kind can be merged",
    ),
    "store.tail_open": (
        "{file} eindigt in een open aanhalingsteken (regel {line}); herstel die regel eerst. Er is niets opgeslagen",
        "{file} ends inside an unclosed quote (line {line}); fix that line first. Nothing was saved",
    ),
    "store.bad_header": (
        "de kopregel van {file} is onleesbaar; herstel regel 1 eerst. Er is niets opgeslagen",
        "the header of {file} cannot be read; fix line 1 first. Nothing was saved",
    ),
    "store.readback": (
        "{id} is geschreven, maar teruglezen gaf iets anders: controleer {file} rond regel {line}",
        "{id} was written, but reading it back gave something else: check {file} around line {line}",
    ),
    "store.locked": (
        "{file} is bezet door een andere schrijver; probeer het zo opnieuw. Er is niets opgeslagen",
        "{file} is held by another writer; try again shortly. Nothing was saved",
    ),
    "store.replaced": (
        "{file} is intussen vervangen; probeer het opnieuw. Er is niets opgeslagen",
        "{file} was replaced meanwhile; try again. Nothing was saved",
    ),
    "store.invalid_change": (
        "de wijziging maakt {id} ongeldig: {problems}",
        "the change makes {id} invalid: {problems}",
    ),
    # who may do what
    "access.denied": ("{role} mag niet {action}", "a {role} may not {action}"),
    "role.viewer": ("lezer", "viewer"),
    "role.reporter": ("melder", "reporter"),
    "role.editor": ("redacteur", "editor"),
    "role.admin": ("beheerder", "admin"),
    "action.add": ("records toevoegen", "add records"),
    "action.change_status": ("de status wijzigen", "change a status"),
    "action.edit": ("records bewerken", "edit records"),
    "action.review": ("meldingen beoordelen", "review reports"),
    "action.merge": ("dubbele records samenvoegen", "merge duplicates"),
    "change.created": ("aangemaakt", "created"),
    "change.status": ("status gewijzigd", "status changed"),
    "change.edited": ("bewerkt", "edited"),
    "change.accepted": ("geaccepteerd", "accepted"),
    "change.rejected": ("afgewezen", "rejected"),
    "change.merged": ("samengevoegd", "merged"),
}
