"""Shared test fixtures: the three standard people and a coalition they meet in.

``owner`` is the coordinator of ``coalition``, ``editor`` may edit it, ``member`` is a
read-only viewer, and ``outsider`` belongs to another coalition.
"""

import os

os.environ.setdefault("KANSRIJK_TESTING", "1")

import pytest  # noqa: E402

from kansrijk.coalitions.models import Role  # noqa: E402
from kansrijk.testing.factories import (  # noqa: E402
    AreaFactory,
    CoalitionFactory,
    IndicatorFactory,
    MembershipFactory,
    UserFactory,
)

SHARED_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shared", "data")


@pytest.fixture
def shared_data_dir():
    """The real open data in ../shared/data; tests using it skip cleanly when it is absent."""
    path = os.environ.get("KANSRIJK_SHARED_DATA", SHARED_DATA)
    if not os.path.isdir(path):
        pytest.skip("../shared/data is not available")
    return path


@pytest.fixture
def municipality(db):
    return AreaFactory(code="GM9999", name="Voorbeeldstad", level="municipality")


@pytest.fixture
def coalition(db, municipality):
    coalition = CoalitionFactory(name="Kansrijk Voorbeeldstad", slug="voorbeeldstad")
    coalition.areas.add(municipality)
    return coalition


@pytest.fixture
def other_coalition(db):
    return CoalitionFactory(name="Kansrijk Elders", slug="elders")


@pytest.fixture
def owner(coalition):
    user = UserFactory(username="alice@example.org", email="alice@example.org")
    MembershipFactory(user=user, coalition=coalition, role=Role.COORDINATOR)
    return user


@pytest.fixture
def editor(coalition):
    user = UserFactory(username="erik@example.org", email="erik@example.org")
    MembershipFactory(user=user, coalition=coalition, role=Role.EDITOR)
    return user


@pytest.fixture
def member(coalition):
    user = UserFactory(username="bob@example.org", email="bob@example.org")
    MembershipFactory(user=user, coalition=coalition, role=Role.VIEWER)
    return user


@pytest.fixture
def outsider(other_coalition):
    user = UserFactory(username="charlie@example.org", email="charlie@example.org")
    MembershipFactory(user=user, coalition=other_coalition, role=Role.COORDINATOR)
    return user


@pytest.fixture
def indicator(db):
    return IndicatorFactory(code="big2", unit="percentage", direction="lower")
