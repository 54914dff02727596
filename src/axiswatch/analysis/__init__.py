"""Analyses of the stored events and UN votes, written once as Ibis expressions.

Modules: ``dyads`` (dyad series), ``triangle`` (strategic triangle and balance),
``alignment`` (UNGA voting alignment), ``idealpoints`` (ideal point loader),
``changepoints`` (PELT breaks), ``charts`` (Vega-Lite output). Each analysis takes Ibis tables,
so it runs on any backend holding the store tables; ``_backend`` opens the DuckDB workspace.
"""
