"""Headless Chromium (Debian's package) driven by Playwright, plus axe-core checks.

``make test`` installs Debian's ``chromium``; Playwright never downloads a browser of its own.
axe-core comes with the ``axe-playwright-python`` package from PyPI.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from axe_playwright_python.base import AXE_SCRIPT

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
SCREENSHOT_DIR = Path(os.environ.get("KANSRIJK_SCREENSHOT_DIR", "test-output/screenshots"))


def chromium_path() -> str:
    """The system Chromium; raises with a clear message when ``make test`` did not install it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    raise RuntimeError(
        "Chromium ontbreekt. `make test` installeert het Debian-pakket 'chromium'; "
        "of installeer het zelf met `apt-get install chromium`."
    )


def blocking_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations of impact serious or critical on this page."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def save_screenshot(page, name: str) -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
