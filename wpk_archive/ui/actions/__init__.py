"""The window's flows, one module each: corrections, import, export.

Each flow is a small object that holds the window it serves. The window builds them and wires its
menus to them; a flow asks the window's task runner for every archive call and never reads the
archive on the GUI thread.
"""
