"""The twelve capability domains of 0002 named in Spanish, Russian, Chinese and Arabic as well
(0002 gave English and French only; a domain the secretariat added keeps what it was given)."""

from django.db import migrations
from django.db.models import Q

NAMES = {
    "mediation": (
        "Mediación y buenos oficios",
        "Посредничество и добрые услуги",
        "调解和斡旋",
        "الوساطة والمساعي الحميدة",
    ),
    "military-peacekeeping": (
        "Mantenimiento de la paz militar",
        "Военный компонент поддержания мира",
        "军事维和",
        "حفظ السلام العسكري",
    ),
    "police": ("Policía", "Полиция", "警务", "الشرطة"),
    "civilian-protection": (
        "Protección de los civiles",
        "Защита гражданского населения",
        "保护平民",
        "حماية المدنيين",
    ),
    "electoral-assistance": (
        "Asistencia electoral",
        "Помощь в проведении выборов",
        "选举援助",
        "المساعدة الانتخابية",
    ),
    "human-rights-monitoring": (
        "Vigilancia de los derechos humanos",
        "Наблюдение за соблюдением прав человека",
        "人权监测",
        "رصد حقوق الإنسان",
    ),
    "counter-terrorism": (
        "Lucha contra el terrorismo",
        "Борьба с терроризмом",
        "反恐",
        "مكافحة الإرهاب",
    ),
    "disarmament-verification": (
        "Desarme y verificación",
        "Разоружение и контроль",
        "裁军和核查",
        "نزع السلاح والتحقق",
    ),
    "disaster-relief": (
        "Socorro en casos de desastre",
        "Помощь в случае бедствий",
        "救灾",
        "الإغاثة في حالات الكوارث",
    ),
    "humanitarian-assistance": (
        "Asistencia humanitaria",
        "Гуманитарная помощь",
        "人道主义援助",
        "المساعدة الإنسانية",
    ),
    "rule-of-law": ("Estado de derecho", "Верховенство права", "法治", "سيادة القانون"),
    "development-support": (
        "Apoyo al desarrollo",
        "Поддержка развития",
        "发展支助",
        "دعم التنمية",
    ),
}


def name(apps, schema_editor):
    CapabilityDomain = apps.get_model("situations", "CapabilityDomain")
    for key, (es, ru, zh, ar) in NAMES.items():
        CapabilityDomain.objects.filter(Q(name_es="") | Q(name_es=None), key=key).update(
            name_es=es, name_ru=ru, name_zh_hans=zh, name_ar=ar
        )


class Migration(migrations.Migration):
    dependencies = [("situations", "0006_peacebuilding_configurations")]
    operations = [migrations.RunPython(name, migrations.RunPython.noop)]
