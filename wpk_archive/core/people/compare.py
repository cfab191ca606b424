"""Two printed lists compared: who moved up, who moved down, who is new, who is missing."""

from __future__ import annotations

from collections.abc import Sequence

from wpk_archive.core.people.model import Appearance, ListComparison, ListEntry


def _ordered(items: Sequence[Appearance]) -> list[Appearance]:
    if all(a.list_position is not None for a in items):
        return sorted(items, key=lambda a: (a.list_position or 0, a.start))
    return list(items)


def _keyed(items: list[Appearance]) -> list[tuple[tuple[str, int], Appearance, int]]:
    """(person key, its occurrence), appearance and printed position: a name printed twice in
    one list (two people sharing it) is matched occurrence by occurrence."""
    seen: dict[str, int] = {}
    out = []
    for index, appearance in enumerate(items, 1):
        occurrence = seen.get(appearance.person_key, 0)
        seen[appearance.person_key] = occurrence + 1
        position = appearance.list_position if appearance.list_position is not None else index
        out.append(((appearance.person_key, occurrence), appearance, position))
    return out


def compare_lists(a: Sequence[Appearance], b: Sequence[Appearance]) -> ListComparison:
    """Compare list ``a`` (the earlier) with list ``b``.

    People in both lists are ranked by their order among the people both lists share; one who
    ranks higher in ``b`` moved up, lower moved down, equal is the same. People only in ``b``
    are new, only in ``a`` missing. Entries keep ``b``'s order (``a``'s for the missing); moved
    entries carry both printed positions and both shared ranks.
    """
    keyed_a = _keyed(_ordered(a))
    keyed_b = _keyed(_ordered(b))
    in_a = {key: (app, pos) for key, app, pos in keyed_a}
    in_b = {key: (app, pos) for key, app, pos in keyed_b}
    common_a = [key for key, _, _ in keyed_a if key in in_b]
    common_b = [key for key, _, _ in keyed_b if key in in_a]
    rank_a = {key: rank for rank, key in enumerate(common_a, 1)}
    rank_b = {key: rank for rank, key in enumerate(common_b, 1)}
    comparison = ListComparison([], [], [], [], [])
    for key, appearance, position in keyed_b:
        if key not in in_a:
            comparison.new.append(ListEntry(key[0], appearance.name, None, position))
            continue
        entry = ListEntry(key[0], appearance.name, in_a[key][1], position, rank_a[key], rank_b[key])
        if rank_b[key] < rank_a[key]:
            comparison.moved_up.append(entry)
        elif rank_b[key] > rank_a[key]:
            comparison.moved_down.append(entry)
        else:
            comparison.same.append(entry)
    for key, appearance, position in keyed_a:
        if key not in in_b:
            comparison.missing.append(ListEntry(key[0], appearance.name, position, None))
    return comparison
