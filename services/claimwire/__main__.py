"""`python -m claimwire` is the `claimwire` command."""

from claimwire.cli import main

main()
