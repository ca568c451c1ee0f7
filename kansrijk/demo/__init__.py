"""The demo: a fictitious coalition, Voorbeeldstad, with areas, a plan, people and figures.

``kansrijk demo`` resets the database (``database.reset_database``), loads the catalogue and
calls ``build_demo``; tests call ``build_demo`` directly.
"""

from .building import DemoError, DemoSummary, build_demo, describe_demo
from .content import DEMO_PASSWORD

__all__ = ["DEMO_PASSWORD", "DemoError", "DemoSummary", "build_demo", "describe_demo"]
