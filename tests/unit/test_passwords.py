"""Password hashes at full cost outside the test suite, which lowers the cost for speed (tests/conftest.py)."""
from __future__ import annotations

import subprocess
import sys

from werkzeug.security import check_password_hash

from craftreview.services import passwords


def test_a_fresh_process_hashes_at_werkzeug_s_full_scrypt_cost():
    """The suite's lowered cost must never be what the site runs with: a process that did not load the test
    configuration hashes with scrypt at n = 2**15."""
    made = subprocess.run(
        [sys.executable, "-c", "from craftreview.services.passwords import hash_password; print(hash_password('x'))"],
        capture_output=True, text=True, check=True).stdout.strip()
    assert made.startswith("scrypt:32768:8:1$") and check_password_hash(made, "x")


def test_the_unknown_address_check_costs_what_a_real_check_does_and_matches_nothing():
    dummy = passwords.dummy_hash()
    assert dummy.split("$")[0] == passwords.hash_password("whatever").split("$")[0]
    assert not passwords.verify_password(dummy, "")
