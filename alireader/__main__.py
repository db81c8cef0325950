"""Allow ``python -m alireader``."""

import sys

from alireader.cli import main

if __name__ == "__main__":
    sys.exit(main())
