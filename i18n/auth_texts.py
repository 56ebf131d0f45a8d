"""Texts of sign-in, roles, the review queue and the edit dialog, in Dutch and English: {key: (nl, en)}."""

from __future__ import annotations

AUTH_TEXTS: dict[str, tuple[str, str]] = {
    # sign-in
    "auth.sign_in": ("Aanmelden", "Sign in"),
    "auth.sign_out": ("Afmelden", "Sign out"),
    "auth.sign_in_again": ("Opnieuw aanmelden", "Sign in again"),
    "auth.no_role_short": ("geen rol", "no role"),
    "auth.signed_in_as": ("Aangemeld als **{name}** ({role})", "Signed in as **{name}** ({role})"),
    "auth.why_sign_in": (
        "Meld je aan met het account van je organisatie om belemmeringen te melden of te bewerken.",
        "Sign in with your organisation's account to report or edit obstacles.",
    ),
    "auth.no_role": (
        "Je bent aangemeld als {name}, maar dit account heeft geen rol op deze kaart. Vraag een beheerder om toegang.",
        "You are signed in as {name}, but this account has no role on this map. Ask an admin for access.",
    ),
    "auth.expired": (
        "Je aanmelding is verlopen ({name}); je kunt nu alleen lezen. Meld je opnieuw aan.",
        "Your sign-in has expired ({name}); you can only read now. Please sign in again.",
    ),
    "auth.incomplete_identity": (
        "De aanmelding gaf geen bruikbare identiteit (uitgever of onderwerp ontbreekt); je kunt alleen lezen.",
        "The sign-in gave no usable identity (issuer or subject missing); you can only read.",
    ),
    "auth.incomplete_config": (
        "Aanmelden is ingesteld maar onvolledig: in [auth] ontbreekt {keys}. Niemand kan nu schrijven.",
        "Sign-in is configured but incomplete: [auth] lacks {keys}. Nobody can write now.",
    ),
    "auth.gate_title": ("Aanmelden vereist", "Sign-in required"),
    "auth.gate_text": (
        "Deze kaart is alleen te zien voor aangemelde gebruikers met een rol. "
        "Meld je aan met het account van je organisatie.",
        "This map is for signed-in users with a role. Sign in with your organisation's account.",
    ),
    # configuration problems (shown to admins, logged)
    "roles.bad_list": (
        "[roles] {setting}: verwacht een lijst van e-mailadressen, @domeinen of groepen; genegeerd",
        "[roles] {setting}: expected a list of e-mail addresses, @domains or groups; ignored",
    ),
    "roles.bad_claim": (
        "[roles] claim: verwacht de naam van een claim (of een lijst); genegeerd",
        "[roles] claim: expected the name of a claim (or a list); ignored",
    ),
    "roles.bad_bool": (
        "[roles] {setting}: verwacht true of false; staat nu op false",
        "[roles] {setting}: expected true or false; taken as false",
    ),
    "roles.unknown_key": (
        "[roles] {setting}: geen instelling; bekend zijn {known}",
        "[roles] {setting}: not a setting; known are {known}",
    ),
    # who made a change, when it was not a signed-in person
    "actor.passphrase": ("wachtwoordmodus (gedeeld wachtwoord)", "passphrase mode (shared passphrase)"),
    "actor.local": ("lokaal (zonder aanmelding)", "local (no sign-in)"),
    "actor.seed": ("eerste vulling (Kamerbrieven)", "initial data (parliamentary letters)"),
    # panel
    "panel.reason": ("Reden van afwijzing", "Reason for rejection"),
    "panel.from_report": ("melding {id}", "report {id}"),
    "form.saved_pending": (
        "Ontvangen: “{title}” ({id}). Een redacteur beoordeelt je melding; tot dan zie alleen jij haar.",
        "Received: “{title}” ({id}). An editor will review your report; until then only you can see it.",
    ),
    # review queue
    "queue.header": ("Te beoordelen ({n})", "To review ({n})"),
    "queue.empty": ("Er wachten geen meldingen op beoordeling.", "No reports are waiting for review."),
    "queue.choose": ("Melding", "Report"),
    "queue.gone": ("Melding {id} is niet meer te lezen.", "Report {id} can no longer be read."),
    "queue.features": ("Gekoppeld aan", "Linked to"),
    "queue.sent_by": ("Gemeld door", "Reported by"),
    "queue.duplicates": (
        "Mogelijk dubbel (zelfde objecten, gelijkende titel):",
        "Possible duplicates (same features, similar title):",
    ),
    "queue.no_duplicates": (
        "Geen mogelijke dubbelen op dezelfde objecten.",
        "No possible duplicates on the same features.",
    ),
    "queue.similarity": ("titel {score}% gelijk", "title {score}% alike"),
    "queue.reason": (
        "Reden (verplicht bij afwijzen; de melder ziet haar) of toelichting",
        "Reason (required to reject; the reporter sees it) or note",
    ),
    "queue.merge_into": ("Samenvoegen met", "Merge into"),
    "queue.no_merge": ("— niet samenvoegen —", "— do not merge —"),
    "queue.accept": ("Accepteren", "Accept"),
    "queue.reject": ("Afwijzen", "Reject"),
    "queue.merge": ("Samenvoegen", "Merge"),
    "queue.accepted": ("Geaccepteerd: “{title}” is nu openbaar.", "Accepted: “{title}” is now public."),
    "queue.rejected": (
        "Afgewezen: “{title}”. De melder ziet de reden.",
        "Rejected: “{title}”. The reporter sees the reason.",
    ),
    "queue.merged": (
        "Samengevoegd: “{title}” is nu onderdeel van {target}.",
        "Merged: “{title}” is now part of {target}.",
    ),
    "queue.reason_required": (
        "geef een reden: de melder ziet waarom de melding is afgewezen",
        "give a reason: the reporter sees why the report was rejected",
    ),
    "queue.choose_target": ("kies het record om mee samen te voegen", "choose the record to merge into"),
    "queue.now": ("Nu: {review}, versie {v}.", "Now: {review}, version {v}."),
    "queue.mine": ("Mijn meldingen ({n})", "My reports ({n})"),
    # edit dialog
    "edit.choose": ("Record van dit paneel", "Record from this panel"),
    "edit.open": ("Bewerken", "Edit"),
    "edit.gone": ("Record {id} is niet meer te lezen.", "Record {id} can no longer be read."),
    "edit.based_on": ("{id} · versie {v} · {status}", "{id} · version {v} · {status}"),
    "edit.tab_status": ("Status", "Status"),
    "edit.tab_content": ("Tekst, vertaling, koppelingen en bron", "Text, translation, links and source"),
    "edit.new_status": ("Nieuwe status", "New status"),
    "edit.note": ("Toelichting", "Note"),
    "edit.change_status": ("Status wijzigen", "Change status"),
    "edit.final": (
        "Dit record is afgerond; de status kan niet meer veranderen.",
        "This record is closed; its status cannot change.",
    ),
    "edit.pending_first": (
        "Deze melding wacht op beoordeling: accepteer haar eerst (Te beoordelen, in de zijbalk).",
        "This report awaits review: accept it first (To review, in the sidebar).",
    ),
    "edit.translation_missing_nl": (
        "Dit record staat alleen in het Engels: vul de Nederlandse titel en samenvatting in.",
        "This record is in English only: add the Dutch title and summary.",
    ),
    "edit.translation_missing_en": (
        "Dit record staat alleen in het Nederlands: vul de Engelse titel en samenvatting in.",
        "This record is in Dutch only: add the English title and summary.",
    ),
    "edit.title_nl": ("Titel (Nederlands)", "Title (Dutch)"),
    "edit.summary_nl": ("Samenvatting (Nederlands)", "Summary (Dutch)"),
    "edit.title_en": ("Titel (Engels)", "Title (English)"),
    "edit.summary_en": ("Samenvatting (Engels)", "Summary (English)"),
    "edit.why": ("Toelichting (optioneel)", "Note (optional)"),
    "edit.save": ("Wijzigingen opslaan", "Save changes"),
    "edit.nothing": ("er is niets gewijzigd", "nothing was changed"),
    "edit.saved": ("Opgeslagen: “{title}” (versie {v}).", "Saved: “{title}” (version {v})."),
    "edit.conflict": (
        "Intussen door iemand anders gewijzigd ({who}, {when}, versie {v}); er is niets overschreven. "
        "Zo staat het record er nu:",
        "Changed by someone else meanwhile ({who}, {when}, version {v}); nothing was overwritten. "
        "This is the record as it is now:",
    ),
    "edit.rebase": ("Verder met de huidige versie", "Continue from the current version"),
}
