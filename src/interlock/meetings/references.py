"""How meetings are named elsewhere: the meetings of the partnership are public."""

from django.utils.translation import gettext_lazy as _

from interlock.core.references import register_public
from interlock.meetings.models import Delegation, Meeting

register_public(Meeting, noun=_("a meeting"))
register_public(Delegation, noun=_("a delegation"))
