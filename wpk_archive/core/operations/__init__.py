"""The work behind the :class:`wpk_archive.core.archive.Archive` gateway, one module per seam.

- ``common``: errors, constants, the import report and the summary shapes;
- ``opening``: an archive folder opened (lock, damage checks, read-only or not) and brought up to
  date;
- ``importing``: the batch loop of every import and of re-extraction;
- ``editing``: corrections of events and documents, deletes, undo, the user's texts;
- ``records``: corrections and notes files read back, a deleted document put back;
- ``upkeep``: the timeline merged again, the index checked, kept in step and rebuilt, doctor;
- ``reading``: search, match spans, trends, summaries as shown;
- ``people``: people, printed lists and the user's splits;
- ``web``: importing a web page or feed.

Every function takes the open archive; only the gateway calls them.
"""
