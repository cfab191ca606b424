"""The words the summaries count and the words they ignore (shared by :mod:`.summaries` and
:mod:`.summaries_rank`)."""

from __future__ import annotations

import re

STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves said says say"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())
WORD = re.compile(r"[a-z0-9]+")
