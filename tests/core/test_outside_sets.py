"""The checks shared by the blind outside sets' data tests (tests/core/outside_sets.py)."""

from __future__ import annotations

from tests.core.outside_sets import flat, shared_run


def test_shared_run_finds_a_copied_passage_and_not_a_fresh_one() -> None:
    sentence = " The 19th Plenary Meeting of the 14th Standing Committee was held on January 28."
    source = "y" * 40 + sentence * 4
    copied = "A heading.\n" + source[40:300] + "\nA foot line."
    fresh = "A different text about the Cabinet of the DPRK and its enlarged plenary meeting. " * 4
    assert shared_run(copied, [flat(source)]) is not None
    assert shared_run(fresh, [flat(source)]) is None
    # whitespace is folded: a hard line break does not hide a copied run
    assert shared_run(copied.replace(" ", "\n", 5), [flat(source)]) is not None
