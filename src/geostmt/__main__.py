"""``python -m geostmt`` runs the command line."""

import sys

from geostmt.cli import main

sys.exit(main())
