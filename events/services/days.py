"""The unified days of action of the roadmap (item 41): held every year, each in its own month."""

from events.models import DayOfAction

DAYS_OF_ACTION = [
    # slug, month, day of the month, {language: name}, {language: description}
    (
        "save-a-life",
        4,
        None,
        {
            "kk": "«Өмірді сақта» донорлық акциясы",
            "ru": "Акция «Спаси жизнь»",
            "en": "“Save a life” blood donation",
        },
        {
            "kk": "Қан орталықтарымен бірге өтетін донорлық күндер: волонтерлер қан тапсырады, донорларды "
            "шақырады және қан алу пункттерінде көмектеседі.",
            "ru": "Дни донорства вместе с центрами крови: волонтёры сдают кровь, приглашают доноров и "
            "помогают в пунктах забора крови.",
            "en": "Blood donation days with the blood centres: volunteers give blood, bring in donors and "
            "help at the collection points.",
        },
    ),
    (
        "give-warmth",
        5,
        None,
        {
            "kk": "«Жылу сыйла» акциясы",
            "ru": "Акция «Подари тепло»",
            "en": "“Give warmth”",
        },
        {
            "kk": "Ардагерлерге, жалғыз тұратын қарт адамдарға және көмекке мұқтаж отбасыларға қамқорлық: "
            "үйлеріне барып, шаруаларына көмектесу, сыйлықтар мен концерттер.",
            "ru": "Забота о ветеранах, одиноких пожилых людях и семьях, которым нужна помощь: визиты, помощь "
            "по дому, подарки и концерты.",
            "en": "Care for veterans, older people living alone and families in need: visits, help at home, "
            "gifts and concerts.",
        },
    ),
    (
        "safety-day",
        6,
        None,
        {
            "kk": "Бірыңғай қауіпсіздік күні",
            "ru": "Единый день безопасности",
            "en": "Unified safety day",
        },
        {
            "kk": "Жазғы демалыс басталғанда волонтерлер балалар мен отбасыларға суда, жолда және үйде "
            "қауіпсіздік ережелерін және алғашқы көмек көрсетуді үйретеді.",
            "ru": "В начале летних каникул волонтёры учат детей и семьи правилам безопасности на воде, на "
            "дороге и дома и оказанию первой помощи.",
            "en": "As the summer holidays begin, volunteers teach children and families how to stay safe on "
            "the water, on the road and at home, and how to give first aid.",
        },
    ),
    (
        "zoo-care",
        8,
        None,
        {
            "kk": "«Зооқамқорлық»: жануарлар баспаналарына көмек күні",
            "ru": "«Зоозабота»: день помощи приютам для животных",
            "en": "“Zoo-care”: animal shelters day",
        },
        {
            "kk": "Волонтерлер жануарлар баспаналарына көмектеседі: жануарларды серуендетеді және күтеді, "
            "азық жинайды, вольерлерді жөндейді, жануарларға жаңа иелер іздейді.",
            "ru": "Волонтёры помогают приютам для животных: выгуливают животных и ухаживают за ними, "
            "собирают корм, ремонтируют вольеры и ищут животным новых хозяев.",
            "en": "Volunteers help animal shelters: they walk and look after the animals, collect food, mend "
            "the enclosures and find the animals new homes.",
        },
    ),
    (
        "clean-planet",
        9,
        None,
        {
            "kk": "«Таза планета» марафоны",
            "ru": "Марафон «Чистая планета»",
            "en": "“Clean planet” marathon",
        },
        {
            "kk": "Саябақтарды, өзен жағалауларын және тау соқпақтарын тазалау, ағаш отырғызу және қоқысты "
            "сұрыптау — «Біргеміз: Таза әлем» жобасымен бірге.",
            "ru": "Уборка парков, берегов рек и горных троп, посадка деревьев и сортировка отходов — вместе "
            "с проектом «Біргеміз: Таза әлем».",
            "en": "Clean-ups of parks, riverbanks and mountain trails, tree planting and waste sorting, with "
            "the Birgemiz: Taza Álem project.",
        },
    ),
    (
        "volunteer-day",
        12,
        5,
        {
            "kk": "Халықаралық волонтерлер күні",
            "ru": "Международный день волонтёра",
            "en": "International Volunteer Day",
        },
        {
            "kk": "5 желтоқсан — БҰҰ жариялаған волонтерлер күні: волонтерлерге алғыс айтамыз, жылдың "
            "қорытындысын шығарамыз, волонтерлік ұйымдар ашық есік күндерін өткізеді.",
            "ru": "5 декабря — день волонтёров, учреждённый ООН: благодарим волонтёров, подводим итоги года, "
            "волонтёрские организации проводят дни открытых дверей.",
            "en": "5 December, the volunteers' day proclaimed by the UN: we thank volunteers, sum up the "
            "year, and volunteer organisations open their doors.",
        },
    ),
]


def days_of_action_ensure() -> int:
    """Create or update the six days of action; returns how many there are."""
    for order, (slug, month, day, name, description) in enumerate(DAYS_OF_ACTION):
        DayOfAction.objects.update_or_create(
            slug=slug,
            defaults={
                "month": month,
                "day": day,
                "name": name,
                "description": description,
                "sort_order": order,
            },
        )
    return len(DAYS_OF_ACTION)
