"""The reader window (PySide6 Widgets) over the core: ``app.run`` starts it.

window (main window) · documents (list model + filter) · pane (reading pane) ·
panel (organisations and sources) · worker (background loading) · findbar · welcome ·
actions (menus, shortcuts) · dialogs (export, about) · exporter (Export All in the background) · theme · counts ·
source (the loader without a cache).
"""
