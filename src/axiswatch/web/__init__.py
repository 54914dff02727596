"""The web workbench: HTML pages over the same functions as the API (each page has a JSON twin)."""
