from __future__ import annotations

import getpass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from interlock.accounts.services import user_create
from interlock.domain.permissions import Role
from interlock.registry.models import Organization


class Command(BaseCommand):
    help = "Create an account in an organization with a role (asks for the password)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--organization", required=True, help="acronym, e.g. AU")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])
        parser.add_argument("--staff", action="store_true", help="may use the Django admin")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = Organization.objects.filter(acronym=options["organization"]).first()
        if organization is None:
            raise CommandError(
                f"No organization {options['organization']!r}; load the reference data first."
            )
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        try:
            user = user_create(
                actor=None,
                username=options["username"],
                email=options["email"],
                organization=organization,
                role=Role(options["role"]),
                password=password,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if options["staff"]:
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        self.stdout.write(f"Created {user.username} ({user.role}, {organization.acronym}).")
