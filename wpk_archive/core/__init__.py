"""Everything that is not a screen. This package never imports PySide6."""
