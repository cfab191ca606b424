"""The W3 codec's posting-list layout and the Positions format's value encoding (part of
:mod:`wpk_archive.core.search.whoosh_private`)."""

from __future__ import annotations

import itertools
import struct
from functools import lru_cache
from itertools import accumulate
from pickle import dumps

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length

from wpk_archive.core.search.whoosh_private.pickles import plain_loads

MAGIC_SIZE = len(WHOOSH3_HEADER_MAGIC)
"""A W3 posting list starts with this magic, then its blocks."""
_INT = struct.Struct("!i")
LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)
"""Field length per stored length byte (the codec keeps one byte per passage, so rounded)."""
SINGLE_POSITIONS = 4096


# -- positions (the Positions format's value encoding) ----------------------------------------


def encode_positions(poslist: list[int]) -> bytes:
    """``Positions.encode``: the count, then the pickled position deltas."""
    deltas = [poslist[0]]
    deltas.extend(b - a for a, b in itertools.pairwise(poslist))
    encoded: bytes = pack_uint(len(deltas)) + dumps(deltas, 2)
    return encoded


ONE_POSITION = [encode_positions([i]) for i in range(SINGLE_POSITIONS)]
"""The encoding of each single position: most words occur once in a passage, so their value is
looked up here when writing (and the position looked up from the value when reading)."""
SINGLE = {value: position for position, value in enumerate(ONE_POSITION)}
"""Encoded single positions and the position each holds."""


@lru_cache(maxsize=1 << 16)
def decode_positions(value: bytes) -> tuple[int, ...]:
    """The positions in an encoded ``Positions`` value (count, then pickled deltas); the
    same values recur in many passages, so decodings are kept."""
    single = SINGLE.get(value)
    if single is not None:
        return (single,)
    return tuple(accumulate(plain_loads(value[_INT.size :])))
