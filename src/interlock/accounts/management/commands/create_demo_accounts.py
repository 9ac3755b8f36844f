from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from interlock.reference.demo import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create one demo account per role and print the sign-ins (not for production)."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo accounts are not created in the production profile.")
        accounts = demo_accounts_ensure(path=settings.VAR_DIR / "demo-sign-ins.txt")
        self.stdout.write("Demo sign-ins (user name / password / role / organization):")
        for account, password in accounts:
            self.stdout.write(
                f"  {account.username:<15} {password:<18} {account.role.value:<18} {account.organization}"
            )
