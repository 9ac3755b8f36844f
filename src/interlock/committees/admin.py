from django.contrib import admin

from interlock.committees.models import WorkingGroup

admin.site.register(WorkingGroup)
