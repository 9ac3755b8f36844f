"""The ``interlock`` command: Django's management commands, with Interlock's own among them
(``load_reference``, ``create_demo_accounts``, ``createuser``, ``backup``, ``restore``)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interlock.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
