"""People: officials named in the articles, their offices and their order in printed lists.

- :mod:`.names`: Korean names in romanisation, found in text; :func:`person_key`, one key for
  every spelling of a name;
- :mod:`.triggers`: the words that open or close a printed list, and its kind;
- :mod:`.offices`: offices read beside a name, split into single offices, keyed;
- :mod:`.wording`: sentences, titles before names, verbs, quotation marks;
- :mod:`.extract`: one document's appearances (:func:`extract_appearances`);
- :mod:`.merge`: appearances of all documents merged into people, with the user's splits;
- :mod:`.compare`: two lists compared (:func:`compare_lists`).

Nothing here touches the store: the caller extracts on import, keeps the appearances, and merges
them (with the user's splits, stored apart) whenever people are shown.
"""

from wpk_archive.core.people.compare import compare_lists
from wpk_archive.core.people.extract import extract_appearances
from wpk_archive.core.people.merge import (
    appearances_per_month,
    days_absent,
    lists_of,
    merge_people,
    offices_of,
    person_id,
    split_matches,
)
from wpk_archive.core.people.model import (
    LIST_KINDS,
    Appearance,
    ListComparison,
    ListEntry,
    Office,
    Person,
    Split,
)
from wpk_archive.core.people.names import find_names, person_key
from wpk_archive.core.people.offices import office_key, split_offices
from wpk_archive.core.shapes import appearance_to_json, person_to_json

PEOPLE_VERSION = 1
"""Raised whenever extraction changes what it finds: stored appearances of an earlier version
should be extracted again."""

__all__ = [
    "LIST_KINDS",
    "PEOPLE_VERSION",
    "Appearance",
    "ListComparison",
    "ListEntry",
    "Office",
    "Person",
    "Split",
    "appearance_to_json",
    "appearances_per_month",
    "compare_lists",
    "days_absent",
    "extract_appearances",
    "find_names",
    "lists_of",
    "merge_people",
    "office_key",
    "offices_of",
    "person_id",
    "person_key",
    "person_to_json",
    "split_matches",
    "split_offices",
]
