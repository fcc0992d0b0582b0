"""The printed catalogues: HTML for print, laid out as PDF by WeasyPrint, composed and imposed."""
