"""`python -m scripts.docs`: see scripts/docs/build.py."""

import sys

from scripts.docs.build import main

sys.exit(main())
