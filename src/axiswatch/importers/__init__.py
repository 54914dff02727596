"""Importers of reference data in their publishers' formats: UN votes, vetoes, Factbook."""
