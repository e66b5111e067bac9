"""`python -m konflikt ...` runs the `konflikt` command."""

from konflikt.cli import main

main()
