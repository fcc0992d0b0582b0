"""The printed catalogues: their data, laid out as PDF by Typst, and imposed as booklets."""
