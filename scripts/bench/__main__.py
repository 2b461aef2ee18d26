"""`python -m scripts.bench`: see scripts/bench/report.py."""

import sys

from scripts.bench.report import main

sys.exit(main())
