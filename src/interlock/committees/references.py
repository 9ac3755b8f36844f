"""How committees are named elsewhere: the working groups are public (¶4)."""

from django.utils.translation import gettext_lazy as _

from interlock.committees.models import WorkingGroup
from interlock.core.references import register_public

register_public(WorkingGroup, noun=_("a working group"))
