"""Catalogue generator: content YAML -> validated model -> Markdown -> MkDocs site.

Data flows one way: source (read + parse YAML with positions) -> model (typed
validation) -> checks (cross-file references) -> collect (indexes) -> render
(pure Markdown text) -> write (disk) -> site (MkDocs build and atomic swap).
"""
