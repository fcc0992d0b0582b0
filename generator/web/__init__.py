"""The website's Markdown pages and the files beside them (open data, charts, search words)."""
