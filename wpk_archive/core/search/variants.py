"""The name and term variants table (resources/variants.tsv, extensible by users).

Each line of the table is a group of equivalent forms separated by TAB characters ("Kim Jong Un",
"Kim Jong-un", "Kim Jongun"). Forms are kept as sequences of index tokens (analyzed by the caller's
tokenizer), so matching them against a parsed query is a lookup of word sequences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wpk_archive.core.paths import resources_dir

TABLE_NAME = "variants.tsv"

Form = tuple[str, ...]


@dataclass
class Variants:
    """Groups of equivalent forms, each form a tuple of tokens."""

    groups: list[list[Form]] = field(default_factory=list)
    _by_form: dict[Form, int] = field(default_factory=dict)
    longest: int = 0

    def add_group(self, forms: Iterable[Form]) -> None:
        """Add one group (forms already in a group are merged into it)."""
        unique = [f for f in dict.fromkeys(forms) if f]
        if len(unique) < 2:
            return
        existing = {self._by_form[f] for f in unique if f in self._by_form}
        if existing:
            target = min(existing)
            merged = list(self.groups[target])
            for other in sorted(existing - {target}):
                merged.extend(self.groups[other])
                self.groups[other] = []
            merged.extend(unique)
            self.groups[target] = list(dict.fromkeys(merged))
        else:
            target = len(self.groups)
            self.groups.append(unique)
        for form in self.groups[target]:
            self._by_form[form] = target
            self.longest = max(self.longest, len(form))

    def forms_of(self, form: Form) -> list[Form]:
        """Every form equivalent to ``form`` (itself first), or [] when it has no variants."""
        group = self._by_form.get(form)
        if group is None:
            return []
        return [form] + [f for f in self.groups[group] if f != form]

    def match_at(self, words: list[str], start: int) -> Form | None:
        """The longest form that ``words`` holds at ``start``, if any."""
        for size in range(min(self.longest, len(words) - start), 0, -1):
            candidate = tuple(words[start : start + size])
            if candidate in self._by_form:
                return candidate
        return None


def parse_table(
    text: str, tokenize: Callable[[str], Form], into: Variants | None = None
) -> Variants:
    """Read a variants table (see resources/variants.tsv for the format)."""
    table = into if into is not None else Variants()
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        table.add_group(tokenize(cell) for cell in line.split("\t") if cell.strip())
    return table


def load_variants(tokenize: Callable[[str], Form], extra: Iterable[Path] = ()) -> Variants:
    """The shipped table plus any user tables in ``extra`` (missing or unreadable ones skipped)."""
    table = Variants()
    for path in [resources_dir() / TABLE_NAME, *extra]:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parse_table(text, tokenize, into=table)
    return table
