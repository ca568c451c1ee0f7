"""The ``kansrijk`` console script: Django's management commands plus the project's own.

``kansrijk catalog load`` is the same as ``python manage.py catalog load``.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "kansrijk"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
