"""The demo's silver volunteering (roadmap items 25-26), made by `manage.py seed` after the mentoring demo:

- the programme page in Kazakh, with its Russian and English translations;
- two retired masters of a craft (accounts nobody signs in to), verified by Almaty's front office, each with a
  story in their own language and a photo the seed draws itself;
- the two clubs the roadmap names, run by that front office (whose coordinator is the demo coordinator):
  «Ата көрген оқ жонар» for boys (bows and arrows), which began a week ago and has held its first session
  (attendance taken, the master's hours in their book), and «Ана көрген тон пішер» for girls (sewing), which
  starts in the coming week, full, with two girls on its waitlist. The children are fictional.

Rows are written directly, as the services would leave them: the clubs' counters match their enrolments and
their sessions follow their schedule (schedule.sessions_sync). Only what is missing is made: a second run
changes nothing.
"""

import datetime as dt
import io
import math
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms.demo import PageSpec, Ref, _Builder, _heading, _paragraph, t
from cms.images import _person, _star
from cms.models import SilverProgrammePage
from cms.services import home_pages_ensure
from volunteers.clubs.consent import CONSENT_VERSION
from volunteers.clubs.models import (
    Attendance,
    Audience,
    Club,
    ClubStatus,
    Craft,
    Enrolment,
    EnrolmentStatus,
    Master,
    MasterPhoto,
    MasterStatus,
    Relationship,
)
from volunteers.clubs.schedule import sessions_sync
from volunteers.models import (
    ConsentMethod,
    Direction,
    EntryKind,
    Organisation,
    Region,
    User,
    VolunteerProfile,
)
from volunteers.services.ledger import ledger_hours_credit
from volunteers.services.reference import DEMO_DOMAIN

DEMO_REGION = "KZ-75"
FRONT_OFFICE = "front-office-kz-75"
FRONT_OFFICE_PHONE = "+7 727 000 00 00"  # a demo number, set only while the front office has none
DIRECTION = "asyl-mura"  # the clubs' hours count towards Birgemiz: Asyl mura, the cultural heritage
TERM_WEEKS = 14

# --- Pictures -----------------------------------------------------------------------------------------------

WIDTH, HEIGHT, SCALE = 1200, 900, 2
INK = (255, 255, 255)


def _ink(alpha: int = 235) -> tuple[int, int, int, int]:
    return (*INK, alpha)


def _bows(draw, cx, cy, r):
    # A bow drawn with its string, and three arrows beside it (what the boys' club makes).
    a, b = 0.55 * r, 1.25 * r
    box = [cx - 0.4 * r - a, cy - b, cx - 0.4 * r + a, cy + b]
    draw.arc(box, 105, 255, fill=_ink(), width=int(0.09 * r))
    ends = [
        (cx - 0.4 * r + a * math.cos(math.radians(deg)), cy + b * math.sin(math.radians(deg)))
        for deg in (105, 255)
    ]
    draw.line(ends, fill=_ink(180), width=int(0.02 * r))
    for row, tilt in ((-0.35, -0.12), (0.0, 0.0), (0.35, 0.12)):
        tail, head = (cx - 0.5 * r, cy + row * r), (cx + 1.1 * r, cy + (row + tilt) * r)
        draw.line([tail, head], fill=_ink(), width=int(0.035 * r))
        angle = math.atan2(head[1] - tail[1], head[0] - tail[0])
        tip = 0.16 * r
        draw.polygon(
            [
                (head[0] + tip * math.cos(angle), head[1] + tip * math.sin(angle)),
                (head[0] + 0.6 * tip * math.cos(angle + 2.2), head[1] + 0.6 * tip * math.sin(angle + 2.2)),
                (head[0] + 0.6 * tip * math.cos(angle - 2.2), head[1] + 0.6 * tip * math.sin(angle - 2.2)),
            ],
            fill=_ink(),
        )
        for side in (1, -1):
            draw.line(
                [tail, (tail[0] + 0.12 * r, tail[1] + side * 0.09 * r)], fill=_ink(200), width=int(0.03 * r)
            )


def _coat(draw, cx, cy, r):
    # A chapan cut out and an ornament along its hem, with a needle and its thread (the girls' club sews).
    shoulder, hem = cy - 0.8 * r, cy + 0.95 * r
    draw.polygon(
        [
            (cx - 0.2 * r, shoulder), (cx - 0.55 * r, shoulder + 0.05 * r), (cx - 1.2 * r, cy + 0.1 * r),
            (cx - 1.0 * r, cy + 0.3 * r), (cx - 0.6 * r, cy - 0.15 * r), (cx - 0.7 * r, hem),
            (cx + 0.7 * r, hem), (cx + 0.6 * r, cy - 0.15 * r), (cx + 1.0 * r, cy + 0.3 * r),
            (cx + 1.2 * r, cy + 0.1 * r), (cx + 0.55 * r, shoulder + 0.05 * r), (cx + 0.2 * r, shoulder),
            (cx, shoulder + 0.35 * r),
        ],
        fill=_ink(),
    )  # fmt: skip
    draw.line([(cx, shoulder + 0.35 * r), (cx, hem)], fill=(0, 0, 0, 60), width=int(0.02 * r))
    for i in range(7):
        x, y, d = cx - 0.6 * r + i * 0.2 * r, hem - 0.13 * r, 0.07 * r
        draw.polygon([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], fill=(170, 40, 50, 230))
    needle = [(cx + 0.95 * r, cy - 0.95 * r), (cx + 1.35 * r, cy - 0.35 * r)]
    draw.line(needle, fill=_ink(), width=int(0.03 * r))
    thread = [
        (cx + 0.97 * r + 0.25 * r * math.sin(step / 3), cy - 0.9 * r + step * 0.07 * r) for step in range(20)
    ]
    draw.line(thread, fill=_ink(150), width=int(0.015 * r), joint="curve")


def _elder(draw, cx, cy, r):
    # A grown-up of the silver age between two children, a star above them (the programme).
    _person(draw, cx, cy + 0.9 * r, 1.5 * r)
    head, top = 0.17 * 1.5 * r, cy - 0.6 * r  # as _person draws it: grey hair over its top half
    draw.chord([cx - head, top, cx + head, top + 2 * head], 180, 360, fill=(190, 196, 206, 255))
    _person(draw, cx - 0.85 * r, cy + 0.9 * r, 0.95 * r, alpha=200)
    _person(draw, cx + 0.85 * r, cy + 0.9 * r, 0.9 * r, alpha=200)
    _star(draw, cx + 0.9 * r, cy - 0.8 * r, 0.2 * r)


@dataclass(frozen=True)
class Picture:
    key: str
    top: tuple[int, int, int]
    bottom: tuple[int, int, int]
    motif: object

    @property
    def title(self) -> str:
        """The Wagtail image's title, by which a second run finds the image again."""
        return f"Birgemiz demo: clubs, {self.key}"


PICTURES = {
    picture.key: picture
    for picture in [
        Picture("bows", (92, 52, 24), (196, 140, 72), _bows),
        Picture("sewing", (96, 24, 52), (214, 112, 96), _coat),
        Picture("silver", (54, 64, 84), (150, 162, 184), _elder),
    ]
}


def picture_draw(key: str) -> bytes:
    picture = PICTURES[key]
    width, height = WIDTH * SCALE, HEIGHT * SCALE
    # A diagonal gradient, as cms.images draws its illustrations.
    across = Image.linear_gradient("L").rotate(90).resize((width, height))
    mask = Image.blend(across, Image.linear_gradient("L").resize((width, height)), 0.4)
    canvas = Image.composite(
        Image.new("RGB", (width, height), picture.bottom),
        Image.new("RGB", (width, height), picture.top),
        mask,
    ).convert("RGBA")
    layer = Image.new("RGBA", (width, height))
    picture.motif(ImageDraw.Draw(layer), 0.5 * width, 0.5 * height, 0.32 * height)
    canvas.alpha_composite(layer)
    output = io.BytesIO()
    canvas.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(output, "JPEG", quality=85)
    return output.getvalue()


def picture_image_ensure(key: str):
    model = get_image_model()
    title = PICTURES[key].title
    image = model.objects.filter(title=title).order_by("pk").first()
    if image is None:
        upload = ImageFile(io.BytesIO(picture_draw(key)), name=f"birgemiz-clubs-{key}.jpg")
        image = model.objects.create(title=title, file=upload)
    return image


# --- The programme page -------------------------------------------------------------------------------------

PAGE = PageSpec(
    "silver",
    SilverProgrammePage,
    "home",
    "kumis-volonterlik",
    {
        "title": t("Күміс волонтерлік", "Серебряное волонтёрство", "Silver volunteering"),
        "intro": t(
            "Елу жастан асқандар мен зейнеткерлерге арналған волонтерлік: өмірлік тәжірибеңіз бен "
            "шеберлігіңіз басқаларға қажет. Іс-шаралар жақын жерде, уақытын өзіңіз таңдайсыз.",
            "Волонтёрство для тех, кому за пятьдесят, и для пенсионеров: ваш жизненный опыт и мастерство "
            "нужны другим. Мероприятия рядом с домом, время выбираете вы сами.",
            "Volunteering for people over fifty and for pensioners: your experience of life and your craft "
            "are needed. Events are close to home, and you choose when.",
        ),
        "image": Ref("image", "silver"),
        "image_alt": t(
            "Сұр шашты ересек адам екі баланың ортасында тұр, үстінде жұлдыз",
            "Взрослый с седыми волосами стоит между двумя детьми, над ними звезда",
            "A grown-up with grey hair standing between two children, a star above them",
        ),
        "body": [
            _heading(
                t(
                    "Күміс волонтерлер не істейді",
                    "Чем занимаются серебряные волонтёры",
                    "What silver volunteers do",
                )
            ),
            _paragraph(
                t(
                    "<ul><li>қарттар үйлері мен әлеуметтік қызмет көрсету орталықтарында көмектеседі;</li>"
                    "<li>жастарға кәсібін және өмірлік тәжірибесін үйретеді;</li><li>мұражайлар мен "
                    "кітапханаларда тарих пен дәстүр туралы әңгімелейді;</li><li>балаларға арналған тегін "
                    "қолөнер үйірмелерін жүргізеді.</li></ul>",
                    "<ul><li>помогают в домах престарелых и центрах социального обслуживания;</li><li>"
                    "передают молодым своё ремесло и жизненный опыт;</li><li>рассказывают об истории и "
                    "традициях в музеях и библиотеках;</li><li>ведут бесплатные кружки ремёсел для детей."
                    "</li></ul>",
                    "<ul><li>help in care homes for older people and social service centres;</li><li>pass "
                    "their trade and experience of life on to the young;</li><li>tell the history and "
                    "traditions in museums and libraries;</li><li>lead free craft clubs for children."
                    "</li></ul>",
                )
            ),
            _paragraph(
                t(
                    "<p>Бағдарлама волонтерлік қызметті дамытудың 2021–2023 жылдарға арналған жол картасының "
                    "25 және 26-тармақтары бойынша іске асырылады. Интернетті сирек пайдаланатын болсаңыз, "
                    "телефон соғыңыз: үйлестіруші сізді өзі тіркейді.</p>",
                    "<p>Программа реализуется по пунктам 25 и 26 Дорожной карты по развитию волонтёрской "
                    "деятельности на 2021–2023 годы. Если вы редко пользуетесь интернетом, позвоните: "
                    "координатор зарегистрирует вас сам.</p>",
                    "<p>The programme follows items 25 and 26 of the Roadmap for the development of "
                    "volunteering in Kazakhstan 2021–2023. If you rarely use the internet, phone us: a "
                    "coordinator will register you.</p>",
                )
            ),
        ],
    },
)


def _page_ensure() -> dict[str, int]:
    home = home_pages_ensure()
    locales = {code: Locale.objects.get(language_code=code) for code, _name in settings.LANGUAGES}
    builder = _Builder(locales=locales, home=home, images={"silver": picture_image_ensure("silver")})
    source = builder.source_ensure(PAGE)
    builder.translations_ensure(PAGE, source)
    return builder.counts


# --- Masters and clubs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MasterSpec:
    email: str
    first_name: str
    last_name: str
    born: dt.date
    gender: str
    language: str
    languages: list
    craft: str
    years: int
    story: str  # in the master's language
    picture: str
    caption: str


MASTERS = [
    MasterSpec(
        "master.bolat", "Болат", "Жақыпов", dt.date(1954, 4, 18), "male", "kk", ["kk", "ru"], "bows", 40,
        "Садақ пен жебені әкемнен үйрендім. Қырық жыл бойы қайың мен талдан садақ иіп, жебе жонып келемін. "
        "Енді осы өнерді немерелерімнің құрдастарына үйреткім келеді: ата көрген оқ жонар.",
        "bows", "Қайыңнан иілген садақ пен үш жебе",
    ),
    MasterSpec(
        "master.gulnara", "Гульнара", "Ахметова", dt.date(1961, 10, 2), "female", "ru", ["ru", "kk"],
        "sewing", 35,
        "Тридцать пять лет я шила в ателье: платья, камзолы, чапаны с вышивкой. Крою по старым выкройкам "
        "мамы. Хочу, чтобы девочки умели сшить вещь своими руками и знали наши орнаменты.",
        "sewing", "Детский чапан с орнаментом по подолу",
    ),
]  # fmt: skip


@dataclass(frozen=True)
class ClubSpec:
    title: dict
    description: dict
    craft: str
    master: int  # index in MASTERS
    audience: str
    ages: tuple[int, int]
    capacity: int
    weekday: int  # 0 = Monday
    times: tuple[dt.time, dt.time]
    weeks_ago: int  # 1: began a week ago; 0: begins in the coming week
    address: str
    children: list  # (name, age, guardian's name, relationship, guardian's language)
    waitlist: list


CLUBS = [
    ClubSpec(
        title=t(
            "Ата көрген оқ жонар",
            "«Ата көрген оқ жонар»: луки и стрелы",
            "«Ата көрген оқ жонар»: bows and arrows",
        ),
        description=t(
            "Ұлдар шебердің қасында садақ иіп, жебе жонуды үйренеді: ағашты таңдаудан бастап нысанаға "
            "атуға дейін. Құралдар мен материалдар тегін беріледі.",
            "Мальчики учатся у мастера гнуть лук и строгать стрелы: от выбора дерева до стрельбы по мишени. "
            "Инструменты и материалы даются бесплатно.",
            "Boys learn from a master to bend a bow and carve arrows, from choosing the wood to shooting at "
            "a target. Tools and materials are free.",
        ),
        craft="bows",
        master=0,
        audience=Audience.BOYS,
        ages=(10, 15),
        capacity=8,
        weekday=5,
        times=(dt.time(10), dt.time(12)),
        weeks_ago=1,
        address="Абай даңғылы, 10, Медеу ауданы",
        children=[
            ("Нұрсұлтан Б.", 11, "Бауыржан Б.", Relationship.PARENT, "kk"),
            ("Әлихан С.", 12, "Сәуле С.", Relationship.PARENT, "kk"),
            ("Тимур К.", 10, "Наталья К.", Relationship.PARENT, "ru"),
            ("Ерасыл М.", 13, "Мұрат М.", Relationship.GUARDIAN, "kk"),
            ("Данияр О.", 14, "Ораз О.", Relationship.PARENT, "kk"),
        ],
        waitlist=[],
    ),  # fmt: skip
    ClubSpec(
        title=t(
            "Ана көрген тон пішер",
            "«Ана көрген тон пішер»: шитьё и крой",
            "«Ана көрген тон пішер»: sewing and tailoring",
        ),
        description=t(
            "Қыздар матаны пішуді, қолмен және машинамен тігуді, қазақ оюларымен кестелеуді үйренеді. "
            "Маусымның соңында әр қатысушы өз камзолын тігеді.",
            "Девочки учатся кроить ткань, шить вручную и на машинке, вышивать казахские орнаменты. К концу "
            "сезона каждая сошьёт свой камзол.",
            "Girls learn to cut cloth, to sew by hand and on a machine, and to embroider Kazakh ornaments. "
            "By the end of the term each one sews her own waistcoat (kamzol).",
        ),
        craft="sewing",
        master=1,
        audience=Audience.GIRLS,
        ages=(9, 14),
        capacity=6,
        weekday=2,
        times=(dt.time(15), dt.time(17)),
        weeks_ago=0,
        address="Жібек жолы көшесі, 50, Алмалы ауданы",
        children=[
            ("Айару Н.", 10, "Нұргүл Н.", Relationship.PARENT, "kk"),
            ("Томирис Қ.", 11, "Қанат Қ.", Relationship.PARENT, "kk"),
            ("Аружан Е.", 9, "Ерлан Е.", Relationship.PARENT, "kk"),
            ("Мадина Ж.", 12, "Жанар Ж.", Relationship.GUARDIAN, "kk"),
            ("Дария С.", 13, "Светлана С.", Relationship.PARENT, "ru"),
            ("Амина Т.", 10, "Талғат Т.", Relationship.PARENT, "kk"),
        ],
        waitlist=[
            ("Жасмин Р.", 11, "Рустам Р.", Relationship.PARENT, "ru"),
            ("Ясмина А.", 12, "Айгүл А.", Relationship.PARENT, "kk"),
        ],
    ),  # fmt: skip
]

PRESENT_AT_FIRST_SESSION = 4  # of the boys' five: one was away


def _first_day(weekday: int, weeks_ago: int) -> dt.date:
    """The club's first day: the last such weekday before today (weeks_ago=1), or the next one after it."""
    today = timezone.localdate()
    if weeks_ago:
        return (
            today
            - dt.timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
            - dt.timedelta(weeks=weeks_ago - 1)
        )
    return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _born(age: int, on: dt.date) -> dt.date:
    """A birthday a month or so before `on`, so that the child is `age` on the club's first day."""
    day = on - dt.timedelta(days=40)
    return day.replace(year=day.year - age, day=min(day.day, 28))


def _office() -> Organisation:
    office = Organisation.objects.get(slug=FRONT_OFFICE)
    if not office.phone:
        office.phone = FRONT_OFFICE_PHONE
        office.save(update_fields=["phone"])
    return office


def _masters_ensure(office: Organisation, coordinator: User | None) -> tuple[list[Master], int]:
    made = 0
    masters = []
    crafts = {craft.slug: craft for craft in Craft.objects.filter(slug__in=[spec.craft for spec in MASTERS])}
    for spec in MASTERS:
        user, created = User.objects.get_or_create(
            email=f"{spec.email}@{DEMO_DOMAIN}",
            defaults={"first_name": spec.first_name, "last_name": spec.last_name},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            VolunteerProfile.objects.create(
                user=user, date_of_birth=spec.born, gender=spec.gender, region=office.region, city="Алматы",
                languages=spec.languages, language=spec.language, is_retired=True,
                preferred_channel="phone",
            )  # fmt: skip
        master = Master.objects.filter(volunteer=user, craft=crafts[spec.craft]).first()
        if master is None:
            master = Master.objects.create(
                volunteer=user, craft=crafts[spec.craft], organisation=office, region=office.region,
                story=spec.story, years=spec.years, status=MasterStatus.VERIFIED, decided_by=coordinator,
                decided_at=timezone.now(),
            )  # fmt: skip
            MasterPhoto.objects.create(
                master=master, image=picture_image_ensure(spec.picture), caption=spec.caption,
                approved_by=coordinator, approved_at=timezone.now(),
            )  # fmt: skip
            made += 1
        masters.append(master)
    return masters, made


def _enrolments_make(club: Club, spec: ClubSpec, coordinator: User | None) -> list[Enrolment]:
    now = timezone.now()
    rows = [(child, EnrolmentStatus.ENROLLED) for child in spec.children]
    rows += [(child, EnrolmentStatus.WAITLISTED) for child in spec.waitlist]
    enrolments = []
    for number, ((name, age, guardian, relationship, language), status) in enumerate(rows, start=1):
        born = _born(age, club.starts_on)
        in_person = number % 3 == 0  # every third one was enrolled at the front office, on paper
        enrolments.append(
            Enrolment.objects.create(
                club=club,
                child_name=name,
                child_birth_date=born,
                child_key=Enrolment.key_of(name, born),
                guardian_name=guardian,
                relationship=relationship,
                guardian_phone=f"+7701000{club.audience == Audience.GIRLS:d}{number:03d}",
                language=language,
                status=status,
                consent_version=CONSENT_VERSION,
                consent_language=language,
                consent_method=ConsentMethod.IN_PERSON if in_person else ConsentMethod.ONLINE,
                consent_at=now,
                recorded_by=coordinator if in_person else None,
                enrolled_at=now if status == EnrolmentStatus.ENROLLED else None,
            )  # fmt: skip
        )
    Club.objects.filter(pk=club.pk).update(
        enrolled_count=len(spec.children), waitlist_count=len(spec.waitlist)
    )
    return enrolments


def _first_session_hold(
    club: Club, master: Master, enrolments: list[Enrolment], coordinator: User | None
) -> None:
    """The first session of a club that has begun: attendance taken, and the master's hours in their book."""
    session = club.sessions.order_by("date").first()
    if session is None or session.date >= timezone.localdate():
        return
    session.masters.set([master])
    session.held_at = session.ends_at
    session.recorded_by = coordinator
    session.save(update_fields=["held_at", "recorded_by"])
    enrolled = [enrolment for enrolment in enrolments if enrolment.status == EnrolmentStatus.ENROLLED]
    Attendance.objects.bulk_create(
        Attendance(session=session, enrolment=enrolment, present=index < PRESENT_AT_FIRST_SESSION)
        for index, enrolment in enumerate(enrolled)
    )
    ledger_hours_credit(
        volunteer=master.volunteer,
        hours=Decimal((session.ends_at - session.starts_at).total_seconds()) / 3600,
        occurred_on=session.date,
        source=f"clubs.session:{session.pk}:{master.volunteer_id}",
        verified_by=coordinator,
        kind=EntryKind.CLUB_HOURS,
        title={code: text for code, text in dict(club.title).items() if text},
        organisation=club.organisation,
        direction=Direction.objects.filter(slug=DIRECTION).first(),
        region=club.region,
        subject=f"clubs.club:{club.pk}",
    )


def _clubs_ensure(office: Organisation, masters: list[Master], coordinator: User | None) -> int:
    made = 0
    crafts = {craft.slug: craft for craft in Craft.objects.filter(slug__in=[spec.craft for spec in CLUBS])}
    for spec in CLUBS:
        if Club.objects.filter(organisation=office, title__kk=spec.title["kk"]).exists():
            continue
        starts_on = _first_day(spec.weekday, spec.weeks_ago)
        club = Club.objects.create(
            organisation=office, craft=crafts[spec.craft], title=spec.title, description=spec.description,
            audience=spec.audience, region=office.region, city="Алматы", address=spec.address,
            min_age=spec.ages[0], max_age=spec.ages[1], capacity=spec.capacity, languages=["kk", "ru"],
            starts_on=starts_on, ends_on=starts_on + dt.timedelta(weeks=TERM_WEEKS, days=-1),
            weekdays=[spec.weekday], start_time=spec.times[0], end_time=spec.times[1], status=ClubStatus.OPEN,
            published_at=timezone.now(), created_by=coordinator,
        )  # fmt: skip
        master = masters[spec.master]
        club.masters.set([master])
        sessions_sync(club)
        enrolments = _enrolments_make(club, spec, coordinator)
        _first_session_hold(club, master, enrolments, coordinator)
        made += 1
    return made


@transaction.atomic
def clubs_demo_ensure() -> dict[str, int]:
    """Returns what this run made; a second run makes nothing."""
    page = _page_ensure()
    if not Region.objects.filter(iso_code=DEMO_REGION).exists():
        return {**page, "masters": 0, "clubs": 0}
    coordinator = User.objects.filter(email=f"coordinator@{DEMO_DOMAIN}").first()
    office = _office()
    masters, masters_made = _masters_ensure(office, coordinator)
    return {**page, "masters": masters_made, "clubs": _clubs_ensure(office, masters, coordinator)}
