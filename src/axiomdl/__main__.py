"""Allow ``python -m axiomdl``."""

from axiomdl.cli import main

main()
