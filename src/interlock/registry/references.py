"""How the registry's objects are named elsewhere: all are public facts of the partnership."""

from django.utils.translation import gettext_lazy as _

from interlock.core.references import register_public
from interlock.registry.models import (
    Country,
    LiaisonAppointment,
    Membership,
    Organization,
    ReportedMemberCount,
)

register_public(Organization, noun=_("an organization"))
register_public(Country, noun=_("a country"))
register_public(Membership, noun=_("a membership"))
register_public(LiaisonAppointment, noun=_("a liaison appointment"))
register_public(ReportedMemberCount, noun=_("a reported member count"))
