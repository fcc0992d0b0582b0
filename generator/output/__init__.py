"""Writing to disk: the docs folder, the PDFs, and the MkDocs build and preview."""
