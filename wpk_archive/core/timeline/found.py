"""The meetings of one sentence as the extraction carries them (see :mod:`.dating` and
:mod:`.extract`): a :class:`Ref` is a meeting as the timeline keys it, what an anaphor points back
to; a :class:`Found` is a name found in a sentence with the date and the status given to it on the
way to becoming a mention (the rules that fill it in are in the modules that use it)."""

from __future__ import annotations

from dataclasses import dataclass

from wpk_archive.core.dates import DateMention


@dataclass(frozen=True)
class Ref:
    """A meeting as the timeline keys it (what an anaphor points back to)."""

    kind: str
    key: str
    name: str
    ambiguous: bool


@dataclass
class Found:
    """A meeting of one sentence, about to become a mention."""

    start: int
    end: int
    ref: Ref
    needs_date: bool
    loose_identity: bool
    date: DateMention | None = None
    date_name: str | None = None
    loose_date: bool = False
    anaphor: bool = False
    fallback: Ref | None = None
    """What an unnumbered name refers back to when the sentence gives it no date."""
    previous: bool = False
    """ "the previous congress" with no congress named before it."""
    plural: bool = False
    guessed: bool = False
    """An anaphor with no antecedent, read as its story's meeting ("The plenary session ...")."""
    reported: bool = False
    """Dated as the day before state media reported it (news.held_before_report): a guess that
    a day the story gives for a meeting of its kind overrules."""
    """ "the previous Congresses were held in 1946, 1948 and 1956": one meeting per date."""
