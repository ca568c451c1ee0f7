"""Documentation stays true: every setting read from the environment is documented."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _environment_variables_read_by_settings() -> set[str]:
    source = (ROOT / "kansrijk" / "settings.py").read_text()
    return set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', source)) | set(
        re.findall(r'os\.environ\.get\(\s*"([A-Z0-9_]+)"', source)
    )


def test_every_environment_variable_is_documented():
    documented = (ROOT / "docs" / "production.md").read_text()
    names = _environment_variables_read_by_settings() - {"KANSRIJK_TESTING"}
    assert "DATABASE_URL" in names
    missing = sorted(name for name in names if f"`{name}`" not in documented)
    assert missing == []


def test_readme_starts_with_the_two_commands():
    lines = [line for line in (ROOT / "README.md").read_text().splitlines() if line.strip()]
    assert lines[1:4] == ["```", "make demo", "make test"]
