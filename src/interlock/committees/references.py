"""How committees are named elsewhere: the working groups and the standing committee's terms of
reference are public (¶4, ¶7c)."""

from django.utils.translation import gettext_lazy as _

from interlock.committees.models import CommitteeMember, TermsOfReference, WorkingGroup
from interlock.core.references import register_public

register_public(WorkingGroup, noun=_("a working group"))

# The terms of reference are put to every participant and shown on the committee's public page.
register_public(TermsOfReference, noun=_("terms of reference"))

# Seats are shown on the committee's public page.
register_public(CommitteeMember, noun=_("a seat on the standing committee"))
