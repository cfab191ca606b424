"""One document's appearances: the officials its lists print, in order, and those it names with
an office in apposition.

How a document is read:
1. Korean names are found (:mod:`.names`); names that stand for something else are dropped: a
   name followed by more capitalised words (Kim Il Sung Square, Kim Chaek University of
   Technology), a possessive (Kim Jong Il's Songun politics), a name inside quotation marks (the
   title of a work), after "the" or a ship's word, after a capitalised word that is no title (the
   tail of a foreign name), the dead whose names KCNA gives to places and titles, and Kim Jong Il
   after his death.
2. Each sentence is looked at for the words that open a list ("Present there were", "He was
   accompanied by", "Among the participants were", "... funeral committee ... made up of
   following persons:", "was elected") or close one ("... were present"). The names the list
   words govern form one list, numbered in the order printed; a list opened by a colon goes on
   in the next passage. A sentence that is a list without list words is one too: names with
   offices of the North and no verb ("Kang Sok Ju, member of ..., Kim Yong Il, ..., and officials
   concerned."), or officials as the subject of a verb ("Choe Yong Rim, Pak To Chun ... and other
   officials ... visited ..."). A sentence cut over two passages by a wrong paragraph break of the
   source is read whole.
3. Offices are read from the words after each name (or a title before it), shared by the names
   of a run when the office is plural ("Pak To Chun and Thae Jong Su, alternate members ...").
   A name with an office of another state is no official of the North and is dropped.
4. Outside lists, a name is an appearance only when an office stands beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wpk_archive.core.models import Document
from wpk_archive.core.people.model import Appearance
from wpk_archive.core.people.names import (
    HISTORICAL,
    KIM_JONG_IL_DIED,
    LEADERS,
    NAMESAKES,
    NameSpan,
    find_names,
)
from wpk_archive.core.people.offices import (
    DPRK,
    FOREIGN,
    HONORIFICS,
    PostOffice,
    is_foreign,
    place_after,
    read_post_office,
    read_pre_title,
)
from wpk_archive.core.people.triggers import (
    Trigger,
    kind_from_context,
    leading_trigger,
    trailing_trigger,
)
from wpk_archive.core.people.wording import (
    BARE_GAP,
    BREAK,
    GROUP_PLURAL,
    NORTH_OFFICE,
    OTHER_OFFICIALS,
    SOUTH,
    SPECIFIC_TITLE,
    START_WORDS,
    VESSEL_BEFORE,
    VISIT,
    first_verb,
    inside_quotes,
    runs_on,
    segment,
    sentences,
    title_before,
)


@dataclass
class _Name:
    """A name being read: its passage, the title before it, the office after it, and the office
    it ends up with (``shared`` when it came from a plural office of its run)."""

    span: NameSpan
    passage: int
    pre: str | None = None
    pre_plural: bool = False
    post: PostOffice | None = None
    office: str | None = None
    shared: bool = False


def extract_appearances(doc: Document) -> list[Appearance]:
    """Every official the document names in a list or with an office, in text order."""
    names = find_names(doc.text)
    if not names:
        return []
    by_passage: dict[int, list[NameSpan]] = {}
    passages = doc.passages
    index = 0
    for span in names:
        while index < len(passages) and passages[index].end <= span.start:
            index += 1
        if index < len(passages) and passages[index].start <= span.start:
            by_passage.setdefault(index, []).append(span)
    reader = _Reader(doc)
    opened: dict[int, str | None] = {}  # last passage of a block read -> the list it opens
    done = -1
    for number in sorted(by_passage):
        if number <= done:
            continue
        first = number
        while first > done + 1 and runs_on(passages[first - 1].text, passages[first].text):
            first -= 1  # a sentence cut by a wrong paragraph break ("Minister of the\n\nPeople's")
        last = number
        while last + 1 < len(passages) and runs_on(passages[last].text, passages[last + 1].text):
            last += 1
        spans = [s for k in range(first, last + 1) for s in by_passage.get(k, ())]
        for k in range(first, last + 1):
            for span in by_passage.get(k, ()):
                reader.ordinal_of[span.start] = passages[k].ordinal
        if first - 1 in opened:
            carry = opened[first - 1]
        elif first > 0:
            carry = reader.opens_list(passages[first - 1].start, passages[first - 1].end)
        else:
            carry = None
        done = last
        start, end = passages[first].start, passages[last].end
        if not any(reader.may_count(s) for s in spans):
            continue  # only Kim Il Sung Square, Kim Jong Il's works and the like
        opened[last] = reader.passage(start, end, spans, carry)
    return reader.out


_LOW_POST = re.compile(
    r"^(?:an?\s(?!.*\b(?:KPA|WPK|C\.C\.|DPRK|Cabinet|Political Bureau|Korean People's Army"
    r"|Ministry|Commission|Workers' Party|People's Committee|Provincial Committee|City Committee"
    r"|People's Security)\b))"
    r"|\b(?:work-?team|sub-workteam|section chief|teahouse|shop|store|restaurant|cafeteria)\b",
    re.I,
)
"""Outside a list, an office that makes no official: an indefinite one ("a delegate from ... School",
but "a KPA general" is one) or a post of a shop floor ("head of a work-team", "manager of the
teahouse")."""


class _Reader:
    """Reads one document, block of passages by block, into ``out``."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.out: list[Appearance] = []
        self.lists = 0
        self.ordinal_of: dict[int, int] = {}
        self.dead_kim_jong_il = bool(doc.date and doc.date > KIM_JONG_IL_DIED)

    def may_count(self, span: NameSpan) -> bool:
        """Whether a name can be an official's at all, whatever stands around it."""
        if span.key in HISTORICAL or span.followed_by_word or span.possessive:
            return False
        return not (span.key == "kim jongil" and self.dead_kim_jong_il)

    def passage(self, start: int, end: int, spans: list[NameSpan], carry: str | None) -> str | None:
        """Read one passage (or passages a wrong break cut a sentence over); returns the kind
        of a list its last sentence opens with a colon."""
        text = self.text
        if carry is not None:
            kept = self._kept(spans, start, end)
            self._emit_list(self._names(kept), carry, start, end, start)
            return None
        cut = sentences(text, start, end)
        for s_start, s_end in cut:
            inside = [s for s in spans if s_start <= s.start < s_end]
            if inside:
                self._sentence(s_start, s_end, inside)
        if cut and text[start:end].rstrip().endswith(":"):
            s_start, s_end = cut[-1]
            trigger = leading_trigger(text, s_start, s_end)
            if trigger is not None and not any(s.start >= trigger.end for s in spans):
                return self._kind(trigger, s_start)
        return None

    def opens_list(self, start: int, end: int) -> str | None:
        """The kind of list a passage without names opens with a final colon, if any
        ("National funeral committee will be made up of following persons:")."""
        if not self.text[start:end].rstrip().endswith(":"):
            return None
        cut = sentences(self.text, start, end)
        trigger = leading_trigger(self.text, cut[-1][0], cut[-1][1]) if cut else None
        return self._kind(trigger, cut[-1][0]) if trigger is not None else None

    def _kind(self, trigger: Trigger, sentence_start: int) -> str:
        if trigger.kind != "context":
            return trigger.kind
        return kind_from_context(self.text[max(0, sentence_start - 700) : trigger.end])

    def _kept(self, spans: list[NameSpan], s_start: int, s_end: int) -> list[NameSpan]:
        """The names of a sentence that can be officials (see the module's docstring)."""
        text = self.text
        kept: list[NameSpan] = []
        floor = s_start
        eternal = any(
            s.key in HISTORICAL or (s.key == "kim jongil" and self.dead_kim_jong_il) for s in spans
        )
        for span in spans:
            before = text[floor : span.start]
            if span.key in HISTORICAL or span.followed_by_word or span.possessive:
                continue
            if span.key == "kim jongil" and self.dead_kim_jong_il:
                continue
            if span.key in NAMESAKES and eternal:
                continue
            if inside_quotes(text[s_start : span.start]) or VESSEL_BEFORE.search(before[-24:]):
                continue
            if not self._good_predecessor(before):
                continue
            kept.append(span)
            floor = span.end
        return kept

    def _good_predecessor(self, before: str) -> bool:
        """False when the name is the tail of a longer capitalised name ("Hor Nam Hong")."""
        words_before = segment(before, commas_only=True)
        words = words_before.split()
        if not words or not words[-1][:1].isupper():
            return True
        if words[-1] in START_WORDS or HONORIFICS.match(" ".join(words[-2:])):
            return True
        return HONORIFICS.match(words[-1]) is not None or title_before(words_before) is not None

    def _names(self, spans: list[NameSpan]) -> list[_Name]:
        return [_Name(s, self.ordinal_of[s.start]) for s in spans]

    def _sentence(
        self,
        s_start: int,
        s_end: int,
        spans: list[NameSpan],
    ) -> None:
        kept = self._kept(spans, s_start, s_end)
        if not kept:
            return  # (before the list words are looked for: most sentences end here)
        trigger = leading_trigger(self.text, s_start, s_end)
        region: tuple[int, int] | None = None
        kind: str | None = None
        if trigger is not None and any(s.start >= trigger.end for s in kept):
            region, kind = (trigger.end, s_end), self._kind(trigger, s_start)
            if trigger.kind == "context" and kind == "other":
                region = kind = None  # "They are Pak Yon (1378-1458), ...": not officials
        else:
            closing = trailing_trigger(self.text, kept[0].end, s_end)
            if closing is not None and self._list_start(s_start, kept[0].start):
                stop = s_end if closing.elected else closing.start
                region, kind = (s_start, stop), closing.kind
        if region is None and len(kept) >= 2:
            region, kind = self._enumeration(s_start, s_end, kept)
        names = self._names(kept)
        if region is None or kind is None:
            self._appositions(names, s_start, s_end)
            return
        lo, hi = region
        inside = [n for n in names if lo <= n.span.start < hi]
        outside = [n for n in names if not lo <= n.span.start < hi]
        self._appositions([n for n in outside if n.span.start < lo], s_start, lo)
        self._emit_list(inside, kind, lo, hi, s_start)
        self._appositions([n for n in outside if n.span.start >= hi], hi, s_end)

    def _enumeration(
        self, s_start: int, s_end: int, kept: list[NameSpan]
    ) -> tuple[tuple[int, int] | None, str | None]:
        """A sentence that is itself a list, without list words: names (with offices) and
        groups and no verb ("Kang Sok Ju, member of ..., Kim Yong Il, ..., and officials
        concerned." after the other side's "Present there were ..."), or names as the subject of
        a verb when the sentence says they are officials ("Choe Yong Rim, Pak To Chun, ... and
        other officials ... visited ...") or gives them offices."""
        text = self.text
        if not self._list_start(s_start, kept[0].start):
            return None, None
        if len({s.key for s in kept if s.key not in LEADERS}) < 2 or SOUTH.search(
            text, s_start, s_end
        ):
            return None, None
        verb = first_verb(text, kept[0].end, s_end)
        stop = s_end if verb is None else verb.start()
        if len([s for s in kept if s.end <= stop]) < 2:
            return None, None
        words = text[kept[0].end : stop]
        if not (NORTH_OFFICE.search(words) or OTHER_OFFICIALS.search(words)):
            return None, None  # athletes, artists, South Korean activists
        if verb is None:
            return (s_start, s_end), self._previous_kind(s_start)
        kind = "participants" if VISIT.match(verb.group()) else "other"
        return (s_start, stop), kind

    def _previous_kind(self, s_start: int) -> str:
        """The kind of list the sentence before ``s_start`` opens, "other" if none."""
        text = self.text
        before: list[tuple[int, int]] = []
        for passage in self.doc.passages:
            if passage.start >= s_start:
                break
            cut = [
                c
                for c in sentences(text, passage.start, min(passage.end, s_start))
                if c[1] <= s_start
            ]
            before = cut or before
        if before:
            trigger = leading_trigger(text, *before[-1])
            if trigger is not None and trigger.kind not in ("context", "elected"):
                return trigger.kind
        return "other"

    def _list_start(self, s_start: int, first: int) -> bool:
        """Whether the words before a sentence's first name let it begin a list."""
        before = self.text[s_start:first].strip()
        if not before:
            return True
        if HONORIFICS.match(before) or read_pre_title(before) is not None:
            return True
        return before in START_WORDS or before in ("Also", "And also")

    def _offices(self, names: list[_Name], lo: int, hi: int, comma_only: bool) -> None:
        """Read each name's office, then share plural offices along runs of bare names."""
        text = self.text
        for i, name in enumerate(names):
            floor = names[i - 1].span.end if i else lo
            previous_post = names[i - 1].post if i else None
            if previous_post is not None:
                floor = max(floor, previous_post.end)
            pre = title_before(segment(text[floor : name.span.start], commas_only=True))
            if pre is not None:
                name.pre, name.pre_plural = pre
            last = i + 1 == len(names)
            stop = hi if last else names[i + 1].span.start
            post = read_post_office(text, name.span.end, stop, before_name=not last)
            if post is not None and comma_only and not text.startswith(",", name.span.end):
                post = None
            name.post = post
        for i, name in enumerate(names):
            post = name.post
            if post is not None and (post.plural or post.and_other):
                self._share_back(names, i, post)
            if name.pre is not None and name.pre_plural:
                j = i + 1
                while j < len(names) and names[j].post is None and names[j].pre is None:
                    gap = text[names[j - 1].span.end : names[j].span.start]
                    if names[j - 1].post is not None or not BARE_GAP.fullmatch(gap):
                        break
                    names[j].office, names[j].shared = name.pre, True
                    j += 1
        for name in names:
            if name.shared:
                continue
            title = name.pre
            words = text[name.post.start : name.post.end] if name.post is not None else None
            if title and words and words.lower().startswith(title.lower()):
                title = None
            name.office = ", ".join(p for p in (title, words) if p) or None

    def _share_back(self, names: list[_Name], i: int, post: PostOffice) -> None:
        """A plural office after a run of bare names ("A, B and C, members of ...", "A, B and
        other secretaries of ...") belongs to every name of the run. A plural after a single name,
        after too long a run (a group of its own: "..., members of the guidance body as well as
        officials ...") or of a group word (delegates, heads) is nobody's office."""
        text = self.text
        title = text[post.start : post.end]
        run = [i]
        j = i - 1
        while j >= 0 and names[j].post is None and names[j].pre is None:
            gap = text[names[j].span.end : names[j + 1].span.start]
            if not BARE_GAP.fullmatch(gap):
                break
            run.append(j)
            j -= 1
        group_word = GROUP_PLURAL.match(title) is not None
        if post.plural and not post.and_other and (len(run) < 2 or len(run) > 8 or group_word):
            names[i].post = None
            return
        if post.and_other and (" of " not in title or names[i].pre is not None):
            names[i].post = None  # "General Pak Jae Gyong and other generals, officers ..."
            return
        if group_word:
            names[i].post = None
            return
        for k in run:
            names[k].office, names[k].shared = title, True

    def _foreign(self, names: list[_Name], context: int, hi: int) -> list[bool]:
        """For each name, whether it is a foreigner's: an office abroad, or a list's part
        introduced as foreign ("senior Chinese party and state cadres including ...", "from the
        Chinese side") until a Korean part ("from the DPRK side")."""
        text = self.text
        flags: list[bool] = []
        foreign_part = False
        floor = context
        for i, name in enumerate(names):
            before = text[floor : name.span.start]
            if FOREIGN.search(before) and not DPRK.search(before):
                foreign_part = True
            elif DPRK.search(before):
                foreign_part = False
            office = name.office or ""
            end = name.post.end if name.post is not None else name.span.end
            stop = names[i + 1].span.start if i + 1 < len(names) else hi
            tail = place_after(text, end, stop)
            flags.append(foreign_part or is_foreign(office + tail))
            floor = end + len(tail)
        return flags

    def _emit_list(self, names: list[_Name], kind: str, lo: int, hi: int, context: int) -> None:
        names, rest = self._unbroken(names, lo)
        region_end = hi
        if rest:
            hi = rest[0].span.start
        self._offices(names, lo, hi, comma_only=False)
        foreign = self._foreign(names, context, hi)
        members = [n for n, f in zip(names, foreign, strict=True) if not f]
        if not members:
            return
        self.lists += 1
        list_id = f"{self.doc.id}:{members[0].passage}:{self.lists}"
        for position, name in enumerate(members, 1):
            self._append(name, list_id, kind, position, len(members))
        if rest:
            self._appositions(rest, hi, region_end)

    def _unbroken(self, names: list[_Name], lo: int) -> tuple[list[_Name], list[_Name]]:
        """The names of a list region up to a verb that ends the list ("... headed by X met
        with Y": Y is no member), and the names after it."""
        text = self.text
        floor = lo
        for i, name in enumerate(names):
            if i and BREAK.search(text, floor, name.span.start):
                return names[:i], names[i:]
            floor = name.span.end
        return names, []

    def _appositions(self, names: list[_Name], lo: int, hi: int) -> None:
        if not names:
            return
        if (
            len(names) == 1
            and names[0].span.key in LEADERS
            and not self.text.startswith(",", names[0].span.end)
        ):
            return  # a leader's name alone, no office after it: what follows would keep nothing
        self._offices(names, lo, hi, comma_only=True)
        foreign = self._foreign(names, lo, hi)
        for name, abroad in zip(names, foreign, strict=True):
            if name.office is None or abroad:
                continue
            if _LOW_POST.search(name.office):
                continue  # "a delegate from Sinhung Secondary School", "manager of the teahouse"
            if name.post is None and not name.shared:
                if name.span.key in LEADERS:
                    continue  # "General Secretary Kim Jong Il": a title, not an apposition
                if not SPECIFIC_TITLE.search(name.office):
                    continue  # "Its Chairman Ri Kyu Jae": whose chairman?
            self._append(name, None, None, None, None)

    def _append(
        self,
        name: _Name,
        list_id: str | None,
        kind: str | None,
        position: int | None,
        length: int | None,
    ) -> None:
        span = name.span
        self.out.append(
            Appearance(
                doc_id=self.doc.id,
                passage=name.passage,
                start=span.start,
                end=span.end,
                name=span.name,
                person_key=span.key,
                list_id=list_id,
                list_kind=kind,
                list_position=position,
                list_length=length,
                office=name.office,
                doc_date=self.doc.date,
            )
        )
