"""The root of the test suite. Shared fixtures, options and hooks are plugins in tests/lib/fixtures,
loaded here for every run, whatever directory pytest starts from; plain helpers are modules
of tests/lib. A directory's own conftest holds only the fixtures of that directory.

Being in the package `tests` (with its __init__.py), this file puts the repository root on
sys.path, so `scripts` and `tests.lib` import however pytest is started.
"""

pytest_plugins = [
    "tests.lib.fixtures.hermetic",
    "tests.lib.fixtures.drills",
    "tests.lib.fixtures.parallel",
]
