"""Qt item models over core results: ids plus a lazily filled row cache."""
