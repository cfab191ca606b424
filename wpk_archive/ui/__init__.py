"""The PySide6 desktop app: thin; shows what core returns and sends what the user asks."""
