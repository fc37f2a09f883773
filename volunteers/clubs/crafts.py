"""The crafts offered when a master declares one: a default list, kept in the database so that admins can add
crafts and correct their names in the three languages (`crafts_ensure` adds what is missing, never edits)."""

CRAFTS = [
    ("woodwork", "Ағаш өңдеу және ою", "Резьба и обработка дерева", "Woodwork and carving"),
    ("jewellery", "Зергерлік", "Ювелирное дело", "Jewellery"),
    ("weaving", "Кілем және алаша тоқу", "Ковроткачество и ткачество", "Weaving and carpet making"),
    ("felt", "Киіз басу", "Валяние войлока", "Felt-making"),
    ("sewing", "Тігіншілік", "Шитьё и кройка", "Sewing and tailoring"),
    ("embroidery", "Кесте тігу", "Вышивка", "Embroidery"),
    ("leather", "Былғары өңдеу", "Обработка кожи", "Leatherwork"),
    ("cuisine", "Ұлттық тағамдар", "Национальная кухня", "National cuisine"),
    ("dombra", "Домбыра жасау", "Изготовление домбры", "Dombra making"),
    ("bows", "Садақ пен жебе жасау", "Изготовление луков и стрел", "Bows and arrows"),
    ("saddlery", "Ер-тұрман жасау", "Изготовление сёдел и конской сбруи", "Saddles and horse harness"),
    ("chiy", "Ши тоқу", "Плетение чия", "Chiy screen weaving"),
    ("pottery", "Қыш құмыра жасау", "Гончарное дело", "Pottery"),
    ("smithing", "Ұсталық", "Кузнечное дело", "Blacksmithing"),
]


def crafts_ensure(craft_model=None) -> int:
    """Adds the default crafts that are missing (by slug); returns how many were added. `craft_model` is the
    historical model in a data migration."""
    if craft_model is None:
        from volunteers.clubs.models import Craft as craft_model
    existing = set(craft_model.objects.values_list("slug", flat=True))
    missing = [
        craft_model(slug=slug, name={"kk": kk, "ru": ru, "en": en}, sort_order=index)
        for index, (slug, kk, ru, en) in enumerate(CRAFTS)
        if slug not in existing
    ]
    craft_model.objects.bulk_create(missing)
    return len(missing)
