"""The reader window (PySide6 Widgets) over the core: ``app.run`` starts it.

window (layout and wiring) · documents (list model + filter) · listview (the list's
table) · searchbar (search box, organisation filter) · pane (reading pane) · panel
(organisations and sources) · marks (what the pane and panel mark) · worker (background
loading) · feeder (rows into the list) · watching (changes on disk) · status (progress,
count) · findbar · welcome · actions (menus, shortcuts) · dialogs (questions, export,
about) · exporter (Export All in the background) · viewstate · links · theme · counts.
"""
