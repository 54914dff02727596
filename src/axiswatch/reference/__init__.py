"""Reference data that ships with axiswatch (the pack) and its updates from the publishers."""
