"""Measuring the extractor on a team's own annotated events (the annotation guide's JSONL)."""
