"""`python -m debateprep` runs the CLI."""

import sys

from debateprep.cli.main import main

sys.exit(main())
