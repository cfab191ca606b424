"""The query language: Whoosh's parser, configured, read leniently and expanded.

``clean_query`` drops what cannot be read (unbalanced quotes or brackets, lone operators, unknown
or empty fields) with a note for each; :class:`QueryReader` parses the rest and rewrites it:
English stems, name variants (resources/variants.tsv), date filters (year/month/day keyword
terms, never a DATETIME range).

What the user wrote and cannot be searched as meant (an impossible date, a query too long to
answer quickly) raises :class:`QueryError`: its message is for the user, and the search finds
nothing rather than something wider than what was asked.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, QueryParser

from wpk_archive.core.search.analysis import HAS_HANGUL, STEMMABLE, TEXT_FIELDS, schema, stem
from wpk_archive.core.search.korean import (
    bigrams,
    is_hangul,
    join_bigrams,
    spelling_variants,
    verb_forms,
)
from wpk_archive.core.search.lenient import QueryError
from wpk_archive.core.search.lookups import DATE_HELP, DateError, DateWindow
from wpk_archive.core.search.variants import Form

if TYPE_CHECKING:
    from wpk_archive.core.search.index import PassageIndex

_MAX_PHRASE_VARIANTS = 32
MAX_CLAUSES = 200
"""Words, phrases and filters a query may hold."""
MAX_BEGUN = 2_000
"""Bigrams a one-syllable Hangul query word finds (the words holding it), at most."""
MAX_WORD = 64
"""Longer words are searched as they are: no stems, no variants, no fuzzy matching."""


class Nothing(wq.Query):  # type: ignore[misc]
    """Matches no passage. Unlike Whoosh's NullQuery, an And keeps it (an And with an
    impossible date range finds nothing; Whoosh drops a NullQuery from an And)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return "Nothing()"

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: object) -> int:
        return 0

    def matcher(self, searcher: object, context: object = None) -> object:
        from whoosh.matching import NullMatcher

        return NullMatcher()


class WordPhrase(wq.Phrase):  # type: ignore[misc]
    """The phrase Whoosh's parser makes of one unquoted word that analyzes to several tokens
    (a Hangul word: its bigrams). Unlike a quoted phrase, it is searched in every North and
    South Korean spelling (:mod:`.korean`); the expansion turns it into plain Phrases."""


class _Parser(QueryParser):  # type: ignore[misc]
    """Whoosh's parser, telling an unquoted word's phrase (:class:`WordPhrase`) from a quoted one."""

    def multitoken_query(
        self, spec: str, texts: list[str], fieldname: str, termclass: type, boost: float
    ) -> wq.Query:
        if spec.lower() == "phrase":
            return WordPhrase(fieldname, texts, boost=boost)
        return super().multitoken_query(spec, texts, fieldname, termclass, boost)


@dataclass
class ParsedQuery:
    """A query read from the query language: the expanded Whoosh query and notes for the user."""

    query: wq.Query
    notes: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    """Plain words of the default field as typed (lowercased): candidates for did-you-mean."""
    window: DateWindow = field(default_factory=DateWindow)
    """A top-level ``date:`` clause, taken out of the query to be checked on the matches (fast)."""


class QueryReader:
    """Parses and expands queries against one index (its vocabulary, variants, name keys)."""

    def __init__(self, index: PassageIndex) -> None:
        self.index = index
        self._parser: QueryParser | None = None

    def parser(self) -> QueryParser:
        """Whoosh's parser, configured: AND by default, fuzzy~, ranges, field queries."""
        if self._parser is None:
            # the schema is fixed for an analyzer version: build the parser once
            parser = _Parser("text", schema=schema())
            parser.add_plugin(FuzzyTermPlugin())
            parser.remove_plugin_class(GtLtPlugin)
            self._parser = parser
        return self._parser

    def parse(self, query: str) -> wq.Query:
        """A query string in the archive's query language, parsed and expanded (AND between words).

        Words match passage text; ``title:``, ``source:``, ``date:`` and ``kind:`` filter.
        """
        return self.read_query(query).query

    def read_query(self, query: str) -> ParsedQuery:
        """Parse ``query`` and expand it: stems, name variants, date filters."""
        try:
            parsed = self.parser().parse(query, normalize=False)
        except Exception as exc:  # the parser's own failures: the query, not the index
            raise QueryError(f"Cannot read the query ({exc}).") from exc
        parsed = _flatten(parsed)
        if _count_leaves(parsed) > MAX_CLAUSES:
            raise QueryError(
                f"The query has more than {MAX_CLAUSES} words and filters; shorten it."
            )
        with self.index.lock:
            self.index.open()
            self.index.searcher(fresh=True)  # a new search sees every commit made before it
            result = ParsedQuery(parsed)
            parsed = self._take_date_clause(parsed, result)
            result.query = self._expand(parsed, result).normalize()
            return result

    def _expand(self, q: wq.Query, out: ParsedQuery) -> wq.Query:
        if isinstance(q, wq.FuzzyTerm):
            if len(q.text) > MAX_WORD:  # its automaton would take seconds to build
                return wq.Term(q.fieldname, q.text, boost=q.boost)
            if q.prefixlength < 1:
                # a misspelling keeps its first letter; else the whole vocabulary is scanned
                q.prefixlength = 1
            return q
        if isinstance(q, wq.Wildcard) and not q.text.strip("*"):
            return wq.Every()  # "*": every passage, not an Or of every word
        if isinstance(q, wq.And | wq.Or):
            subs = [self._expand(s, out) for s in self._join_variant_runs(q)]
            return type(q)(subs, boost=q.boost)
        if isinstance(q, WordPhrase):
            return self._expand_hangul_word(q)
        if isinstance(q, wq.Phrase):
            return self._expand_phrase(q)
        if isinstance(q, wq.TermRange) and q.fieldname == "date":
            return self.date_filter(_range_window(q))
        if type(q) is wq.Term:
            if q.fieldname == "date":
                return self.date_filter(_date_window(str(q.text), str(q.text)))
            if q.fieldname in TEXT_FIELDS:
                if q.fieldname == "text":
                    out.words.append(str(q.text))
                return self._expand_word(q.fieldname, str(q.text), boost=q.boost)
            return q
        if isinstance(q, wq.Not):
            return wq.Not(self._expand(q.query, out))
        if isinstance(q, wq.AndNot | wq.AndMaybe):
            return type(q)(self._expand(q.a, out), self._expand(q.b, out))
        if isinstance(q, wq.Require):
            return wq.Require(self._expand(q.a, out), self._expand(q.b, out))
        if getattr(q, "fieldname", None) == "date":
            raise QueryError(f"date: takes YYYY, YYYY-MM, YYYY-MM-DD or [FROM TO]: {DATE_HELP}.")
        return q

    @staticmethod
    def _take_date_clause(q: wq.Query, out: ParsedQuery) -> wq.Query:
        """Move the ``date:`` clauses ANDed at the top into ``out.window``: a date range is
        then a check on the matches, not an Or of many date terms. A date that cannot be read
        or does not exist raises QueryError."""
        children = list(q.subqueries) if type(q) is wq.And and q.boost == 1 else [q]
        rest = []
        for child in children:
            if getattr(child, "fieldname", None) == "date" and type(child) is wq.Term:
                out.window = out.window & _date_window(str(child.text), str(child.text))
            elif getattr(child, "fieldname", None) == "date" and type(child) is wq.TermRange:
                out.window = out.window & _range_window(child)
            else:
                rest.append(child)
        if len(rest) == len(children):
            return q
        if not rest:
            return wq.Every()
        return rest[0] if len(rest) == 1 else wq.And(rest)

    def _join_variant_runs(self, q: wq.Query) -> list[wq.Query]:
        """In an And/Or, consecutive plain words spelling a multi-word variant become one node."""
        subs: list[wq.Query] = list(q.subqueries)
        table = self.index.variants
        if not isinstance(q, wq.And) or len(subs) < 2:
            return subs
        out: list[wq.Query] = []
        i = 0
        while i < len(subs):
            s = subs[i]
            if type(s) is wq.Term and s.fieldname in TEXT_FIELDS:
                j = i
                words: list[str] = []
                while (
                    j < len(subs) and type(subs[j]) is wq.Term and subs[j].fieldname == s.fieldname
                ):
                    words.append(str(subs[j].text))
                    j += 1
                form = table.match_at(words, 0)
                if form is not None and len(form) > 1:
                    out.append(wq.Phrase(s.fieldname, list(form)))
                    i += len(form)
                    continue
            out.append(s)
            i += 1
        return out

    def _alternatives(self, fieldname: str, form: tuple[str, ...]) -> list[wq.Query]:
        return [
            wq.Term(fieldname, f[0]) if len(f) == 1 else wq.Phrase(fieldname, list(f))
            for f in self.index.variants.forms_of(form)
        ]

    def _name_term(self, fieldname: str, form: Form, boost: float = 1.0) -> wq.Query | None:
        """The one-term query for a whole name form (every spelling), when the index has keys."""
        if fieldname != "text":
            return None
        key = self.index.name_table()[0].get(form)
        if key is None or not self.index.names_indexed():
            return None
        return wq.Term("names", key, boost=boost)

    def _expand_word(self, fieldname: str, word: str, *, boost: float = 1.0) -> wq.Query:
        """A plain word: every vocabulary word with its stem, or'ed with its variants."""
        if len(word) > MAX_WORD:
            return wq.Term(fieldname, word, boost=boost)
        named = self._name_term(fieldname, (word,), boost)
        if named is not None:
            return named
        alternatives: list[wq.Query] = [
            wq.Term(fieldname, w, boost=boost) for w in self.stem_forms(fieldname, word)
        ]
        variants = self._alternatives(fieldname, (word,))
        alternatives.extend(variants[1:])
        if HAS_HANGUL.search(word):  # a one- or two-syllable word: its other spellings
            if len(word) == 1 and is_hangul(word):
                # one syllable also finds the words that hold it (핵 finds 핵무력, 핵을, 비핵화)
                for spelling in [word, *self.spellings(fieldname, word)]:
                    alternatives.extend(
                        wq.Term(fieldname, t, boost=boost)
                        for t in self._containing(fieldname, spelling)
                    )
            for spelling in self.spellings(fieldname, word):
                named = self._name_term(fieldname, (spelling,), boost)
                alternatives.append(
                    named if named is not None else wq.Term(fieldname, spelling, boost=boost)
                )
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and not variants[1:]:
            # a hyphenated word also matches its parts as a phrase: "Myung-bak" finds the
            # "Myung Bak" that KCNA writes (one token when hyphenated, two when not)
            alternatives.append(wq.Phrase(fieldname, parts, boost=boost))
        if not alternatives:
            return wq.Term(fieldname, word, boost=boost)
        return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)

    def _expand_phrase(self, q: wq.Phrase) -> wq.Query:
        """An exact phrase (unstemmed); a variant inside it is or'ed with its other forms."""
        words = [str(w) for w in q.words]
        if q.fieldname not in TEXT_FIELDS:
            return q
        named = self._name_term(q.fieldname, tuple(words), q.boost)
        if named is not None:
            return named
        table = self.index.variants
        pieces: list[list[tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            form = table.match_at(words, i)
            if form is None:
                pieces.append([(words[i],)])
                i += 1
            else:
                pieces.append(table.forms_of(form))
                i += len(form)
        combos: list[wq.Query] = []
        for combo in product(*pieces):
            flat = [w for part in combo for w in part]
            if len(flat) == 1:
                combos.append(wq.Term(q.fieldname, flat[0], boost=q.boost))
            else:
                combos.append(wq.Phrase(q.fieldname, flat, slop=q.slop, boost=q.boost))
            if len(combos) >= _MAX_PHRASE_VARIANTS:
                break
        return combos[0] if len(combos) == 1 else wq.Or(combos)

    def _expand_hangul_word(self, q: WordPhrase) -> wq.Query:
        """An unquoted word of several tokens (a Hangul word's bigrams): the phrase of its
        tokens, or'ed with the phrases of its other North/South spellings (each also read
        for names and variants, as a quoted phrase is)."""
        pieces = join_bigrams([str(w) for w in q.words])
        choices: list[list[list[str]]] = []
        for text, hangul in pieces:
            if hangul:
                runs = [text, *self.spellings(q.fieldname, text)]
                if len(pieces) == 1:  # a verb's dictionary form also finds its inflections
                    runs += [v for v in verb_forms(text) if self._known(q.fieldname, v)]
                choices.append([bigrams(run) for run in runs])
            else:
                choices.append([[text]])
        queries: list[wq.Query] = []
        for combo in product(*choices):
            words = [w for part in combo for w in part]
            phrase = wq.Phrase(q.fieldname, words, slop=q.slop, boost=q.boost)
            if len(words) > 1:
                queries.append(self._expand_phrase(phrase))
            else:
                queries.append(self._expand_word(q.fieldname, words[0], boost=q.boost))
            if len(queries) >= _MAX_PHRASE_VARIANTS:
                break
        return queries[0] if len(queries) == 1 else wq.Or(queries)

    def _known(self, fieldname: str, run: str) -> bool:
        """Whether every index token of the Hangul run ``run`` is in the field's vocabulary."""
        reader = self.index.searcher().reader()
        return all((fieldname, token) in reader for token in bigrams(run))

    def _containing(self, fieldname: str, syllable: str) -> list[str]:
        """The Hangul bigrams of the field's vocabulary that hold ``syllable`` (memoized per
        searcher; at most MAX_BEGUN): one scan of the Hangul part of the term list."""
        facts = self.index.facts()
        key = (fieldname, "\x00holds:" + syllable)
        cached = facts.stem_forms.get(key)
        if cached is not None:
            return list(cached)
        reader = self.index.searcher().reader()
        found = []
        for name, term in reader.terms_from(fieldname, "\uac00"):
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            if name != fieldname or text > "\ud7a3":
                break
            if len(text) == 2 and syllable in text and is_hangul(text):
                found.append(text)
                if len(found) >= MAX_BEGUN:
                    break
        facts.stem_forms[key] = tuple(found)
        return found

    def spellings(self, fieldname: str, run: str) -> list[str]:
        """The other North/South spellings of the Hangul run ``run`` that the field's vocabulary
        holds (see :mod:`.korean`); memoized per searcher."""
        if not run or len(run) > MAX_WORD or not HAS_HANGUL.fullmatch(run[0]):
            return []
        facts = self.index.facts()
        key = (fieldname, "\x00ko:" + run)
        cached = facts.stem_forms.get(key)
        if cached is not None:
            return list(cached)
        reader = self.index.searcher().reader()
        found = spelling_variants(run, lambda token: (fieldname, token) in reader)
        facts.stem_forms[key] = tuple(found)
        return found

    def stem_forms(self, fieldname: str, word: str) -> list[str]:
        """Words of the field's vocabulary with the same English stem as ``word`` (itself included
        when present). Stems only ever differ from their words in the last two letters, so the
        candidates are the words sharing the stem's prefix; each is checked by stemming it."""
        if not STEMMABLE.match(word):
            return [word]
        facts = self.index.facts()
        key = (fieldname, word)
        cached = facts.stem_forms.get(key)
        if cached is not None:
            return list(cached)
        target = stem(word)
        prefix = target[: max(1, min(len(target), len(word)) - 2)]
        reader = self.index.searcher().reader()
        forms = []
        for term in reader.expand_prefix(fieldname, prefix):
            candidate = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            if STEMMABLE.match(candidate) and stem(candidate) == target:
                forms.append(candidate)
        if word not in forms:
            forms.insert(0, word)
        facts.stem_forms[key] = tuple(forms)
        return forms

    # -- dates --------------------------------------------------------------------------------

    def date_filter(self, window: DateWindow) -> wq.Query:
        """Passages of articles dated within the window, as year/month/day keyword terms (whole
        years, whole months, remaining days). Undated articles never match; an empty window
        matches nothing (:class:`Nothing`, which an And keeps)."""
        lo, hi = window.ymd()
        years = self.index.facts().years
        if not years:
            return Nothing()
        first_year = max(int(years[0]), lo[0]) if lo else int(years[0])
        last_year = min(int(years[-1]), hi[0]) if hi else int(years[-1])
        start = lo or (first_year, 1, 1)
        end = hi or (last_year, 12, 31)
        terms: list[wq.Query] = []
        for y in range(first_year, last_year + 1):
            if start <= (y, 1, 1) and (y, 12, 31) <= end:
                terms.append(wq.Term("year", f"{y:04d}"))
                continue
            for m in range(1, 13):
                last = calendar.monthrange(y, m)[1]
                if (y, m, last) < start or end < (y, m, 1):
                    continue
                if start <= (y, m, 1) and (y, m, last) <= end:
                    terms.append(wq.Term("month", f"{y:04d}-{m:02d}"))
                    continue
                for d in range(1, last + 1):
                    if start <= (y, m, d) <= end:
                        terms.append(wq.Term("date", f"{y:04d}-{m:02d}-{d:02d}"))
        if not terms:
            return Nothing()
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    @staticmethod
    def narrow(query: wq.Query, filters: list[wq.Query]) -> wq.Query:
        """``query`` restricted to what every filter also matches."""
        return wq.And([query, *filters]) if filters else query

    def facet_filter(self, name: str, value: str) -> wq.Query:
        """Narrowing to one facet value ("year", "kind" or "source"; year "undated")."""
        if name == "year":
            if value == "undated":
                return wq.Not(wq.Every("year"))
            return wq.Term("year", value)
        if name == "kind":
            return wq.Term("kind", value.lower())
        if name == "source":
            return wq.Term("src", value)
        raise ValueError(f"unknown filter {name!r} (use year, kind or source)")

    # -- matching -----------------------------------------------------------------------------


def _date_window(lo: str, hi: str, exclusive: tuple[bool, bool] = (False, False)) -> DateWindow:
    try:
        return DateWindow.of(lo or None, hi or None, exclusive=exclusive)
    except DateError as exc:
        raise QueryError(str(exc)) from exc


def _range_window(q: wq.TermRange) -> DateWindow:
    """A ``date:[A TO B]`` (inclusive) or ``date:{A TO B}`` (exclusive) range."""
    return _date_window(str(q.start or ""), str(q.end or ""), (bool(q.startexcl), bool(q.endexcl)))


def _flatten(q: wq.Query) -> wq.Query:
    """Nested Ands (unboosted) merged into their parent: ``rice AND date:1999`` parses as an
    And inside an And, and its date clause belongs to the top."""
    if isinstance(q, wq.And | wq.Or):
        subs: list[wq.Query] = []
        for sub in (_flatten(s) for s in q.subqueries):
            if type(sub) is type(q) and sub.boost == 1:
                subs.extend(sub.subqueries)
            else:
                subs.append(sub)
        return type(q)(subs, boost=q.boost)
    if isinstance(q, wq.Not):
        return wq.Not(_flatten(q.query))
    if isinstance(q, wq.AndNot | wq.AndMaybe | wq.Require):
        return type(q)(_flatten(q.a), _flatten(q.b))
    return q


def _count_leaves(q: wq.Query) -> int:
    if q.is_leaf():
        return 1
    return sum(_count_leaves(c) for c in q.children())
