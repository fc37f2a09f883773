"""Demo events for a fresh install, so that `make run` opens on a live events section.

They belong to Almaty's regional front office (run by the demo coordinator when the demo accounts exist) and
fall in the weeks after the day the seed runs. Each shows one thing the section does: two shifts, online,
adults only, silver volunteers, a day of action, a weekly series, a shift that is nearly full, a translation
that is missing (no English: the page falls back and says so).
"""

import contextlib
import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from config.errors import DomainError
from events.models import DayOfAction, Event
from events.services.days import days_of_action_ensure
from events.services.events import EventData, ShiftData, event_create, event_publish
from events.services.signups import signup_create
from volunteers.models import Direction, Organisation, User

DEMO_ORGANISATION = "front-office-kz-75"
DEMO_COORDINATOR = "coordinator@demo.birgemiz.kz"
DEMO_VOLUNTEER = "volunteer@demo.birgemiz.kz"


@dataclass
class DemoShift:
    start: int  # hour of the day
    end: int
    capacity: int
    task: dict


@dataclass
class DemoEvent:
    days: int  # from today
    direction: str
    title: dict
    description: dict
    shifts: list[DemoShift]
    address: str = ""
    online_url: str = ""
    languages: list = field(default_factory=lambda: ["kk", "ru"])
    adults_only: bool = False
    min_age: int | None = None
    silver_friendly: bool = False
    accessibility: dict = field(default_factory=dict)
    day_of_action: str = ""
    repeat: int = 0
    # The demo volunteer takes a place here, so the shift shows as nearly full (and "My events" has one).
    demo_signup: bool = False


DEMO_EVENTS = [
    DemoEvent(
        days=3,
        direction="bilim",
        title={
            "kk": "Онлайн сабақ: егде жастағы адамдарға eGov қызметтері",
            "ru": "Онлайн-урок: сервисы eGov для пожилых людей",
            "en": "Online lesson: eGov services for older people",
        },
        description={
            "kk": "Егде жастағы адамдарға eGov порталы мен eGov Mobile қосымшасында анықтама алуды, "
            "дәрігерге жазылуды және қызметтерге төлеуді үйретеміз. Сабақ бейнебайланыс арқылы өтеді; "
            "сілтемені жазылғандарға жібереміз.",
            "ru": "Учим пожилых людей получать справки, записываться к врачу и оплачивать услуги на портале "
            "eGov и в приложении eGov Mobile. Урок проходит по видеосвязи; ссылку пришлём записавшимся.",
            "en": "We show older people how to get certificates, book a doctor and pay for services on the "
            "eGov portal and in the eGov Mobile app. The lesson is held by video call; the link is sent to "
            "those signed up.",
        },
        online_url="https://example.org/birgemiz/egov-lesson",
        shifts=[
            DemoShift(
                18, 20, 2, {"kk": "Сабақты жүргізу", "ru": "Ведение урока", "en": "Leading the lesson"}
            ),
            DemoShift(
                18,
                20,
                6,
                {
                    "kk": "Чаттағы сұрақтарға жауап беру",
                    "ru": "Ответы на вопросы в чате",
                    "en": "Answering questions in the chat",
                },
            ),
        ],
    ),
    DemoEvent(
        days=5,
        direction="taza-alem",
        title={
            "kk": "Есентай өзенінің жағасын тазалау",
            "ru": "Уборка берега реки Есентай",
            "en": "Clean-up of the Esentai riverbank",
        },
        description={
            "kk": "Өзен жағасындағы қоқысты жинап, қайта өңдеуге сұрыптаймыз. Қолғап, қап және су береміз; "
            "ыңғайлы киім киіп, бас киім ала келіңіз.",
            "ru": "Собираем мусор на берегу реки и сортируем его для переработки. Перчатки, мешки и воду "
            "выдаём; приходите в удобной одежде и с головным убором.",
            "en": "We collect litter along the river and sort it for recycling. Gloves, bags and water are "
            "provided; come in comfortable clothes and bring a hat.",
        },
        address="набережная реки Есентай, у пр. аль-Фараби",
        shifts=[
            DemoShift(
                9,
                12,
                25,
                {"kk": "Жағадағы қоқысты жинау", "ru": "Сбор мусора на берегу", "en": "Collecting litter"},
            ),
            DemoShift(
                13,
                16,
                15,
                {
                    "kk": "Қоқысты қайта өңдеуге сұрыптау",
                    "ru": "Сортировка отходов для переработки",
                    "en": "Sorting waste for recycling",
                },
            ),
        ],
    ),
    DemoEvent(
        days=6,
        direction="sabaqtastyq",
        title={
            "kk": "Балалар үйіндегі кітап оқу үйірмесі",
            "ru": "Клуб чтения в детском доме",
            "en": "Reading club at a children's home",
        },
        description={
            "kk": "Апта сайын балалармен бірге кітап оқып, үстел ойындарын ойнаймыз. Тұрақты келе алатын "
            "волонтерлер керек: балалар таныс адамдарды күтеді.",
            "ru": "Каждую неделю читаем с детьми и играем в настольные игры. Нужны волонтёры, которые смогут "
            "приходить регулярно: дети ждут знакомых людей.",
            "en": "Every week we read with the children and play board games. We need volunteers who can "
            "come regularly: the children look forward to familiar faces.",
        },
        address="детский дом, мкр. Аксай",
        min_age=16,
        repeat=2,
        shifts=[
            DemoShift(
                16,
                18,
                6,
                {
                    "kk": "Дауыстап оқу және үстел ойындары",
                    "ru": "Чтение вслух и настольные игры",
                    "en": "Reading aloud and board games",
                },
            )
        ],
    ),
    DemoEvent(
        days=8,
        direction="qamqor",
        title={
            "kk": "Қарттар үйінде шай мен ән",
            "ru": "Чай и песни в доме для пожилых",
            "en": "Tea and songs at a care home",
        },
        description={
            "kk": "Қарттар үйінің тұрғындарымен әңгімелесіп, бірге ән айтып, шай ішеміз. Күміс волонтерлерді "
            "әсіресе күтеміз: өз буыныңыздың әндерімен бөлісіңіз.",
            "ru": "Беседуем с жителями дома для пожилых, поём вместе и пьём чай. Особенно ждём серебряных "
            "волонтёров: поделитесь песнями своего поколения.",
            "en": "We talk with the residents of a care home, sing together and have tea. Silver volunteers "
            "are especially welcome: share the songs of your generation.",
        },
        address="центр социального обслуживания, ул. Байзакова",
        silver_friendly=True,
        accessibility={
            "kk": "Кіреберісте баспалдақ жоқ, екінші қабатқа лифт бар, барлығына орындық жеткілікті.",
            "ru": "Вход без ступенек, есть лифт на второй этаж, сидячие места для всех.",
            "en": "Step-free entrance, a lift to the first floor, seats for everyone.",
        },
        shifts=[
            DemoShift(
                15,
                17,
                12,
                {
                    "kk": "Тұрғындармен әңгіме, ән және шай",
                    "ru": "Беседы с жителями, песни и чай",
                    "en": "Talking with the residents, songs and tea",
                },
            )
        ],
    ),
    DemoEvent(
        days=10,
        direction="asyl-mura",
        # No English on purpose: English visitors see the Kazakh text and a note that it is not translated.
        title={
            "kk": "Мұражайда ескі фотосуреттерді цифрлау",
            "ru": "Оцифровка старых фотографий в музее",
        },
        description={
            "kk": "Мұражай қорындағы ескі фотосуреттерді сканерлеп, әрқайсысына қысқаша сипаттама жазамыз. "
            "Компьютермен жұмыс істей білсеңіз жеткілікті, қалғанын үйретеміз.",
            "ru": "Сканируем старые фотографии из фондов музея и к каждой пишем короткое описание. "
            "Достаточно уметь работать с компьютером, остальному научим.",
        },
        address="Центральный государственный музей, мкр. Самал-1",
        languages=["kk"],
        shifts=[
            DemoShift(
                10,
                14,
                8,
                {"kk": "Фотосуреттерді сканерлеу және сипаттау", "ru": "Сканирование и описание фотографий"},
            )
        ],
    ),
    DemoEvent(
        days=12,
        direction="umit",
        title={
            "kk": "Тау бөктеріндегі іздестіру-құтқару жаттығуы",
            "ru": "Поисково-спасательные учения в предгорьях",
            "en": "Search-and-rescue exercise in the foothills",
        },
        description={
            "kk": "Құтқарушылармен бірге тауда адасып кеткен адамды іздеу жаттығуы: іздеу тобындағы жұмыс, "
            "байланыс, картамен бағдар табу. Бұл — төтенше жағдайларға әрекет ету, сондықтан тек 18 жасқа "
            "толғандар қатыса алады. Қауіпсіздік нұсқаулығы міндетті.",
            "ru": "Учения вместе со спасателями: поиск человека, заблудившегося в горах, работа в поисковой "
            "группе, связь, ориентирование по карте. Это реагирование на ЧС, поэтому участвовать могут "
            "только те, кому исполнилось 18 лет. Инструктаж по технике безопасности обязателен.",
            "en": "An exercise with rescuers: searching for a person lost in the mountains, working in a "
            "search team, radio, finding the way with a map. This is emergency response, so only people aged "
            "18 and over may take part. The safety briefing is compulsory.",
        },
        address="ущелье Медеу, сбор у остановки «Медеу»",
        adults_only=True,
        shifts=[
            DemoShift(
                8,
                18,
                20,
                {
                    "kk": "Іздеу тобы (қауіпсіздік нұсқаулығынан кейін)",
                    "ru": "Поисковая группа (после инструктажа)",
                    "en": "Search team (after the safety briefing)",
                },
            )
        ],
    ),
    DemoEvent(
        days=15,
        direction="saulyq",
        title={
            "kk": "Қан орталығындағы донор күні",
            "ru": "День донора в центре крови",
            "en": "Donor day at the blood centre",
        },
        description={
            "kk": "«Өмірді сақта» акциясы аясында: донорларды қарсы аламыз, сауалнаманы толтыруға "
            "көмектесеміз, кезекті реттейміз. Өзіңіз қан тапсырғыңыз келсе, таңертең жеңіл ас ішіп, жеке "
            "куәлігіңізді ала келіңіз.",
            "ru": "В рамках акции «Спаси жизнь»: встречаем доноров, помогаем заполнить анкету, следим за "
            "очередью. Если хотите сдать кровь сами, легко позавтракайте и возьмите удостоверение личности.",
            "en": "Part of the “Save a life” campaign: we welcome donors, help them fill in the form and "
            "keep the queue moving. If you would like to give blood yourself, have a light breakfast and "
            "bring your identity card.",
        },
        address="городской центр крови, ул. Жандосова",
        day_of_action="save-a-life",
        shifts=[
            DemoShift(
                start,
                start + 2,
                6,
                {
                    "kk": "Донорларды қарсы алу, сауалнамаға көмектесу",
                    "ru": "Встреча доноров, помощь с анкетой",
                    "en": "Welcoming donors, helping with the form",
                },
            )
            for start in (9, 11, 13)
        ],
    ),
    DemoEvent(
        days=19,
        direction="events",
        title={
            "kk": "Алматы жартылай марафоны: трассадағы су бекеті",
            "ru": "Алматинский полумарафон: пункт воды на трассе",
            "en": "Almaty half marathon: water station on the course",
        },
        description={
            "kk": "Жүгірушілерге 10-шақырымда су мен изотоник таратамыз, бекеттің тазалығын қадағалаймыз.",
            "ru": "Раздаём бегунам воду и изотоник на 10-м километре и следим за чистотой пункта.",
            "en": "We hand out water and sports drinks to the runners at the 10th kilometre and keep the "
            "station tidy.",
        },
        address="пр. Абая, 10-й километр трассы",
        languages=["kk", "ru", "en"],
        demo_signup=True,
        shifts=[DemoShift(7, 12, 2, {"kk": "Су тарату", "ru": "Раздача воды", "en": "Handing out water"})],
    ),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _demo_exists(organisation) -> bool:
    titles = [item.title["ru"] for item in DEMO_EVENTS]
    return Event.objects.filter(organisation=organisation, title__ru__in=titles).exists()


@transaction.atomic
def demo_events_ensure() -> int:
    """Publish the demo events, unless they exist already; returns how many events it created."""
    organisation = Organisation.objects.select_for_update().get(slug=DEMO_ORGANISATION)
    if _demo_exists(organisation):
        return 0
    days_of_action_ensure()
    coordinator = User.objects.filter(email=DEMO_COORDINATOR).first()
    volunteer = User.objects.filter(email=DEMO_VOLUNTEER, profile__isnull=False).first()
    directions = {direction.slug: direction for direction in Direction.objects.all()}
    days = {day.slug: day for day in DayOfAction.objects.all()}
    today = timezone.localdate()
    created = 0
    for item in DEMO_EVENTS:
        day = today + dt.timedelta(days=item.days)
        data = EventData(
            title=item.title,
            description=item.description,
            direction=directions[item.direction],
            starts_at=_at(day, min(shift.start for shift in item.shifts)),
            ends_at=_at(day, max(shift.end for shift in item.shifts)),
            region=organisation.region,
            address=item.address,
            is_online=bool(item.online_url),
            online_url=item.online_url,
            min_age=item.min_age,
            adults_only=item.adults_only,
            silver_friendly=item.silver_friendly,
            accessibility=item.accessibility,
            day_of_action=days.get(item.day_of_action),
            languages=item.languages,
        )
        shifts = [
            ShiftData(
                starts_at=_at(day, shift.start),
                ends_at=_at(day, shift.end),
                capacity=shift.capacity,
                task=shift.task,
            )
            for shift in item.shifts
        ]
        events = event_create(
            organisation=organisation, data=data, shifts=shifts, actor=coordinator, repeat=item.repeat
        )
        for event in events:
            event_publish(event=event, actor=coordinator)
        if item.demo_signup and volunteer is not None:
            # Should the demo volunteer's profile no longer allow it, the shift just stays empty.
            with contextlib.suppress(DomainError):
                signup_create(volunteer=volunteer, shift=events[0].shifts.first())
        created += len(events)
    return created
