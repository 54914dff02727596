"""The sample corpus that ships with axiswatch, and the demo that builds a workspace from it."""
