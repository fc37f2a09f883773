"""Reference data the seed loads: the directions of volunteering (roadmap 2021-2023, items 12-29)."""

DIRECTIONS = [
    # slug, Birgemiz project, roadmap item, {language: name}
    (
        "bilim",
        True,
        16,
        {
            "kk": "Біргеміз: Білім",
            "ru": "Біргеміз: Білім (цифровая, финансовая, языковая и компьютерная грамотность)",
            "en": "Birgemiz: Bilim (digital, financial, language and computer literacy)",
        },
    ),
    (
        "saulyq",
        True,
        17,
        {
            "kk": "Біргеміз: Саулық",
            "ru": "Біргеміз: Саулық (здравоохранение, уход за больными, хосписы)",
            "en": "Birgemiz: Saýlyq (health care, caring for the sick, hospices)",
        },
    ),
    (
        "sabaqtastyq",
        True,
        18,
        {
            "kk": "Біргеміз: Сабақтастық",
            "ru": "Біргеміз: Сабақтастық (наставничество детей и молодёжи)",
            "en": "Birgemiz: Sabaqtastyq (mentoring children and youth)",
        },
    ),
    (
        "taza-alem",
        True,
        19,
        {
            "kk": "Біргеміз: Таза әлем",
            "ru": "Біргеміз: Таза әлем (защита природы)",
            "en": "Birgemiz: Taza Álem (environment)",
        },
    ),
    (
        "asyl-mura",
        True,
        20,
        {
            "kk": "Біргеміз: Асыл мұра",
            "ru": "Біргеміз: Асыл мұра (историко-культурное наследие)",
            "en": "Birgemiz: Asyl mura (historical and cultural heritage)",
        },
    ),
    (
        "qamqor",
        True,
        21,
        {
            "kk": "Біргеміз: Қамқор",
            "ru": "Біргеміз: Қамқор (дома престарелых и центры соцобслуживания)",
            "en": "Birgemiz: Qamqor (elderly care homes and social service centres)",
        },
    ),
    (
        "umit",
        True,
        22,
        {
            "kk": "Біргеміз: Үміт",
            "ru": "Біргеміз: Үміт (поиск пропавших, ЧС, архивы ВОВ)",
            "en": "Birgemiz: Úmit (missing people, emergencies, WWII archives)",
        },
    ),
    (
        "ayala",
        True,
        23,
        {
            "kk": "Біргеміз: Аяла",
            "ru": "Біргеміз: Аяла (ответственное отношение к животным)",
            "en": "Birgemiz: Ayala (responsible attitude to animals)",
        },
    ),
    (
        "social-work",
        False,
        12,
        {
            "kk": "Әлеуметтік қызметкермен бірге көмек",
            "ru": "Помощь вместе с социальным работником",
            "en": "Helping alongside a social worker",
        },
    ),
    (
        "probono",
        False,
        13,
        {
            "kk": "ProBono заң көмегі",
            "ru": "Юридическая помощь ProBono",
            "en": "ProBono legal aid",
        },
    ),
    (
        "media",
        False,
        27,
        {
            "kk": "Медиаволонтерлік",
            "ru": "Медиаволонтёрство",
            "en": "Media volunteering",
        },
    ),
    (
        "auto",
        False,
        28,
        {
            "kk": "Автоволонтерлік",
            "ru": "Автоволонтёрство",
            "en": "Auto volunteering",
        },
    ),
    (
        "corporate",
        False,
        29,
        {
            "kk": "Корпоративтік волонтерлік",
            "ru": "Корпоративное волонтёрство",
            "en": "Corporate volunteering",
        },
    ),
    (
        "events",
        False,
        None,
        {
            "kk": "Іс-шаралар волонтерлігі (спорт және мәдениет)",
            "ru": "Событийное волонтёрство (спорт и культура)",
            "en": "Event volunteering (sport and culture)",
        },
    ),
]
