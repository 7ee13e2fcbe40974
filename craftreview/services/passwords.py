"""Password hashing and policy (no framework imports beyond Werkzeug's KDF helpers)."""
from __future__ import annotations

import secrets
from functools import lru_cache

from werkzeug.security import check_password_hash, generate_password_hash

from ..text import fold_key

MIN_LENGTH = 12
MAX_LENGTH = 128
# The most common passwords of at least 12 characters seen in public breach lists;
# short ones are already rejected by the length rule.
COMMON_PASSWORDS = frozenset({
    "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111",
    "000000000000", "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y",
    "1qaz2wsx3edc", "passwordpassword", "password1234", "password12345", "password123456",
    "password1!", "iloveyou1234", "abcdefghijkl", "abc123456789", "aaaaaaaaaaaa",
    "letmein12345", "welcome12345", "administrator", "adminadmin123", "football1234",
    "baseball1234", "sunshine1234", "princess1234", "superman1234", "trustno1trustno1",
    "changeme1234", "qazwsxedcrfv", "zaq12wsxcde3", "asdfghjkl123", "monkey123456",
    "dragon123456", "master123456", "whatever1234", "passw0rd1234", "p@ssw0rd1234",
    "craftreview123", "craftreview1234", "correcthorsebatterystaple",
})


PERSONAL_MESSAGE = "Your password must not be your email address or display name; choose another."


def password_problem(password: str, personal: tuple[str, ...] = ()) -> str | None:
    """Why a password is unacceptable, or None when it is fine; personal: the account's email address and display
    name, which anyone who sees a review or a mail knows (an address's part before the @ counts too)."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) <= 2:
        return "This password is too common or too easy to guess; choose another."
    if _squeezed(password) in {_squeezed(p) for value in personal if value for p in (value, value.partition("@")[0])}:
        return PERSONAL_MESSAGE
    return None


def _squeezed(text: str) -> str:
    """text.fold_key with the spaces taken out: "Maria Lopez" and "ＭＡＲＩＡＬＯＰＥＺ" are one."""
    return "".join(fold_key(text).split())


# Werkzeug's scrypt at its full cost (n = 2**15, r = 8, p = 1): about 0.1 s and 32 MB a hash, on purpose. The test
# suite lowers it for speed (tests/conftest.py); tests/unit/test_passwords.py checks a fresh process uses this.
HASH_METHOD = "scrypt:32768:8:1"


def hash_password(password: str) -> str:
    """Slow salted hash (scrypt, HASH_METHOD)."""
    return generate_password_hash(password, method=HASH_METHOD)


def dummy_hash() -> str:
    """A hash at the current cost that matches no password: checked for an unknown address, so that a login attempt
    takes as long whether or not the account exists."""
    return _dummy_hash(HASH_METHOD)


@lru_cache(maxsize=2)
def _dummy_hash(method: str) -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


_dummy_hash(HASH_METHOD)  # made at import, so that the first unknown address is not the one slower attempt


def verify_password(password_hash: str, password: str) -> bool:
    """Constant-time check of a password against its stored hash."""
    return check_password_hash(password_hash, password)
