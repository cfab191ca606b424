"""Full-text search over the archive's passages: the only package that touches Whoosh.

- :mod:`.analysis`: analyzers, normalisation, schema, index version
- :mod:`.query`: the query language: lenient reading, parsing, expansion (stems, variants, dates)
- :mod:`.evaluate`: set evaluation over posting lists (numpy)
- :mod:`.lookups`: per-searcher columns, the date window, facets
- :mod:`.highlight`: what to mark in a passage
- :mod:`.fields`: what one passage puts in the index
- :mod:`.index`: :class:`PassageIndex`, the index folder (open, write, search)
- :mod:`.segments`, :mod:`.indexer`: the bulk segment writer, the indexing process
- :mod:`.results`: hits joined with stored text, snippets, facets (:func:`run_search`)
- :mod:`.trust`: the signed table of contents (an index this installation did not write is
  never read)
- :mod:`.whoosh_private`: every private Whoosh name and format assumption (a package)
"""

from wpk_archive.core.search.analysis import normalize_query
from wpk_archive.core.search.fields import compare_passages, kinds_by_passage
from wpk_archive.core.search.index import IndexError_, PassageIndex
from wpk_archive.core.search.lenient import QueryError
from wpk_archive.core.search.results import Sort, run_search

__all__ = [
    "IndexError_",
    "PassageIndex",
    "QueryError",
    "Sort",
    "compare_passages",
    "kinds_by_passage",
    "normalize_query",
    "run_search",
]
