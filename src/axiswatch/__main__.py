"""`python -m axiswatch`."""

from axiswatch.cli.app import main

main()
