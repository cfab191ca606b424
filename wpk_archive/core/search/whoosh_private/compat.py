"""The Whoosh release this package is written against, checked at import (part of
:mod:`wpk_archive.core.search.whoosh_private`: the package imports it first)."""

from __future__ import annotations

import whoosh

SUPPORTED_WHOOSH = (2, 7, 5)
WHOOSH_VERSION = ".".join(str(n) for n in whoosh.__version__[:3])
"""The Whoosh release in use (recorded in the index stamp: another release rebuilds)."""

if tuple(whoosh.__version__[:3]) != SUPPORTED_WHOOSH:  # pragma: no cover (the pinned release)
    raise ImportError(
        f"wpk_archive's search reads Whoosh {'.'.join(map(str, SUPPORTED_WHOOSH))} segment files "
        f"directly; Whoosh {WHOOSH_VERSION} is installed. Install that release "
        "(pyproject.toml pins it), or check whoosh_private/ against the new one."
    )
