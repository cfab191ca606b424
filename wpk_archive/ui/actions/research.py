"""The People and Trends tabs' work: people, a person, printed lists and their comparison, a
query's frequency over time and a period's passages, each read by a background task.

The panes ask by signal; every archive call runs off the GUI thread (``window.tasks``); the
newest request wins where the user can ask again before an answer comes (older answers are
dropped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from wpk_archive.core.models import Hit
from wpk_archive.core.people import Person
from wpk_archive.ui.people_view import PeoplePane
from wpk_archive.ui.trends_view import TrendRequest, TrendsPane

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow

PERIOD_HITS = 200
"""Passages listed for a clicked period (the count says how many there are in all)."""


class ResearchActions(QObject):
    """Reads what the People and Trends panes ask for."""

    people_loaded = Signal()
    person_shown = Signal()
    lists_loaded = Signal()
    comparison_shown = Signal()
    trend_shown = Signal()
    period_shown = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.people: PeoplePane | None = None
        self.trends: TrendsPane | None = None
        self._people_stale = True
        self._requests: dict[str, int] = {}

    def connect_panes(self, people: PeoplePane, trends: TrendsPane) -> None:
        """Serve these panes."""
        self.people, self.trends = people, trends
        people.people_wanted.connect(self.load_people)
        people.person_wanted.connect(self.load_person)
        people.person_view.appearance_chosen.connect(self.open_appearance)
        people.comparison.lists_wanted.connect(self.load_lists)
        people.comparison.comparison_wanted.connect(self.compare)
        trends.trend_wanted.connect(self.load_trend)
        trends.period_wanted.connect(self.load_period)
        trends.hit_chosen.connect(self.open_hit)

    def _request(self, what: str) -> int:
        self._requests[what] = self._requests.get(what, 0) + 1
        return self._requests[what]

    def _current(self, what: str, request: int) -> bool:
        return self._requests.get(what) == request and self.window.archive is not None

    # -- people -----------------------------------------------------------------------------

    def tab_shown(self, widget: Any) -> None:
        """A tab of the window was shown: read the people the first time theirs is."""
        if widget is self.people and self._people_stale:
            self.load_people()

    def archive_changed(self, *_: Any) -> None:
        """Documents came or went: read the people (and lists) again when next shown."""
        self._people_stale = True
        if self.people is not None:
            self.people._lists_loaded = False
            if self.window.tabs.currentWidget() is self.people:
                self.load_people()

    def load_people(self) -> None:
        """Read every person (the user's splits applied) and the archive's newest date."""
        archive, pane = self.window.archive, self.people
        if archive is None or pane is None:
            return
        self._people_stale = False
        request = self._request("people")
        pane.count.setText("Reading people…")

        def load() -> tuple[list[Person], str | None]:
            return archive.people(), archive.newest_date()

        def done(payload: tuple[list[Person], str | None]) -> None:
            if self._current("people", request):
                pane.set_people(*payload)
                self.people_loaded.emit()

        self.window.tasks.read(load, done=done, failed=self.window.failed)

    def load_person(self, person: Person) -> None:
        """Read one person's appearances with their articles' titles and timeline events."""
        archive, pane = self.window.archive, self.people
        if archive is None or pane is None:
            return
        request = self._request("person")

        def load() -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
            detail = archive.person_detail(person)
            apps = detail["appearances"]
            titles = archive.document_titles({a["doc_id"] for a in apps})
            events = {}
            for event_id in {a["event_id"] for a in apps if a["event_id"]}:
                event = archive.event(event_id)
                if event is not None:
                    events[event_id] = f"{event.start or ''} {event.name}".strip()
            return detail, titles, events

        def done(payload: tuple[dict[str, Any], dict[str, str], dict[str, str]]) -> None:
            if self._current("person", request):
                pane.person_view.show_person(person, *payload)
                self.person_shown.emit()

        self.window.tasks.read(load, done=done, failed=self.window.failed)

    def open_appearance(self, doc_id: str, passage: int, start: int, end: int) -> None:
        """Open the passage of an appearance in the reader, the name in focus."""
        self.window.reading.open_document(doc_id, passage=passage, focus=(start, end))

    def load_lists(self) -> None:
        """Read every printed list (for choosing two to compare)."""
        archive, pane = self.window.archive, self.people
        if archive is None or pane is None:
            return
        request = self._request("lists")

        def done(lists: list[Any]) -> None:
            if self._current("lists", request):
                pane.comparison.set_lists(lists)
                self.lists_loaded.emit()

        self.window.tasks.read(archive.printed_lists, done=done, failed=self.window.failed)

    def compare(self, list_a: str, list_b: str) -> None:
        """Compare two printed lists."""
        archive, pane = self.window.archive, self.people
        if archive is None or pane is None:
            return
        request = self._request("compare")

        def done(result: dict[str, Any]) -> None:
            if self._current("compare", request):
                pane.comparison.show_comparison(result)
                self.comparison_shown.emit()

        self.window.tasks.read(
            archive.compare_lists, list_a, list_b, done=done, failed=pane.comparison.show_error
        )

    # -- trends -----------------------------------------------------------------------------

    def load_trend(self, ask: TrendRequest) -> None:
        """Count the queries over time, and read the timeline's meetings of the same window."""
        archive, pane = self.window.archive, self.trends
        if archive is None or pane is None:
            return
        request = self._request("trend")

        def load() -> tuple[Any, Any]:
            trend = archive.trend(
                ask.queries,
                by=ask.by,  # type: ignore[arg-type]
                date_from=ask.date_from,
                date_to=ask.date_to,
            )
            return trend, archive.timeline(date_from=ask.date_from, date_to=ask.date_to)

        def done(payload: tuple[Any, Any]) -> None:
            if self._current("trend", request):
                pane.show_trend(*payload)
                self.trend_shown.emit()

        self.window.tasks.read(load, done=done, failed=pane.show_error)

    def load_period(self, query: str, first: str, last: str) -> None:
        """List the passages of one point: the query searched in the period, newest first."""
        archive, pane = self.window.archive, self.trends
        if archive is None or pane is None:
            return
        request = self._request("period")
        label = f"{query} · {first} – {last}"

        def done(result: Any) -> None:
            if self._current("period", request):
                pane.show_period(label, result)
                self.period_shown.emit()

        self.window.tasks.read(
            archive.search,
            query,
            limit=PERIOD_HITS,
            date_from=first,
            date_to=last,
            sort="oldest",
            done=done,
            failed=lambda message: pane.period_status.setText(f"Could not search: {message}"),
        )

    def open_hit(self, hit: Hit, query: str) -> None:
        """Open a period's passage in the reader, the query's words highlighted."""
        self.window.reading.open_document(hit.doc_id, passage=hit.passage, query=query)
