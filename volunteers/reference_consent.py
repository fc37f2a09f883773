"""The first version of the consent to personal-data processing (Law No. 94-V of 21 May 2013, art. 8).

Seeded once; editors publish later versions in the admin. The operator's legal name must be set by whoever runs
the platform: this default names the republican front office.
"""

CONSENT_V1 = {
    "operator": {
        "kk": "Біргеміз платформасының операторы — Республикалық волонтерлер фронт-офисі.",
        "ru": "Оператор платформы «Біргеміз» — Республиканский фронт-офис волонтёров.",
        "en": "The operator of the Birgemiz platform is the Republican volunteer front office.",
    },
    "purpose": {
        "kk": "Волонтерлерді тіркеу, іс-шараларға жазу, оқыту, волонтерлік сағаттарды есепке алу және есептілік.",
        "ru": "Регистрация волонтёров, запись на мероприятия, обучение, учёт волонтёрских часов и отчётность.",
        "en": "Registering volunteers, signing them up for events, training, recording volunteer hours, reporting.",
    },
    "data_collected": {
        "kk": "Аты-жөні, электрондық пошта, туған күні, облысы мен қаласы, телефоны, тілдері, қызығатын "
        "бағыттары, дағдылары, бос уақыты; 16 жасқа толмағандар үшін — заңды өкілінің аты-жөні мен байланысы. "
        "Жеке басын куәландыратын құжаттардың көшірмелері жиналмайды.",
        "ru": "Имя и фамилия, электронная почта, дата рождения, область и город, телефон, языки, интересующие "
        "направления, навыки, свободное время; для лиц младше 16 лет — имя и контакты законного представителя. "
        "Копии документов, удостоверяющих личность, не собираются.",
        "en": "Name, e-mail, date of birth, region and city, phone, languages, directions of interest, skills, "
        "availability; for people under 16, the name and contacts of a legal guardian. No copies of identity "
        "documents are collected.",
    },
    "period": {
        "kk": "Келісімді кері қайтарғанға немесе аккаунтты жойғанға дейін; содан кейін дербес деректер бір "
        "күн ішінде жойылады, тек иесіз жиынтық көрсеткіштер қалады.",
        "ru": "До отзыва согласия или удаления учётной записи; после этого персональные данные удаляются в "
        "течение одного дня, остаются только обезличенные сводные показатели.",
        "en": "Until you withdraw consent or delete your account; your personal data is then erased within one "
        "day and only anonymous aggregate figures remain.",
    },
    "third_parties": {
        "kk": "Тек сіз қатысатын іс-шараларды ұйымдастыратын ұйымдарға (аты-жөні, телефоны, жасы) және заң "
        "талап еткен жағдайда мемлекеттік органдарға беріледі.",
        "ru": "Только организациям, проводящим мероприятия, в которых вы участвуете (имя, телефон, возраст), и "
        "государственным органам в случаях, предусмотренных законом.",
        "en": "Only to the organisations running the events you join (name, phone, age) and to state bodies "
        "where the law requires it.",
    },
    "cross_border": {
        "kk": "Жоқ: деректер Қазақстандағы серверлерде сақталады және шетелге берілмейді.",
        "ru": "Нет: данные хранятся на серверах в Казахстане и за рубеж не передаются.",
        "en": "None: the data is stored on servers in Kazakhstan and is not transferred abroad.",
    },
    "publication": {
        "kk": "Тек волонтер картасының ашық бетінде көрсетуді өзіңіз таңдаған деректер жарияланады.",
        "ru": "Публикуется только то, что вы сами решили показать на открытой странице карты волонтёра.",
        "en": "Only what you choose to show on the public page of your volunteer card is published.",
    },
}
