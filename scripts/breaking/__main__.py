"""`python -m scripts.breaking`: see scripts/breaking/gate.py."""

import sys

from scripts.breaking.gate import main

sys.exit(main())
