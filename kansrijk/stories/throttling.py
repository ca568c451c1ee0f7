"""A small rate limit for the public story form, kept in Django's cache.

The client's address is hashed (with the secret key) before it becomes a cache key: no IP
address is stored. With the default in-memory cache the limit holds per process; production
with several workers should configure a shared cache (see docs/stories.md).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = 5
DEFAULT_WINDOW_SECONDS = 3600


def limit_and_window() -> tuple[int, int]:
    return (
        getattr(settings, "KANSRIJK_STORY_FORM_LIMIT", DEFAULT_LIMIT),
        getattr(settings, "KANSRIJK_STORY_FORM_WINDOW", DEFAULT_WINDOW_SECONDS),
    )


def client_key(scope: str, address: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"kansrijk:stories:rate:{digest[:32]}"


def hit(scope: str, address: str) -> bool:
    """Count one attempt; answers whether it is still within the limit."""
    limit, window = limit_and_window()
    key = client_key(scope, address or "unknown")
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
