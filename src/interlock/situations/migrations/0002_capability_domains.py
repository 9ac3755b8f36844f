"""The capability domains of issue 11, as data (the secretariat may add others in the admin)."""

from django.db import migrations

DOMAINS = [
    ("mediation", "Mediation and good offices", "Médiation et bons offices", "teams"),
    ("military-peacekeeping", "Military peacekeeping", "Maintien de la paix militaire", "personnel"),
    ("police", "Police", "Police", "officers"),
    ("civilian-protection", "Civilian protection", "Protection des civils", "personnel"),
    ("electoral-assistance", "Electoral assistance", "Assistance électorale", "experts"),
    (
        "human-rights-monitoring",
        "Human rights monitoring",
        "Surveillance des droits de l'homme",
        "monitors",
    ),
    ("counter-terrorism", "Counter-terrorism", "Lutte contre le terrorisme", "experts"),
    (
        "disarmament-verification",
        "Disarmament and verification",
        "Désarmement et vérification",
        "inspectors",
    ),
    ("disaster-relief", "Disaster relief", "Secours en cas de catastrophe", "personnel"),
    ("humanitarian-assistance", "Humanitarian assistance", "Aide humanitaire", "tonnes"),
    ("rule-of-law", "Rule of law", "État de droit", "experts"),
    ("development-support", "Development support", "Appui au développement", "USD millions"),
]


def create(apps, schema_editor):
    CapabilityDomain = apps.get_model("situations", "CapabilityDomain")
    for key, en, fr, unit in DOMAINS:
        CapabilityDomain.objects.update_or_create(
            key=key, defaults={"name_en": en, "name_fr": fr, "unit": unit}
        )


class Migration(migrations.Migration):
    dependencies = [("situations", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
