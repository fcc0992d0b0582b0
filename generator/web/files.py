"""The site's files that are not pages: open data, the charts' pictures, the search
word list. Pure, like the pages: index in, `{path: text}` out."""

from __future__ import annotations

from generator.content.index import Index
from generator.web import opendata, search_words, stats


def data_files(index: Index) -> dict[str, str]:
    """Open data and chart pictures for the city office, beside the pages that describe
    them (`data-terbuka.md`, `statistik.md`), and the search box's word list."""
    files = dict(opendata.files(index))
    for chart in stats.charts(index):
        files[f"statistik/{chart.name}.svg"] = stats.svg(chart)
    files.update(search_words.search_files(index))  # read by cari.js
    return files
