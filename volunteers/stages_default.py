"""The default path of five stages. No official thresholds are published: these are the platform's own,
marked `default_thresholds` and shown as such until an editor sets the programme's. Created by migration 0008
and by the seed (reference data), so a database emptied by a test or by hand gets them back."""

from decimal import Decimal

STAGES = [
    {
        "slug": "first-step",
        "icon": "seedling",
        "min_hours": Decimal(1),
        "name": {"kk": "Алғашқы қадам", "ru": "Первый шаг", "en": "First step"},
        "description": {
            "kk": "Платформада расталған алғашқы волонтерлік сағат.",
            "ru": "Первый подтверждённый волонтёрский час на платформе.",
            "en": "Your first verified volunteer hour on the platform.",
        },
        "rewards": {
            "kk": "Волонтер кітапшасындағы белгі және құттықтау хаты.",
            "ru": "Отметка в книжке волонтёра и поздравительное письмо.",
            "en": "A mark in your volunteer book and a letter of congratulations.",
        },
    },
    {
        "slug": "active",
        "icon": "sprout",
        "min_hours": Decimal(20),
        "min_events": 3,
        "min_courses": 1,
        "name": {"kk": "Белсенді волонтер", "ru": "Активный волонтёр", "en": "Active volunteer"},
        "description": {
            "kk": "20 расталған сағат, үш іс-шара және бір аяқталған курс.",
            "ru": "20 подтверждённых часов, три мероприятия и один пройденный курс.",
            "en": "20 verified hours, three events and one course completed.",
        },
        "rewards": {
            "kk": "Кезең сертификаты; серіктестердің ұсыныстары (мысалы, әлеуметтік студенттік кредит).",
            "ru": "Сертификат этапа; предложения партнёров (например, социальный студенческий кредит).",
            "en": "A stage certificate; partners' incentives (for example the social student credit).",
        },
    },
    {
        "slug": "experienced",
        "icon": "tree",
        "min_hours": Decimal(100),
        "min_events": 10,
        "min_courses": 2,
        "min_months": 6,
        "name": {"kk": "Тәжірибелі волонтер", "ru": "Опытный волонтёр", "en": "Experienced volunteer"},
        "description": {
            "kk": "100 сағат, он іс-шара, екі курс және алғашқы қызметтен бері кемінде алты ай.",
            "ru": "100 часов, десять мероприятий, два курса и не меньше шести месяцев с первой активности.",
            "en": "100 hours, ten events, two courses and at least six months since your first activity.",
        },
        "rewards": {
            "kk": "Ұсыным хаты; жаңа волонтерлерге тәлімгер болуға шақыру.",
            "ru": "Рекомендательное письмо; приглашение стать наставником для новичков.",
            "en": "A letter of recommendation; an invitation to mentor newcomers.",
        },
    },
    {
        "slug": "leader",
        "icon": "star",
        "min_hours": Decimal(250),
        "min_events": 25,
        "min_courses": 3,
        "min_months": 12,
        "min_mentoring_hours": Decimal(10),
        "name": {"kk": "Волонтер-көшбасшы", "ru": "Волонтёр-лидер", "en": "Volunteer leader"},
        "description": {
            "kk": "250 сағат, 25 іс-шара, үш курс, бір жыл және 10 сағат тәлімгерлік.",
            "ru": "250 часов, 25 мероприятий, три курса, год и 10 часов наставничества.",
            "en": "250 hours, 25 events, three courses, a year and 10 hours of mentoring.",
        },
        "rewards": {
            "kk": "«Жыл волонтері» номинациясына ұсыну мүмкіндігі; өңірлік марапаттар.",
            "ru": "Возможность выдвижения на «Волонтёра года»; региональные награды.",
            "en": "Eligible to be put forward for Volunteer of the year; regional awards.",
        },
    },
    {
        "slug": "master",
        "icon": "medal",
        "min_hours": Decimal(500),
        "min_events": 50,
        "min_courses": 4,
        "min_months": 24,
        "min_mentoring_hours": Decimal(40),
        "name": {"kk": "Волонтер жолының шебері", "ru": "Мастер пути волонтёра", "en": "Master of the path"},
        "description": {
            "kk": "500 сағат, 50 іс-шара, төрт курс, екі жыл және 40 сағат тәлімгерлік.",
            "ru": "500 часов, 50 мероприятий, четыре курса, два года и 40 часов наставничества.",
            "en": "500 hours, 50 events, four courses, two years and 40 hours of mentoring.",
        },
        "rewards": {
            "kk": "Ұлттық деңгейдегі алғыс хат және ұлттық іс-шараларға шақыру.",
            "ru": "Благодарственное письмо национального уровня и приглашения на национальные мероприятия.",
            "en": "A national letter of thanks and invitations to national events.",
        },
    },
]


def default_stages_create(Stage) -> int:
    """Create the default path when there are no stages at all (an editor's path, even emptied of active
    stages, is left alone); `Stage` is the model, or the migration's historical one. Returns how many."""
    if Stage.objects.exists():
        return 0
    for position, stage in enumerate(STAGES, start=1):
        Stage.objects.create(position=position, default_thresholds=True, **stage)
    return len(STAGES)
