"""How dates and kinds read on screen."""

from __future__ import annotations

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

KIND_LABELS = {
    "party_congress": "Party Congress",
    "party_conference": "Party Conference",
    "cc_plenary": "CC Plenary Meeting",
    "politburo_meeting": "Politburo Meeting",
    "spa_session": "SPA Session",
    "spa_standing_committee": "SPA Standing Committee",
    "cmc_meeting": "Central Military Commission",
    "secretariat_meeting": "Secretariat Meeting",
    "other_party_meeting": "Other Party Meeting",
    "other": "Other",
}

KIND_COLOURS = {
    "party_congress": "#c0392b",
    "party_conference": "#e67e22",
    "cc_plenary": "#8e44ad",
    "politburo_meeting": "#2980b9",
    "spa_session": "#16a085",
    "spa_standing_committee": "#27ae60",
    "cmc_meeting": "#6d4c41",
    "secretariat_meeting": "#5d6d7e",
    "other_party_meeting": "#7f8c8d",
    "other": "#95a5a6",
}


STATUS_LABELS = {"announced": "announced", "postponed": "postponed", "held": ""}
BASIS_LABELS = {
    "text": "",
    "dateline": "dated from the article's dateline or publication date",
    "other_source": "dated by another source",
    "chronology": "date from the reference chronology, not from any source text",
}


def _one(value: str) -> tuple[str, str, str]:
    parts = value.split("-")
    year = parts[0]
    month = _MONTHS[int(parts[1]) - 1] if len(parts) > 1 else ""
    day = str(int(parts[2])) if len(parts) > 2 else ""
    return year, month, day


def date_label(start: str | None, end: str | None = None, precision: str | None = None) -> str:
    """A date or range at its precision: "Apr 2012", "2013", "5–12 Jan 2021", "from 23 Dec 2016"
    (the end known only to the month), "Undated"."""
    if not start:
        return "Undated"
    y1, m1, d1 = _one(start)
    if not end or end == start:
        return " ".join(x for x in (d1, m1, y1) if x)
    if len(end) < len(start) and start.startswith(end):
        # the first day known, the last only to its month or year: "from 23 Dec 2016"
        return "from " + " ".join(x for x in (d1, m1, y1) if x)
    y2, m2, d2 = _one(end)
    if y1 == y2 and m1 == m2 and d1 and d2:
        return f"{d1}–{d2} {m1} {y1}"
    if y1 == y2 and m1 and m2 and not d1:
        return f"{m1}–{m2} {y1}"
    if y1 == y2 and d1 and d2:
        return f"{d1} {m1} – {d2} {m2} {y1}"
    left = " ".join(x for x in (d1, m1, y1) if x)
    right = " ".join(x for x in (d2, m2, y2) if x)
    return f"{left} – {right}"
