"""The demo site: the pages a newcomer's first `make run` shows, written in Kazakh (the source) and translated
into Russian and English as real translations, with illustrations the seed draws itself.

Safe to run on every seed: what exists is left as it is (an editor's changes included); only what is
missing is made. Kazakh pages are found again by their type, direction or slug under their parent.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from cms.images import ILLUSTRATIONS, illustration_image_ensure
from cms.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    ContactPage,
    DaysOfActionPage,
    FaqPage,
    HomePage,
    Navigation,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    SiteSettings,
    StandardPage,
)
from cms.services import home_pages_ensure
from events.services.days import DAYS_OF_ACTION
from volunteers.models import Direction, Region

LANGUAGES = ("kk", "ru", "en")


def t(kk, ru, en) -> dict:
    """One text (or list of texts) in each language."""
    return {"kk": kk, "ru": ru, "en": en}


@dataclass(frozen=True)
class Ref:
    """Something that differs by database or language: resolved when a page is written in a language."""

    kind: str  # page (the page in that language), image, direction, region, url (a URL name)
    key: str


@dataclass
class PageSpec:
    key: str
    model: type[Page]
    parent: str  # "home" or the key of a page made before this one
    slug: str
    fields: dict
    tags: dict | None = None


def _image(key: str) -> dict:
    return {"image": Ref("image", key), "image_alt": IMAGE_ALTS[key]}


def _paragraph(html: dict) -> tuple:
    return ("paragraph", html)


def _heading(text: dict) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


def _cta(title: dict, button: dict, *, text: dict | None = None, page: str = "", url: str = "") -> tuple:
    return (
        "call_to_action",
        {
            "title": title,
            "text": text or "",
            "button": button,
            "page": Ref("page", page) if page else None,
            "url": Ref("url", url) if url else "",
        },
    )


IMAGE_ALTS = {
    "bilim": t(
        "Көк фондағы ашық кітап пен экран пикселдері және «Bilim» жазуы",
        "Открытая книга и пиксели экрана на синем фоне, надпись «Bilim»",
        "An open book and screen pixels on a blue background, with the word “Bilim”",
    ),
    "saulyq": t(
        "Қызыл фондағы ортасында айқыш белгісі бар жүрек және «Saýlyq» жазуы",
        "Сердце с крестом посередине на красном фоне, надпись «Saýlyq»",
        "A heart with a cross in the middle on a red background, with the word “Saýlyq”",
    ),
    "sabaqtastyq": t(
        "Сары фонда жұлдыздың астында қатар тұрған ересек пен бала және «Sabaqtastyq» жазуы",
        "Взрослый и ребёнок рядом под звездой на жёлтом фоне, надпись «Sabaqtastyq»",
        "An adult and a child side by side under a star on a yellow background, with the word “Sabaqtastyq”",
    ),
    "taza-alem": t(
        "Жасыл фондағы үш ағаш, күн және өзен толқындары, «Taza Álem» жазуы",
        "Три дерева, солнце и волны реки на зелёном фоне, надпись «Taza Álem»",
        "Three trees, the sun and river waves on a green background, with the words “Taza Álem”",
    ),
    "asyl-mura": t(
        "Шаңырағы мен керегесі бар киіз үй және «Asyl mura» жазуы",
        "Юрта с шаныраком и решётчатыми стенами-кереге, надпись «Asyl mura»",
        "A yurt with its crown (shanyraq) and lattice walls, with the words “Asyl mura”",
    ),
    "qamqor": t(
        "Күлгін фондағы жүрек бейнеленген үй және «Qamqor» жазуы",
        "Дом с сердцем на фиолетовом фоне, надпись «Qamqor»",
        "A house with a heart on it on a purple background, with the word “Qamqor”",
    ),
    "umit": t(
        "Қызғылт сары фондағы компас жұлдызы мен іздеу шеңберлері және «Úmit» жазуы",
        "Звезда компаса и круги поиска на оранжевом фоне, надпись «Úmit»",
        "A compass star and search circles on an orange background, with the word “Úmit”",
    ),
    "ayala": t(
        "Қоңыр фондағы жануар табанының ізі және «Ayala» жазуы",
        "След лапы животного на коричневом фоне, надпись «Ayala»",
        "An animal's paw print on a brown background, with the word “Ayala”",
    ),
    "platform": t(
        "Көгілдір фонда бір ортаға қосылған сегіз адам белгісі және «Birgemiz» жазуы",
        "Восемь человек, соединённых с общим центром, на голубом фоне, надпись «Birgemiz»",
        "Eight people joined to one centre on a light blue background, with the word “Birgemiz”",
    ),
}

JOIN_HEADING = t("Қалай қосылуға болады", "Как присоединиться", "How to join")


def _join(item: int) -> dict:
    return t(
        "<p>Платформада тіркеліп, профиліңізде осы бағытты таңдаңыз: жобаның жақын арадағы іс-шаралары осы "
        "бетте көрсетіледі. Жоба волонтерлік қызметті дамытудың 2021–2023 жылдарға арналған жол картасының "
        f"{item}-тармағы бойынша іске асырылады.</p>",
        "<p>Зарегистрируйтесь на платформе и выберите это направление в профиле: ближайшие мероприятия "
        f"проекта показаны на этой странице. Проект реализуется по пункту {item} Дорожной карты по развитию "
        "волонтёрской деятельности на 2021–2023 годы.</p>",
        "<p>Sign up on the platform and choose this direction in your profile: the project's upcoming events "
        f"are listed on this page. The project follows item {item} of the Roadmap for the development of "
        "volunteering in Kazakhstan 2021–2023.</p>",
    )


@dataclass
class Project:
    direction: str
    title: dict
    goal: dict
    volunteers_do: dict
    partners: list[dict]
    story: dict
    more: dict


PROJECTS = [
    Project(
        direction="bilim",
        title=t("Біргеміз: Білім", "Біргеміз: Білім", "Birgemiz: Bilim"),
        goal=t(
            "Цифрлық, қаржылық, тілдік және компьютерлік сауаттылықты арттыру: жасы мен тұратын жеріне "
            "қарамастан әр адам мемлекеттік қызметтерді онлайн алып, ақшасын дұрыс жұмсап, жаңа тіл үйрене "
            "алсын.",
            "Повышать цифровую, финансовую, языковую и компьютерную грамотность, чтобы каждый — независимо "
            "от возраста и места жительства — мог получать госуслуги онлайн, разумно распоряжаться деньгами "
            "и учить новый язык.",
            "To raise digital, financial, language and computer literacy, so that everyone, whatever their "
            "age or wherever they live, can use public services online, manage their money wisely and learn "
            "a new language.",
        ),
        volunteers_do=t(
            "<ul><li>егде жастағы адамдарға смартфонды, eGov порталы мен банк қосымшаларын қауіпсіз "
            "пайдалануды үйретеді;</li><li>мектеп оқушылары мен студенттерге қаржылық сауаттылық сабақтарын "
            "өткізеді: отбасы бюджеті, жинақ, алаяқтардан сақтану;</li><li>қазақ, орыс және ағылшын "
            "тілдерінде сөйлесу клубтарын жүргізеді;</li><li>ауылдық кітапханалар мен мектептерде "
            "компьютерлік сауаттылық курстарын ұйымдастырады.</li></ul>",
            "<ul><li>учат пожилых людей безопасно пользоваться смартфоном, порталом eGov и банковскими "
            "приложениями;</li><li>проводят для школьников и студентов уроки финансовой грамотности: "
            "семейный бюджет, накопления, защита от мошенников;</li><li>ведут разговорные клубы на "
            "казахском, русском и английском языках;</li><li>организуют курсы компьютерной грамотности в "
            "сельских библиотеках и школах.</li></ul>",
            "<ul><li>teach older people to use a smartphone, the eGov portal and banking apps safely;</li>"
            "<li>give schoolchildren and students lessons in financial literacy: the family budget, saving, "
            "protecting yourself from fraud;</li><li>run conversation clubs in Kazakh, Russian and "
            "English;</li><li>organise computer literacy courses in village libraries and schools.</li></ul>",
        ),
        partners=[
            t(
                "Облыстық білім басқармалары",
                "Областные управления образования",
                "Regional education departments",
            ),
            t(
                "Орталықтандырылған кітапханалар жүйелері",
                "Централизованные библиотечные системы",
                "Centralised library systems",
            ),
            t(
                "Халыққа қызмет көрсету орталықтары",
                "Центры обслуживания населения",
                "Public service centres",
            ),
        ],
        story={
            "title": t(
                "Сегіз сабақ — сегіз жаңа мүмкіндік",
                "Восемь уроков — восемь новых возможностей",
                "Eight lessons, eight new possibilities",
            ),
            "person": t(
                "Айгерім, студент, Қарағанды",
                "Айгерим, студентка, Караганда",
                "Aigerim, a student, Karaganda",
            ),
            "text": t(
                "<p>Айгерім бір ай бойы аудандық кітапханада зейнеткерлерге смартфон сабақтарын өткізді. "
                "Енді "
                "оның шәкірттері дәрігерге өздері жазылып, коммуналдық қызметтерге онлайн төлейді. «Ең "
                "қуанышты сәт — 72 жастағы Роза апай немересіне алғаш рет өзі бейнеқоңырау шалған күн "
                "болды», "
                "— дейді Айгерім.</p>",
                "<p>Месяц Айгерим проводила в районной библиотеке уроки смартфона для пенсионеров. Теперь её "
                "ученики сами записываются к врачу и оплачивают коммунальные услуги онлайн. «Самый радостный "
                "момент — когда 72-летняя Роза апай впервые сама позвонила внучке по видеосвязи», — говорит "
                "Айгерим.</p>",
                "<p>For a month Aigerim gave smartphone lessons to pensioners at her district library. Now "
                "her "
                "students book doctor's appointments and pay their utility bills online by themselves. “The "
                "happiest moment was when 72-year-old Roza apai video-called her granddaughter on her own "
                "for "
                "the first time,” says Aigerim.</p>",
            ),
        },
        more=t(
            "<p>Цифрлық қызметтер күнделікті өмірдің бір бөлігіне айналды, бірақ олар әлі бәріне бірдей "
            "қолжетімді емес. «Біргеміз: Білім» жобасының волонтерлері білімін көршілерімен, ата-әжелермен "
            "және ауыл балаларымен бөліседі: сабақтар кітапханаларда, мектептерде, халыққа қызмет көрсету "
            "орталықтарында және онлайн өтеді.</p>",
            "<p>Цифровые сервисы стали частью повседневной жизни, но доступны пока не всем. Волонтёры "
            "проекта "
            "«Біргеміз: Білім» делятся знаниями с соседями, бабушками и дедушками, сельскими детьми: занятия "
            "проходят в библиотеках, школах, центрах обслуживания населения и онлайн.</p>",
            "<p>Digital services have become part of everyday life, but not everyone can use them yet. "
            "Volunteers of Birgemiz: Bilim share what they know with neighbours, grandparents and village "
            "children: classes take place in libraries, schools, public service centres and online.</p>",
        ),
    ),
    Project(
        direction="saulyq",
        title=t("Біргеміз: Саулық", "Біргеміз: Саулық", "Birgemiz: Saýlyq"),
        goal=t(
            "Ауруханалар мен хоспистердегі науқастарға қамқорлық жасау, медицина қызметкерлеріне көмектесу, "
            "донорлықты дамыту және салауатты өмір салтын насихаттау.",
            "Заботиться о пациентах больниц и хосписов, помогать медицинским работникам, развивать донорство "
            "и пропагандировать здоровый образ жизни.",
            "To care for patients in hospitals and hospices, help medical staff, encourage blood donation "
            "and "
            "promote a healthy way of life.",
        ),
        volunteers_do=t(
            "<ul><li>хоспистердегі науқастарға барып, кітап оқып береді, серуендетеді, әңгімелеседі;</li>"
            "<li>емханаларда келушілерге жол көрсетіп, электрондық кезекті пайдалануға көмектеседі;</li>"
            "<li>«Өмірді сақта» акциясында донорларды тіркеуге және қан алу пункттерінің жұмысына "
            "көмектеседі;</li><li>мектептер мен жатақханаларда салауатты өмір салты туралы әңгімелер "
            "өткізеді.</li></ul>",
            "<ul><li>навещают пациентов хосписов: читают вслух, гуляют, разговаривают;</li><li>помогают "
            "посетителям поликлиник сориентироваться и воспользоваться электронной очередью;</li><li>в акции "
            "«Спаси жизнь» помогают регистрировать доноров и работать пунктам забора крови;</li><li>проводят "
            "в школах и общежитиях беседы о здоровом образе жизни.</li></ul>",
            "<ul><li>visit patients in hospices: read aloud, go for walks, talk;</li><li>help visitors find "
            "their way in polyclinics and use the electronic queue;</li><li>during the “Save a life” "
            "campaign, help register donors and run blood collection points;</li><li>give talks on healthy "
            "living in schools and student hostels.</li></ul>",
        ),
        partners=[
            t(
                "Облыстық денсаулық сақтау басқармалары",
                "Областные управления здравоохранения",
                "Regional health departments",
            ),
            t(
                "Хоспистер мен паллиативтік көмек орталықтары",
                "Хосписы и центры паллиативной помощи",
                "Hospices and palliative care centres",
            ),
            t("Облыстық қан орталықтары", "Областные центры крови", "Regional blood centres"),
        ],
        story={
            "title": t("Сейсенбі сайынғы кітап", "Книга по вторникам", "Tuesday's book"),
            "person": t(
                "Данияр, медициналық университеттің студенті, Алматы",
                "Данияр, студент медицинского университета, Алматы",
                "Daniyar, a medical university student, Almaty",
            ),
            "text": t(
                "<p>Данияр жарты жылдан бері әр сейсенбі хосписке келіп, науқастарға газет пен кітап оқып "
                "береді. «Алғашында не айтарымды білмедім. Кейін түсіндім: ең бастысы — жай ғана қасында "
                "болу», "
                "— дейді ол. Хоспис қызметкерлерінің айтуынша, енді сейсенбіні бүкіл бөлімше күтеді.</p>",
                "<p>Уже полгода Данияр каждый вторник приходит в хоспис и читает пациентам газеты и книги. "
                "«Сначала я не знал, что говорить. Потом понял: главное — просто быть рядом», — говорит он. "
                "По "
                "словам сотрудников хосписа, вторника теперь ждёт всё отделение.</p>",
                "<p>For six months now Daniyar has come to the hospice every Tuesday to read newspapers and "
                "books to the patients. “At first I didn't know what to say. Then I understood: the main "
                "thing "
                "is simply to be there,” he says. The hospice staff say the whole ward now looks forward to "
                "Tuesdays.</p>",
            ),
        },
        more=t(
            "<p>Волонтерлер медициналық рәсімдерді орындамайды: олар дәрігерлер мен мейіргерлердің қасында "
            "жүріп, науқастарға уақыты мен жылуын сыйлайды. Хосписте жұмыс бастамас бұрын әр волонтер "
            "нұсқаулықтан өтіп, психологпен кездеседі.</p>",
            "<p>Волонтёры не выполняют медицинских процедур: они работают рядом с врачами и медсёстрами и "
            "дарят пациентам время и тепло. Прежде чем начать в хосписе, каждый волонтёр проходит инструктаж "
            "и встречается с психологом.</p>",
            "<p>Volunteers do not carry out medical procedures: they work alongside doctors and nurses and "
            "give "
            "patients their time and warmth. Before starting in a hospice, every volunteer is briefed and "
            "meets a psychologist.</p>",
        ),
    ),
    Project(
        direction="sabaqtastyq",
        title=t("Біргеміз: Сабақтастық", "Біргеміз: Сабақтастық", "Birgemiz: Sabaqtastyq"),
        goal=t(
            "Балалар үйлерінің тәрбиеленушілері мен қиын өмірлік жағдайдағы жастарға тәлімгер болу: олардың "
            "дербес өмірге дайындалуына, мамандық таңдауына және өз күшіне сенуіне көмектесу.",
            "Стать наставником для воспитанников детских домов и молодёжи в трудной жизненной ситуации: "
            "помочь им подготовиться к самостоятельной жизни, выбрать профессию и поверить в свои силы.",
            "To mentor children in children's homes and young people in difficult circumstances: to help "
            "them prepare for independent life, choose a profession and believe in themselves.",
        ),
        volunteers_do=t(
            "<ul><li>тәлімгерленушімен бір жыл бойы аптасына кемінде бір рет кездеседі;</li><li>сабаққа, "
            "емтихандарға және колледжге түсуге дайындалуға көмектеседі;</li><li>күнделікті дағдыларды "
            "үйретеді: ас әзірлеу, ақшаны жоспарлау, құжат рәсімдеу;</li><li>кәсіпорындар мен "
            "университеттерге экскурсия ұйымдастырып, түрлі мамандықтармен таныстырады.</li></ul>",
            "<ul><li>встречаются с подопечным не реже раза в неделю в течение года;</li><li>помогают с "
            "учёбой, "
            "экзаменами и поступлением в колледж;</li><li>учат бытовым навыкам: готовить, планировать "
            "деньги, "
            "оформлять документы;</li><li>организуют поездки на предприятия и в университеты, знакомят с "
            "разными профессиями.</li></ul>",
            "<ul><li>meet their mentee at least once a week for a year;</li><li>help with studies, exams and "
            "getting into college;</li><li>teach everyday skills: cooking, planning money, dealing with "
            "documents;</li><li>organise visits to companies and universities and introduce different "
            "professions.</li></ul>",
        ),
        partners=[
            t(
                "Облыстық білім басқармаларының балалар құқықтарын қорғау бөлімдері",
                "Отделы по защите прав детей областных управлений образования",
                "Child protection units of the regional education departments",
            ),
            t(
                "Балалар үйлері мен отбасы үлгісіндегі балалар ауылдары",
                "Детские дома и детские деревни семейного типа",
                "Children's homes and family-type children's villages",
            ),
            t("Жастар ресурстық орталықтары", "Молодёжные ресурсные центры", "Youth resource centres"),
        ],
        story={
            "title": t("Арманның колледжі", "Колледж Армана", "Arman's college"),
            "person": t(
                "Мадина, тәлімгер, Шымкент", "Мадина, наставница, Шымкент", "Madina, a mentor, Shymkent"
            ),
            "text": t(
                "<p>Мадина 16 жастағы Арманмен бір жыл бойы кездесті: екеуі математикаға бірге дайындалып, "
                "бірнеше кәсіпорынға барды. Осы жазда Арман техникалық колледждің бағдарламашы мамандығына "
                "оқуға түсті. «Ол маған өз күшіме сенуді үйретті», — дейді Арман.</p>",
                "<p>Год Мадина встречалась с 16-летним Арманом: вместе готовились по математике, побывали на "
                "нескольких предприятиях. Этим летом Арман поступил в технический колледж на программиста. "
                "«Она научила меня верить в свои силы», — говорит Арман.</p>",
                "<p>For a year Madina met 16-year-old Arman: they prepared for maths together and visited "
                "several companies. This summer Arman got into a technical college to study programming. "
                "“She "
                "taught me to believe in myself,” says Arman.</p>",
            ),
        },
        more=t(
            "<p>Тәлімгерлер — 18 жасқа толған, арнайы оқудан өткен волонтерлер. Әр жұпты үйлестіруші "
            "бекітеді және олармен тұрақты байланыста болады; алғашқы кездесулер мекеме педагогының "
            "қатысуымен өтеді.</p>",
            "<p>Наставники — волонтёры не младше 18 лет, прошедшие специальное обучение. Каждую пару "
            "утверждает "
            "координатор и остаётся с ней на связи; первые встречи проходят в присутствии педагога "
            "учреждения.</p>",
            "<p>Mentors are volunteers aged 18 or over who have completed special training. A coordinator "
            "approves "
            "each "
            "pair and stays in touch with them; the first meetings take place with a teacher of the "
            "institution present.</p>",
        ),
    ),
    Project(
        direction="taza-alem",
        title=t("Біргеміз: Таза әлем", "Біргеміз: Таза әлем", "Birgemiz: Taza Álem"),
        goal=t(
            "Туған өлкенің табиғатын қорғау: өзендер мен ормандарды тазарту, ағаш отырғызу, қалдықтарды "
            "сұрыптауға үйрету.",
            "Беречь природу родного края: очищать реки и леса, сажать деревья, учить сортировать отходы.",
            "To protect the nature of our land: clean up rivers and forests, plant trees and teach people to "
            "sort their waste.",
        ),
        volunteers_do=t(
            "<ul><li>өзен-көлдердің жағалауы мен орман белдеулерін қоқыстан тазартады;</li><li>көктем мен "
            "күзде қалалар мен ауылдарда ағаш отырғызып, көшеттерді күтеді;</li><li>мектептерде қалдықтарды "
            "сұрыптау және қайта өңдеу туралы эко-сабақтар өткізеді;</li><li>рұқсатсыз қоқыс үйінділерін "
            "картаға түсіріп, әкімдіктерге хабарлайды.</li></ul>",
            "<ul><li>очищают от мусора берега рек и озёр и лесополосы;</li><li>весной и осенью сажают "
            "деревья "
            "в городах и сёлах и ухаживают за саженцами;</li><li>проводят в школах эко-уроки о сортировке и "
            "переработке отходов;</li><li>наносят на карту стихийные свалки и сообщают о них в "
            "акиматы.</li></ul>",
            "<ul><li>clear litter from the banks of rivers and lakes and from shelter belts;</li><li>plant "
            "trees in towns and villages in spring and autumn and look after the saplings;</li><li>give "
            "eco-lessons in schools on sorting and recycling waste;</li><li>map illegal dumps and report "
            "them "
            "to the akimats.</li></ul>",
        ),
        partners=[
            t(
                "Облыстық табиғи ресурстар және табиғат пайдалануды реттеу басқармалары",
                "Областные управления природных ресурсов и регулирования природопользования",
                "Regional departments of natural resources",
            ),
            t(
                "Мемлекеттік ұлттық табиғи парктер",
                "Государственные национальные природные парки",
                "State national nature parks",
            ),
            t("Орман шаруашылығы мекемелері", "Учреждения лесного хозяйства", "Forestry institutions"),
        ],
        story={
            "title": t(
                "Ертіс жағасындағы сенбілік", "Субботники на берегу Иртыша", "Saturdays on the Irtysh"
            ),
            "person": t("Павлодар оқушылары", "Школьники Павлодара", "Schoolchildren of Pavlodar"),
            "text": t(
                "<p>Павлодардағы бір мектептің тоғызыншы сынып оқушылары ай сайын Ертіс жағасына шығады. "
                "Олар "
                "жинаған пластик пен шыны бөлек қаптарға салынып, қайта өңдеуге тапсырылады. Сынып "
                "жетекшісінің "
                "айтуынша, балалар енді үйде де қоқысты сұрыптайды.</p>",
                "<p>Девятиклассники одной из школ Павлодара каждый месяц выходят на берег Иртыша. Собранные "
                "пластик и стекло раскладывают по отдельным мешкам и сдают на переработку. Как говорит "
                "классный "
                "руководитель, дома дети теперь тоже сортируют мусор.</p>",
                "<p>Every month the ninth-graders of a Pavlodar school go out to the bank of the Irtysh. The "
                "plastic and glass they collect go into separate bags and on to recycling. Their class "
                "teacher "
                "says the children now sort their rubbish at home too.</p>",
            ),
        },
        more=t(
            "<p>Жобаның ең ірі іс-шарасы — қыркүйекте өтетін «Таза планета» марафоны. Жыл бойы волонтерлер "
            "ұлттық табиғи парктермен және орман шаруашылығы мекемелерімен бірге жұмыс істейді; құрал-сайман "
            "мен қолғапты ұйымдастырушылар береді.</p>",
            "<p>Самое крупное событие проекта — марафон «Чистая планета» в сентябре. Весь год волонтёры "
            "работают вместе с национальными природными парками и лесными хозяйствами; инвентарь и перчатки "
            "выдают организаторы.</p>",
            "<p>The project's biggest event is the “Clean planet” marathon in September. All year round "
            "volunteers work with national nature parks and forestry institutions; the organisers provide "
            "tools and gloves.</p>",
        ),
    ),
    Project(
        direction="asyl-mura",
        title=t("Біргеміз: Асыл мұра", "Біргеміз: Асыл мұра", "Birgemiz: Asyl mura"),
        goal=t(
            "Тарихи-мәдени мұраны сақтау: ескерткіштерді күтіп-ұстау, мұражайларға көмектесу, ұлттық қолөнер "
            "мен салт-дәстүрді жас ұрпаққа жеткізу.",
            "Сохранять историко-культурное наследие: ухаживать за памятниками, помогать музеям, передавать "
            "молодёжи народные ремёсла и традиции.",
            "To preserve historical and cultural heritage: look after monuments, help museums and pass folk "
            "crafts and traditions on to young people.",
        ),
        volunteers_do=t(
            "<ul><li>тарихи ескерткіштер мен мемориалдардың айналасын тазалап, абаттандырады;</li><li>"
            "мұражайларда экскурсия жүргізіп, көрмелер мен мерекелерді өткізуге көмектеседі;</li><li>ауыл "
            "ақсақалдарының естеліктерін жазып алып, өлкенің ауызша тарихын жинайды;</li><li>күміс "
            "волонтерлер — шеберлер мен зергерлер — «Ата көрген оқ жонар» және «Ана көрген тон пішер» тегін "
            "үйірмелерін жүргізеді.</li></ul>",
            "<ul><li>убирают и благоустраивают территорию исторических памятников и мемориалов;</li><li>"
            "проводят экскурсии в музеях, помогают устраивать выставки и праздники;</li><li>записывают "
            "воспоминания старожилов и собирают устную историю края;</li><li>серебряные волонтёры — мастера "
            "и ювелиры — ведут бесплатные кружки «Ата көрген оқ жонар» и «Ана көрген тон пішер».</li></ul>",
            "<ul><li>clean up and tend the grounds of historical monuments and memorials;</li><li>guide "
            "tours "
            "in museums and help put on exhibitions and festivals;</li><li>record the memories of elders and "
            "collect the oral history of their region;</li><li>silver volunteers, craftsmen and jewellers, "
            "lead the free clubs “Ата көрген оқ жонар” and “Ана көрген тон пішер”.</li></ul>",
        ),
        partners=[
            t(
                "Облыстық мәдениет басқармалары",
                "Областные управления культуры",
                "Regional culture departments",
            ),
            t("Өлкетану мұражайлары", "Краеведческие музеи", "Local history museums"),
            t(
                "Тарихи-мәдени қорық-мұражайлар",
                "Историко-культурные музеи-заповедники",
                "Historical and cultural museum reserves",
            ),
        ],
        story={
            "title": t("Зергердің шәкірттері", "Ученики ювелира", "The jeweller's apprentices"),
            "person": t(
                "Серік ата, зергер, күміс волонтер, Түркістан",
                "Серик ата, ювелир, серебряный волонтёр, Туркестан",
                "Serik ata, a jeweller and silver volunteer, Turkistan",
            ),
            "text": t(
                "<p>Серік ата қырық жыл бойы күмістен әшекей соқты. Зейнетке шыққан соң ол «Ата көрген оқ "
                "жонар» үйірмесін ашты: енді аптасына екі рет жасөспірімдерге қазақ оюының мәнін және "
                "зергерлік өнердің қыр-сырын үйретеді. Шәкірттерінің алғашқы жұмыстары облыстық мұражайдың "
                "көрмесіне қойылды.</p>",
                "<p>Сорок лет Серик ата делал украшения из серебра. Выйдя на пенсию, он открыл кружок «Ата "
                "көрген оқ жонар»: теперь дважды в неделю учит подростков смыслу казахского орнамента и "
                "секретам "
                "ювелирного дела. Первые работы его учеников показали на выставке областного музея.</p>",
                "<p>For forty years Serik ata made silver jewellery. After retiring he opened an “Ата көрген "
                "оқ "
                "жонар” club: twice a week he now teaches teenagers the meaning of Kazakh ornament and the "
                "secrets of the jeweller's craft. His students' first pieces were shown at an exhibition of "
                "the "
                "regional museum.</p>",
            ),
        },
        more=t(
            "<p>Әр өңірдің өз мұрасы бар: Түркістандағы Қожа Ахмет Ясауи кесенесінен бастап ауылдағы шағын "
            "өлкетану мұражайына дейін. Волонтерлер мұражай қызметкерлерінің басшылығымен жұмыс істейді, ал "
            "ескерткіштерді қалпына келтіруді тек мамандар жүргізеді.</p>",
            "<p>У каждого региона своё наследие: от мавзолея Ходжи Ахмеда Ясави в Туркестане до маленького "
            "краеведческого музея в селе. Волонтёры работают под руководством сотрудников музеев, а "
            "реставрацию памятников ведут только специалисты.</p>",
            "<p>Every region has its own heritage, from the Mausoleum of Khoja Ahmed Yasawi in Turkistan to "
            "a "
            "small local history museum in a village. Volunteers work under the guidance of museum staff, "
            "and "
            "only specialists restore monuments.</p>",
        ),
    ),
    Project(
        direction="qamqor",
        title=t("Біргеміз: Қамқор", "Біргеміз: Қамқор", "Birgemiz: Qamqor"),
        goal=t(
            "Қарттар үйлері мен әлеуметтік қызмет көрсету орталықтарында тұратын адамдардың күнделікті "
            "өмірін "
            "жайлы әрі мазмұнды ету, оларға жалғыздықты жеңуге көмектесу.",
            "Сделать повседневную жизнь людей в домах престарелых и центрах социального обслуживания уютнее "
            "и насыщеннее, помочь им справиться с одиночеством.",
            "To make everyday life in care homes and social service centres more comfortable and fuller, and "
            "to help their residents overcome loneliness.",
        ),
        volunteers_do=t(
            "<ul><li>қарттарға барып, олармен әңгімелесіп, серуендейді;</li><li>мерекелік концерттер, "
            "ойындар "
            "мен шеберлік сабақтарын ұйымдастырады;</li><li>туыстарымен бейнебайланыс арқылы сөйлесуге "
            "көмектеседі;</li><li>әлеуметтік қызметкермен бірге жалғыз тұратын қарттардың үйіне барып, "
            "үй шаруасына көмектеседі.</li></ul>",
            "<ul><li>навещают пожилых людей, беседуют и гуляют с ними;</li><li>устраивают праздничные "
            "концерты, игры и мастер-классы;</li><li>помогают общаться с родными по видеосвязи;</li><li>"
            "вместе с социальным работником приходят к одиноким пожилым людям на дом и помогают по "
            "хозяйству.</li></ul>",
            "<ul><li>visit older people, talk and go for walks with them;</li><li>put on holiday concerts, "
            "games and workshops;</li><li>help residents talk to their families by video call;</li><li>"
            "together with a social worker, visit older people who live alone and help them around the "
            "house.</li></ul>",
        ),
        partners=[
            t(
                "Облыстық жұмыспен қамту және әлеуметтік бағдарламалар басқармалары",
                "Областные управления занятости и социальных программ",
                "Regional departments of employment and social programmes",
            ),
            t(
                "Қарттар мен мүгедектігі бар адамдарға арналған медициналық-әлеуметтік мекемелер",
                "Медико-социальные учреждения для пожилых людей и лиц с инвалидностью",
                "Medical and social care institutions for older and disabled people",
            ),
            t(
                "Үйде әлеуметтік қызмет көрсету бөлімшелері",
                "Отделения социального обслуживания на дому",
                "Home social care services",
            ),
        ],
        story={
            "title": t("Шай үстіндегі әңгіме", "Разговор за чаем", "Talk over tea"),
            "person": t(
                "Колледж студенттері, Қостанай", "Студенты колледжа, Костанай", "College students, Kostanay"
            ),
            "text": t(
                "<p>Қостанайдағы медициналық колледждің студенттері әр жұма сайын қарттар үйіне барады. Олар "
                "шай құйып, ән айтып, тұрғындардың жастық шағы туралы әңгімелерін тыңдайды. «Жұма келгенін "
                "енді күнтізбеден емес, балалардың дауысынан білемін», — дейді 85 жастағы Мария "
                "Ивановна.</p>",
                "<p>Каждую пятницу студенты медицинского колледжа Костаная приходят в дом престарелых. Они "
                "разливают чай, поют и слушают рассказы жильцов об их молодости. «Пятницу я теперь узнаю не "
                "по "
                "календарю, а по голосам ребят», — говорит 85-летняя Мария Ивановна.</p>",
                "<p>Every Friday students of a medical college in Kostanay come to the care home. They pour "
                "tea, "
                "sing and listen to the residents' stories of their youth. “I now know it's Friday not from "
                "the "
                "calendar but from the young people's voices,” says 85-year-old Maria Ivanovna.</p>",
            ),
        },
        more=t(
            "<p>Жол картасы ұсынған тәсіл бойынша бір әлеуметтік қызметкермен бірге екі волонтер жұмыс "
            "істейді: қызметкер кәсіби күтім көрсетеді, ал волонтерлер қарым-қатынас пен күнделікті қолдауды "
            "өз мойнына алады.</p>",
            "<p>По подходу, предложенному Дорожной картой, с одним социальным работником работают два "
            "волонтёра: работник оказывает профессиональный уход, а волонтёры берут на себя общение и "
            "повседневную поддержку.</p>",
            "<p>Following the approach set out in the Roadmap, two volunteers work with each social worker: "
            "the "
            "social worker gives professional care, while the volunteers offer company and everyday "
            "support.</p>",
        ),
    ),
    Project(
        direction="umit",
        title=t("Біргеміз: Үміт", "Біргеміз: Үміт", "Birgemiz: Úmit"),
        goal=t(
            "Жоғалған адамдарды іздеуге және төтенше жағдайлардың зардаптарын жоюға көмектесу, Ұлы Отан "
            "соғысы батырлары туралы құжаттарды тауып, олардың есімдерін қалпына келтіру.",
            "Помогать в поиске пропавших людей и ликвидации последствий чрезвычайных ситуаций, находить "
            "документы о героях Великой Отечественной войны и возвращать их имена.",
            "To help search for missing people and deal with the aftermath of emergencies, and to find the "
            "records of Second World War soldiers and restore their names.",
        ),
        volunteers_do=t(
            "<ul><li>құтқарушылармен бірге іздеу жұмыстарына қатысады (тек 18 жасқа толған, дайындықтан "
            "өткен волонтерлер);</li><li>жоғалған адамдар туралы хабарландыруларды таратып, ақпараттық "
            "штабта кезекшілік етеді;</li><li>су тасқыны мен басқа да төтенше жағдайлар кезінде уақытша "
            "орналастыру пункттерінде көмектеседі;</li><li>цифрлық архивтерден майдангерлер туралы "
            "құжаттарды іздеп, отбасыларына табыс етеді.</li></ul>",
            "<ul><li>участвуют в поисковых работах вместе со спасателями (только волонтёры не младше 18 лет, "
            "прошедшие подготовку);</li><li>распространяют ориентировки о пропавших и дежурят в "
            "информационном штабе;</li><li>помогают в пунктах временного размещения во время паводков и "
            "других чрезвычайных ситуаций;</li><li>ищут в цифровых архивах документы о фронтовиках и "
            "передают их семьям.</li></ul>",
            "<ul><li>join search operations with rescuers (only trained volunteers aged 18 or "
            "over);</li><li>spread "
            "notices about missing people and take shifts at the information headquarters;</li><li>help at "
            "temporary shelters during floods and other emergencies;</li><li>search digital archives for the "
            "records of frontline soldiers and hand them to their families.</li></ul>",
        ),
        partners=[
            t(
                "Облыстардың төтенше жағдайлар департаменттері",
                "Департаменты по чрезвычайным ситуациям областей",
                "Regional emergency departments",
            ),
            t(
                "Облыстардың полиция департаменттері",
                "Департаменты полиции областей",
                "Regional police departments",
            ),
            t("Облыстық мемлекеттік архивтер", "Областные государственные архивы", "Regional state archives"),
        ],
        story={
            "title": t("Атасының жолы", "Путь деда", "A grandfather's path"),
            "person": t(
                "Ерлан, архив волонтері, Ақтөбе",
                "Ерлан, архивный волонтёр, Актобе",
                "Yerlan, an archive volunteer, Aktobe",
            ),
            "text": t(
                "<p>Цифрлық архивтердегі жүздеген құжатты қарап шығып, Ерлан 1942 жылы хабарсыз кеткен "
                "жауынгердің жерленген жерін тапты. Жауынгердің немересі атасының есімі жазылған құжатты "
                "қолына алғанда көзіне жас алды. «Біз осындай сәттер үшін жұмыс істейміз», — дейді "
                "Ерлан.</p>",
                "<p>Просмотрев в цифровых архивах сотни документов, Ерлан нашёл место захоронения солдата, "
                "пропавшего без вести в 1942 году. Внук солдата не сдержал слёз, когда взял в руки документ "
                "с "
                "именем деда. «Мы работаем ради таких минут», — говорит Ерлан.</p>",
                "<p>After going through hundreds of records in digital archives, Yerlan found the grave of a "
                "soldier missing in action since 1942. The soldier's grandson could not hold back his tears "
                "when he held the record with his grandfather's name. “Moments like this are what we do it "
                "for,” says Yerlan.</p>",
            ),
        },
        more=t(
            "<p>Іздеу-құтқару жұмыстары 18 жасқа толмағандарға жабық: мұны «Волонтерлік қызмет туралы» заң "
            "талап етеді. Жасөспірімдер жобаға архивтік іздеу мен ақпараттық көмек арқылы қатыса алады.</p>",
            "<p>Поисково-спасательные работы закрыты для тех, кому нет 18: этого требует закон «О "
            "волонтёрской деятельности». Подростки могут участвовать в проекте через поиск в архивах и "
            "информационную помощь.</p>",
            "<p>Search and rescue work is closed to anyone under 18, as the Law on Volunteer Activity "
            "requires. "
            "Teenagers can take part through archive research and information support.</p>",
        ),
    ),
    Project(
        direction="ayala",
        title=t("Біргеміз: Аяла", "Біргеміз: Аяла", "Birgemiz: Ayala"),
        goal=t(
            "Жануарларға жауапкершілікпен қарауды қалыптастыру: баспаналардағы жануарларға күтім жасау, "
            "оларға жаңа үй табу, балаларға үй жануарларын күтуді үйрету.",
            "Воспитывать ответственное отношение к животным: ухаживать за животными в приютах, находить им "
            "новый дом, учить детей заботиться о домашних питомцах.",
            "To build a responsible attitude to animals: care for animals in shelters, find them new homes "
            "and "
            "teach children how to look after pets.",
        ),
        volunteers_do=t(
            "<ul><li>баспаналарда иттерді серуендетіп, жануарларды тамақтандырып, қоршауларды тазалайды;</li>"
            "<li>жануарларды суретке түсіріп, оларға жаңа иелер іздейді, «асырап алу күндерін» өткізеді;"
            "</li><li>баспаналарға жем, дәрі-дәрмек және жылы төсеніш жинайды;</li><li>мектептерде үй "
            "жануарларына жауапкершілікпен қарау туралы сабақтар өткізеді.</li></ul>",
            "<ul><li>гуляют с собаками в приютах, кормят животных, убирают вольеры;</li><li>фотографируют "
            "животных, ищут им новых хозяев и проводят «дни пристройства»;</li><li>собирают для приютов "
            "корм, "
            "лекарства и тёплые подстилки;</li><li>проводят в школах уроки об ответственном отношении к "
            "домашним животным.</li></ul>",
            "<ul><li>walk dogs, feed the animals and clean the enclosures at shelters;</li><li>photograph "
            "animals, look for new owners and hold adoption days;</li><li>collect food, medicines and warm "
            "bedding for shelters;</li><li>give lessons in schools on responsible pet ownership.</li></ul>",
        ),
        partners=[
            t("Жануарларға арналған баспаналар", "Приюты для животных", "Animal shelters"),
            t(
                "Облыстық ветеринария басқармалары",
                "Областные управления ветеринарии",
                "Regional veterinary departments",
            ),
            t("Ветеринариялық клиникалар", "Ветеринарные клиники", "Veterinary clinics"),
        ],
        story={
            "title": t("Қарабастың жаңа үйі", "Новый дом Карабаса", "Qarabas's new home"),
            "person": t(
                "Әсем, медиаволонтер, Өскемен",
                "Асем, медиаволонтёр, Усть-Каменогорск",
                "Assem, a media volunteer, Oskemen",
            ),
            "text": t(
                "<p>Әсем баспанадағы иттерді суретке түсіріп, әрқайсысы туралы қысқа әңгіме жазады. "
                "Баспанада "
                "үш жыл тұрған Қарабас есімді ит осындай жазбадан кейін бір аптада жаңа үйін тапты. Қазір "
                "оның "
                "иелері Әсемге Қарабастың суреттерін жіберіп тұрады.</p>",
                "<p>Асем фотографирует собак из приюта и пишет о каждой короткий рассказ. Пёс по кличке "
                "Карабас, "
                "проживший в приюте три года, после такого поста за неделю нашёл новый дом. Теперь его "
                "хозяева "
                "присылают Асем фотографии Карабаса.</p>",
                "<p>Assem photographs the dogs at the shelter and writes a short story about each. Qarabas, "
                "a dog "
                "who had lived at the shelter for three years, found a new home within a week of such a "
                "post. "
                "His owners now send Assem photos of him.</p>",
            ),
        },
        more=t(
            "<p>Жобаның басты іс-шарасы — тамызда өтетін «Зооқамқорлық» күні. Баспанаға алғаш келген "
            "волонтерлер жануарлармен қауіпсіз жұмыс істеу туралы нұсқаулықтан өтеді.</p>",
            "<p>Главное событие проекта — день «Зоозабота» в августе. Волонтёры, которые впервые приходят в "
            "приют, проходят инструктаж по безопасной работе с животными.</p>",
            "<p>The project's main event is the “Zoo-care” day in August. Volunteers coming to a shelter for "
            "the first time are briefed on working safely with animals.</p>",
        ),
    ),
]


@dataclass
class News:
    slug: str
    days_ago: int
    image: str
    title: dict
    summary: dict
    body: list
    tags: dict


NEWS = [
    News(
        slug="platform-open",
        days_ago=3,
        image="platform",
        title=t(
            "«Біргеміз» платформасы жұмысын бастады",
            "Платформа «Біргеміз» начала работу",
            "The Birgemiz platform is open",
        ),
        summary=t(
            "Волонтерлер енді бір жерден іс-шараларға жазылып, оқыту бағдарламасынан өтіп, волонтерлік "
            "сағаттарын есепке ала алады.",
            "Теперь волонтёры могут в одном месте записываться на мероприятия, проходить программу обучения "
            "и "
            "вести учёт волонтёрских часов.",
            "Volunteers can now sign up for events, take the training programme and keep track of their "
            "volunteer hours in one place.",
        ),
        body=[
            _paragraph(
                t(
                    "<p>Платформа волонтерлерді, үйлестірушілерді және ұйымдарды біріктіреді. Волонтер өз "
                    "өңіріндегі іс-шараларды тауып, ыңғайлы ауысымға жазылады; үйлестіруші оның келгенін "
                    "белгілеп, сағаттарын растайды, ал расталған сағаттар волонтер кітапшасына түседі.</p>"
                    "<p>Сайт қазақ, орыс және ағылшын тілдерінде жұмыс істейді. Әлі аударылмаған бет "
                    "бастапқы "
                    "тілде көрсетіледі және бұл туралы белгі қойылады.</p>",
                    "<p>Платформа объединяет волонтёров, координаторов и организации. Волонтёр находит "
                    "мероприятия в своём регионе и записывается на удобную смену; координатор отмечает его "
                    "прибытие и подтверждает часы, а подтверждённые часы попадают в книжку волонтёра.</p>"
                    "<p>Сайт работает на казахском, русском и английском языках. Страница, которую ещё не "
                    "перевели, показывается на языке оригинала с пометкой об этом.</p>",
                    "<p>The platform brings volunteers, coordinators and organisations together. A volunteer "
                    "finds events in their region and signs up for a shift that suits them; the coordinator "
                    "checks them in and confirms their hours, and the confirmed hours go into the volunteer "
                    "book.</p><p>The site works in Kazakh, Russian and English. A page not yet translated is "
                    "shown in its original language, with a note saying so.</p>",
                )
            ),
            _cta(
                t("Алғашқы іс-шараңызды табыңыз", "Найдите своё первое мероприятие", "Find your first event"),
                t("Іс-шаралар", "Мероприятия", "Events"),
                url="events:list",
            ),
        ],
        tags=t(["платформа", "іс-шаралар"], ["платформа", "мероприятия"], ["platform", "events"]),
    ),
    News(
        slug="silver-craft-clubs",
        days_ago=9,
        image="asyl-mura",
        title=t(
            "Күміс волонтерлер шеберлік үйірмелерін ашады",
            "Серебряные волонтёры открывают кружки ремёсел",
            "Silver volunteers open craft clubs",
        ),
        summary=t(
            "«Ата көрген оқ жонар» және «Ана көрген тон пішер» тегін үйірмелерінде шеберлер балалар мен "
            "жастарға зергерлік, тоқымашылық және тігіншілік өнерін үйретеді.",
            "В бесплатных кружках «Ата көрген оқ жонар» и «Ана көрген тон пішер» мастера учат детей и "
            "молодёжь ювелирному делу, ткачеству и шитью.",
            "In the free clubs “Ата көрген оқ жонар” and “Ана көрген тон пішер”, craftspeople teach children "
            "and young people jewellery making, weaving and sewing.",
        ),
        body=[
            _paragraph(
                t(
                    "<p>Үйірмелерді 50 жастан асқан немесе зейнеткер волонтерлер — зергерлер, тоқымашылар, "
                    "тігіншілер және басқа да шеберлер жүргізеді. Мақалда айтылғандай, «Ата көрген оқ жонар, "
                    "ана көрген тон пішер»: үлкендер көргенін кейінгі ұрпаққа үйретеді.</p><p>Үйірме ашқысы "
                    "келетін шеберлер өз өңірінің волонтерлер фронт-офисіне хабарласа алады; сабақтар "
                    "платформада іс-шара ретінде жарияланады.</p>",
                    "<p>Кружки ведут волонтёры старше 50 лет или пенсионеры — ювелиры, ткачи, швеи и другие "
                    "мастера. Как говорит казахская пословица, «Ата көрген оқ жонар, ана көрген тон пішер»: "
                    "дети делают то, чему научились у родителей.</p><p>Мастера, которые хотят открыть "
                    "кружок, "
                    "могут обратиться во фронт-офис волонтёров своего региона; занятия публикуются на "
                    "платформе как мероприятия.</p>",
                    "<p>The clubs are led by volunteers over 50 or retired: jewellers, weavers, tailors and "
                    "other craftspeople. As the Kazakh proverb says, “Ата көрген оқ жонар, ана көрген тон "
                    "пішер”: children make what they saw their parents make.</p><p>Craftspeople who would "
                    "like "
                    "to start a club can contact their region's volunteer front office; the classes are "
                    "published on the platform as events.</p>",
                )
            ),
            (
                "quote",
                {
                    "text": t(
                        "Қолөнер — ұрпақтан ұрпаққа берілетін тірі мұра.",
                        "Ремесло — живое наследие, которое передаётся из поколения в поколение.",
                        "A craft is a living heritage handed down from generation to generation.",
                    ),
                    "attribution": t("Серік ата, зергер", "Серик ата, ювелир", "Serik ata, a jeweller"),
                },
            ),
        ],
        tags=t(
            ["күміс волонтерлік", "Асыл мұра"],
            ["серебряное волонтёрство", "Асыл мұра"],
            ["silver volunteering", "Asyl mura"],
        ),
    ),
    News(
        slug="mentors-wanted",
        days_ago=16,
        image="sabaqtastyq",
        title=t(
            "«Сабақтастық» жобасы жаңа тәлімгерлерді шақырады",
            "Проект «Сабақтастық» приглашает новых наставников",
            "Sabaqtastyq is looking for new mentors",
        ),
        summary=t(
            "18 жасқа толған волонтерлер тәлімгерлерге арналған оқудан өтіп, балалар үйінің тәрбиеленушісіне "
            "немесе қиын жағдайдағы жасөспірімге бір жыл бойы қолдау көрсете алады.",
            "Волонтёры не младше 18 лет могут пройти обучение для наставников и в течение года поддерживать "
            "подростка из детского дома или в трудной ситуации.",
            "Volunteers aged 18 or over can take the mentors' training and support a teenager from a "
            "children's home "
            "or in a difficult situation for a year.",
        ),
        body=[
            _paragraph(
                t(
                    "<p>Тәлімгер болу үшін платформада тіркеліп, профильде «Біргеміз: Сабақтастық» бағытын "
                    "таңдаңыз да, тәлімгерлерге арналған курстан өтіңіз. Курс балалармен қарым-қатынас, "
                    "олардың құқықтары мен қауіпсіздігі туралы сабақтардан тұрады.</p><p>Оқудан кейін "
                    "үйлестіруші әр тәлімгерге тәлімгерленуші таңдап, жұпты бекітеді. Алғашқы кездесулер "
                    "мекеме педагогының қатысуымен өтеді.</p>",
                    "<p>Чтобы стать наставником, зарегистрируйтесь на платформе, выберите в профиле "
                    "направление «Біргеміз: Сабақтастық» и пройдите курс для наставников. В нём — уроки об "
                    "общении с детьми, их правах и безопасности.</p><p>После обучения координатор подбирает "
                    "каждому наставнику подопечного и утверждает пару. Первые встречи проходят в присутствии "
                    "педагога учреждения.</p>",
                    "<p>To become a mentor, sign up on the platform, choose Birgemiz: Sabaqtastyq in your "
                    "profile and take the course for mentors. It has lessons on talking with children, their "
                    "rights and their safety.</p><p>After the training a coordinator chooses a mentee for "
                    "each "
                    "mentor and approves the pair. The first meetings take place with a teacher of the "
                    "institution present.</p>",
                )
            ),
        ],
        tags=t(
            ["тәлімгерлік", "Сабақтастық"], ["наставничество", "Сабақтастық"], ["mentoring", "Sabaqtastyq"]
        ),
    ),
    News(
        slug="volunteer-book",
        days_ago=24,
        image="platform",
        title=t(
            "Волонтерлік сағаттар енді волонтер кітапшасында",
            "Волонтёрские часы теперь в книжке волонтёра",
            "Volunteer hours now go into the volunteer book",
        ),
        summary=t(
            "Үйлестіруші растаған әр сағат волонтер кітапшасына жазылады, ал волонтер карточкасындағы QR код "
            "арқылы кез келген адам оны тексере алады.",
            "Каждый час, подтверждённый координатором, записывается в книжку волонтёра, а по QR-коду на "
            "карточке волонтёра его может проверить любой.",
            "Every hour a coordinator confirms is recorded in the volunteer book, and anyone can check it "
            "with "
            "the QR code on the volunteer card.",
        ),
        body=[
            _paragraph(
                t(
                    "<p>Іс-шарада үйлестіруші волонтердің келгенін код немесе QR код арқылы белгілейді. "
                    "Ауысымнан кейін ол қатысуды және сағат санын растайды — сағаттар бірден волонтер "
                    "кітапшасына түседі. Түзету қажет болса, бұрынғы жазба өшірілмейді: оның орнына түзету "
                    "жазбасы қосылады.</p><p>Волонтер карточкасын PDF түрінде жүктеп алуға болады. "
                    "Карточкадағы QR код тексеру бетін ашады; онда волонтер өзі рұқсат еткен мәліметтер ғана "
                    "көрсетіледі.</p>",
                    "<p>На мероприятии координатор отмечает прибытие волонтёра по коду или QR-коду. После "
                    "смены он подтверждает участие и число часов — и часы сразу попадают в книжку волонтёра. "
                    "Если нужна поправка, прежняя запись не стирается: добавляется запись-исправление.</p>"
                    "<p>Карточку волонтёра можно скачать в PDF. QR-код на ней открывает страницу проверки, "
                    "где "
                    "видно только то, что волонтёр сам разрешил показывать.</p>",
                    "<p>At an event the coordinator checks the volunteer in with a code or QR code. After "
                    "the "
                    "shift they confirm attendance and the number of hours, and the hours go straight into "
                    "the "
                    "volunteer book. If a correction is needed, the earlier entry is not erased: a "
                    "correcting "
                    "entry is added.</p><p>The volunteer card can be downloaded as a PDF. Its QR code opens "
                    "a "
                    "verification page that shows only what the volunteer has chosen to show.</p>",
                )
            ),
        ],
        tags=t(
            ["волонтер кітапшасы", "платформа"],
            ["книжка волонтёра", "платформа"],
            ["volunteer book", "platform"],
        ),
    ),
]


@dataclass
class Practice:
    slug: str
    region: str  # ISO 3166-2
    direction: str
    image: str
    organisation: dict
    title: dict
    summary: dict
    body: list


PRACTICES = [
    Practice(
        slug="clean-irtysh",
        region="KZ-55",
        direction="taza-alem",
        image="taza-alem",
        organisation=t(
            "Өңірлік фронт-офис: Павлодар облысы",
            "Региональный фронт-офис: Павлодарская область",
            "Regional front office: Pavlodar Region",
        ),
        title=t(
            "Мектеп, өзен жағасы, қайта өңдеу: «Таза Ертіс» тәжірибесі",
            "Школа, берег, переработка: опыт «Чистого Иртыша»",
            "School, riverbank, recycling: the Clean Irtysh practice",
        ),
        summary=t(
            "Мектептер, фронт-офис және қалдықтарды қайта өңдеушілер бірлесіп, ай сайынғы сенбіліктерді "
            "тұрақты экологиялық бағдарламаға айналдырды.",
            "Школы, фронт-офис и переработчики отходов вместе превратили ежемесячные субботники в постоянную "
            "экологическую программу.",
            "Schools, the front office and waste recyclers together turned monthly clean-ups into a lasting "
            "environmental programme.",
        ),
        body=[
            _heading(t("Не істелді", "Что сделали", "What was done")),
            _paragraph(
                t(
                    "<ul><li>әр мектепке Ертіс жағалауының бір бөлігі бекітілді;</li><li>сенбіліктер айдың "
                    "бір "
                    "сенбісінде өтеді, волонтерлер платформа арқылы жазылады;</li><li>жиналған қалдық сол "
                    "жерде "
                    "сұрыпталып, қайта өңдеушілерге тапсырылады;</li><li>оқушылар жиналған қалдықты өлшеп, "
                    "нәтижесін мектепте таныстырады.</li></ul>",
                    "<ul><li>за каждой школой закреплён участок берега Иртыша;</li><li>субботники проходят в "
                    "одну субботу месяца, волонтёры записываются через платформу;</li><li>собранные отходы "
                    "сортируют на месте и сдают переработчикам;</li><li>школьники взвешивают собранное и "
                    "рассказывают о результатах в школе.</li></ul>",
                    "<ul><li>each school looks after its own stretch of the Irtysh bank;</li><li>clean-ups "
                    "take place on one Saturday a month, and volunteers sign up on the platform;</li><li>the "
                    "waste collected is sorted on the spot and handed to recyclers;</li><li>pupils weigh "
                    "what "
                    "they collected and present the results at school.</li></ul>",
                )
            ),
            _heading(t("Неліктен нәтиже береді", "Почему это работает", "Why it works")),
            _paragraph(
                t(
                    "<p>Тұрақты кесте мен «өз» учаскесі балаларға жауапкершілік сезімін береді, ал сұрыптау "
                    "мен "
                    "қайта өңдеу еңбектің нақты нәтижесін көрсетеді. Тәжірибені өзені немесе көлі бар кез "
                    "келген қалада қайталауға болады.</p>",
                    "<p>Постоянный график и «свой» участок дают детям чувство ответственности, а сортировка "
                    "и "
                    "переработка показывают, что труд не напрасен. Практику можно повторить в любом городе у "
                    "реки или озера.</p>",
                    "<p>A regular schedule and a stretch of their own give the children a sense of "
                    "responsibility, and sorting and recycling show that the work makes a difference. The "
                    "practice can be repeated in any town by a river or lake.</p>",
                )
            ),
        ],
    ),
    Practice(
        slug="social-worker-and-two-volunteers",
        region="KZ-39",
        direction="qamqor",
        image="qamqor",
        organisation=t(
            "Қостанай облысының жұмыспен қамту және әлеуметтік бағдарламалар басқармасы",
            "Управление занятости и социальных программ Костанайской области",
            "Kostanay Region Department of Employment and Social Programmes",
        ),
        title=t(
            "Бір әлеуметтік қызметкер және екі волонтер",
            "Один социальный работник и два волонтёра",
            "One social worker, two volunteers",
        ),
        summary=t(
            "Үйде әлеуметтік қызмет алатын жалғыз басты қарттарға әлеуметтік қызметкермен бірге тұрақты екі "
            "волонтер барады.",
            "К одиноким пожилым людям, получающим социальные услуги на дому, вместе с социальным работником "
            "приходят два постоянных волонтёра.",
            "Older people living alone who receive social care at home are visited by their social worker "
            "together with two regular volunteers.",
        ),
        body=[
            _heading(t("Қалай ұйымдастырылған", "Как это устроено", "How it is organised")),
            _paragraph(
                t(
                    "<p>Әлеуметтік қызметкер өзі қамқорлыққа алған адамдардың ішінен қосымша көмекке "
                    "мұқтаждарын таңдайды, әрқайсысына екі волонтер бекітіледі. Волонтерлер аптасына бір рет "
                    "келіп, дүкенге, дәріханаға барады, әңгімелеседі; кәсіби күтім әлеуметтік қызметкердің "
                    "міндетінде қалады.</p>",
                    "<p>Социальный работник выбирает среди своих подопечных тех, кому нужна дополнительная "
                    "помощь, и за каждым закрепляют двух волонтёров. Раз в неделю волонтёры приходят, ходят "
                    "в "
                    "магазин и аптеку, разговаривают; профессиональный уход остаётся за социальным "
                    "работником.</p>",
                    "<p>The social worker picks out those among the people in their care who need more help, "
                    "and two volunteers are assigned to each. Once a week the volunteers call round, go to "
                    "the "
                    "shop and the pharmacy and keep them company; professional care remains the social "
                    "worker's job.</p>",
                )
            ),
            (
                "quote",
                {
                    "text": t(
                        "Бұрын тек ең қажетті жұмысқа ғана үлгеретінмін. Енді қамқорлығымдағы адамдардың "
                        "әңгімелесетін, бірге серуендейтін достары бар.",
                        "Раньше я успевала только самое необходимое. Теперь у моих подопечных есть друзья, с "
                        "которыми можно поговорить и погулять.",
                        "I used to have time only for what was essential. Now the people I care for have "
                        "friends to talk to and go for walks with.",
                    ),
                    "attribution": t(
                        "Әлеуметтік қызметкер, Қостанай",
                        "Социальный работник, Костанай",
                        "A social worker, Kostanay",
                    ),
                },
            ),
            _paragraph(
                t(
                    "<p>Тәжірибе жол картасының 12-тармағына сәйкес келеді және басқа облыстарда оңай "
                    "қайталанады: оған қосымша қаржы емес, әлеуметтік қызмет пен фронт-офистің келісімі ғана "
                    "қажет.</p>",
                    "<p>Практика соответствует пункту 12 Дорожной карты и легко повторяется в других "
                    "областях: "
                    "для неё нужны не дополнительные деньги, а договорённость между социальной службой и "
                    "фронт-офисом.</p>",
                    "<p>The practice follows item 12 of the Roadmap and is easy to repeat in other regions: "
                    "it "
                    "needs no extra funding, only an agreement between the social services and the front "
                    "office.</p>",
                )
            ),
        ],
    ),
]

FAQ_ITEMS = [
    (
        t(
            "Неше жастан бастап волонтер бола аламын?",
            "С какого возраста можно стать волонтёром?",
            "How old do I have to be to volunteer?",
        ),
        t(
            "<p>14 жастан бастап платформада өзіңіз тіркеле аласыз. 16 жасқа толмасаңыз, тіркелу кезінде "
            "ата-анаңыздың немесе заңды өкіліңіздің электрондық поштасын көрсетесіз: оған сілтеме "
            "жіберіледі, "
            "ол келісімін растағаннан кейін іс-шараларға жазыла аласыз. 14 жасқа толмаған балаларды "
            "үйлестіруші заңды өкілімен бірге тіркейді.</p><p>18 жасқа толмағандар «тек ересектерге» деп "
            "белгіленген іс-шараларға қатыса алмайды: төтенше жағдайлардың зардаптарын жою, ауыр немесе "
            "зиянды жұмыстар, соттылығы бар адамдарға көмек көрсету.</p>",
            "<p>С 14 лет можно зарегистрироваться на платформе самостоятельно. Если вам ещё нет 16, при "
            "регистрации укажите e-mail родителя или законного представителя: ему придёт ссылка, и "
            "записываться на мероприятия можно будет после того, как он подтвердит согласие. Детей младше 14 "
            "лет регистрирует координатор вместе с законным представителем.</p><p>До 18 лет нельзя "
            "участвовать в мероприятиях с пометкой «только для взрослых»: ликвидация последствий "
            "чрезвычайных "
            "ситуаций, тяжёлые или вредные работы, помощь лицам с судимостью.</p>",
            "<p>From 14 you can sign up on the platform yourself. If you are under 16, give the e-mail "
            "address "
            "of a parent or guardian when you sign up: they receive a link, and you can sign up for events "
            "once they have confirmed their consent. Children under 14 are registered by a coordinator "
            "together with their guardian.</p><p>Under 18 you cannot take part in events marked “adults "
            "only”: emergency response, heavy or hazardous work, and helping people with a criminal "
            "record.</p>",
        ),
    ),
    (
        t("Іс-шараға қалай жазыламын?", "Как записаться на мероприятие?", "How do I sign up for an event?"),
        t(
            "<p>Тіркеліп, «Іс-шаралар» бөлімінен өңіріңіз бен бағытыңыз бойынша іс-шара таңдаңыз да, ыңғайлы "
            "ауысымға жазылыңыз. Орын қалмаса, күту тізіміне қосыласыз: біреу бас тартса, орын сізге "
            "автоматты түрде беріледі және бұл туралы хабарлаймыз. Жазылуыңызды растайтын хат бірден келеді, "
            "ал "
            "іс-шарадан бір тәулік бұрын еске салу хаты жіберіледі.</p>",
            "<p>Зарегистрируйтесь, выберите в разделе «Мероприятия» событие по региону и направлению и "
            "запишитесь на удобную смену. Если мест нет, вы попадёте в лист ожидания: когда кто-то "
            "откажется, место автоматически перейдёт к вам, и мы сообщим об этом. Вы получите письмо с "
            "подтверждением записи, а за сутки до мероприятия — напоминание.</p>",
            "<p>Create an account, choose an event under “Events” by region and direction, and sign up for a "
            "shift that suits you. If it is full you join the waitlist: when someone drops out, the place "
            "goes to you automatically and we let you know. You receive an e-mail confirming your sign-up "
            "and a reminder a day before the event.</p>",
        ),
    ),
    (
        t(
            "Волонтерлік сағаттарым қалай есептеледі?",
            "Как считаются мои волонтёрские часы?",
            "How are my volunteer hours counted?",
        ),
        t(
            "<p>Іс-шарада үйлестіруші келгеніңізді белгілейді: «Менің іс-шараларым» бетіндегі кодты немесе "
            "QR кодты көрсетесіз. Ауысымнан кейін ол қатысуыңыз бен сағат санын растайды, ал расталған "
            "сағаттар волонтер кітапшасына жазылады. Бұл сағаттар «Волонтер жолы» кезеңдерінен өту үшін де "
            "есептеледі.</p>",
            "<p>На мероприятии координатор отмечает ваше прибытие: покажите код или QR-код со страницы «Мои "
            "мероприятия». После смены он подтверждает участие и число часов, и подтверждённые часы "
            "записываются в книжку волонтёра. Они засчитываются и для этапов «Пути волонтёра».</p>",
            "<p>At the event the coordinator checks you in: show the code or QR code from the “My events” "
            "page. After the shift they confirm your attendance and the number of hours, and the confirmed "
            "hours are recorded in your volunteer book. They also count towards the stages of the "
            "Volunteer's "
            "Path.</p>",
        ),
    ),
    (
        t(
            "Волонтерлігімді растайтын құжат ала аламын ба?",
            "Можно ли получить документ, подтверждающий волонтёрство?",
            "Can I get a document that proves my volunteering?",
        ),
        t(
            "<p>Иә. Жеке кабинетіңізден волонтер карточкасын PDF түрінде жүктеп аласыз: онда расталған "
            "сағаттарыңыз бен QR код бар. QR код тексеру бетін ашады, онда сіз рұқсат еткен мәліметтер ғана "
            "көрінеді. Оқыту бағдарламасының курсын аяқтағанда сертификат беріледі.</p>",
            "<p>Да. В личном кабинете можно скачать карточку волонтёра в PDF: на ней ваши подтверждённые "
            "часы "
            "и QR-код. QR-код открывает страницу проверки, где видно только то, что вы разрешили показывать. "
            "По окончании курса программы обучения выдаётся сертификат.</p>",
            "<p>Yes. In your account you can download your volunteer card as a PDF, with your verified hours "
            "and a QR code. The QR code opens a verification page that shows only what you have chosen to "
            "show. Each course of the training programme ends with a certificate.</p>",
        ),
    ),
    (
        t(
            "Дербес деректерімді өңдеуге қандай келісім беремін?",
            "Какое согласие на обработку персональных данных я даю?",
            "What consent do I give for my personal data?",
        ),
        t(
            "<p>Тіркелу кезінде келісімнің толық мәтінін көресіз: деректерді кім және қандай мақсатпен "
            "өңдейді, қандай деректер жиналады, олар қанша уақыт сақталады, үшінші тұлғаларға беріле ме. "
            "Деректер Қазақстандағы серверлерде сақталады. «Деректерім және келісім» бетінде барлық "
            "деректеріңізді файл түрінде жүктеп алуға немесе келісімді кері қайтарып алуға болады: сонда "
            "деректеріңіз бірден жойылып, аккаунт жабылады.</p>",
            "<p>При регистрации вы видите полный текст согласия: кто и с какой целью обрабатывает данные, "
            "какие данные собираются, сколько хранятся, передаются ли третьим лицам. Данные хранятся на "
            "серверах в Казахстане. На странице «Мои данные и согласие» можно скачать все свои данные файлом "
            "или отозвать согласие: тогда данные сразу удаляются, а аккаунт закрывается.</p>",
            "<p>When you sign up you see the full text of the consent: who processes the data and why, which "
            "data are collected, how long they are kept and whether they are passed to third parties. The "
            "data "
            "are kept on servers in Kazakhstan. On the “My data and consent” page you can download all your "
            "data as a file or withdraw your consent: your data are then erased at once and the account is "
            "closed.</p>",
        ),
    ),
    (
        t(
            "Мен зейнеткермін. Волонтер бола аламын ба?",
            "Я на пенсии. Могу ли я стать волонтёром?",
            "I am retired. Can I volunteer?",
        ),
        t(
            "<p>Әрине. 50 жастан асқан немесе зейнеткер волонтерлер — күміс волонтерлер — профилінде ерекше "
            "белгімен көрсетіледі, ал іс-шаралар тізімінен оларға ыңғайлыларын бөлек таңдауға болады. "
            "Шеберлер «Ата көрген оқ жонар» және «Ана көрген тон пішер» үйірмелерін жүргізіп, өнерін "
            "жастарға "
            "үйрете алады. Сайттың жоғарғы жағындағы «Оңай оқу» батырмасы қаріпті үлкейтіп, контрастты "
            "күшейтеді.</p>",
            "<p>Конечно. Волонтёры старше 50 лет или пенсионеры — серебряные волонтёры — отмечены в профиле "
            "особым значком, а в списке мероприятий можно отдельно выбрать подходящие для них. Мастера могут "
            "вести кружки «Ата көрген оқ жонар» и «Ана көрген тон пішер» и передавать своё умение молодёжи. "
            "Кнопка «Лёгкое чтение» вверху сайта увеличивает шрифт и контраст.</p>",
            "<p>Of course. Volunteers over 50 or retired, silver volunteers, have a badge on their profile, "
            "and "
            "the events list can show just the events suited to them. Craftspeople can lead the “Ата көрген "
            "оқ жонар” and “Ана көрген тон пішер” clubs and pass their skills on to young people. The “Easy "
            "reading” button at the top of the site makes the text larger and raises the contrast.</p>",
        ),
    ),
]


def _home_body(figures: dict) -> list:
    return [
        (
            "figures",
            {
                "title": t("«Біргеміз» сандармен", "«Біргеміз» в цифрах", "Birgemiz in figures"),
                "figures": [
                    {
                        "value": figures["projects"],
                        "label": t(
                            "«Біргеміз» ұлттық жобасы",
                            "национальных проектов «Біргеміз»",
                            "Birgemiz national projects",
                        ),
                    },
                    {
                        "value": figures["regions"],
                        "label": t(
                            "облыс және республикалық маңызы бар қала",
                            "областей и городов республиканского значения",
                            "regions and cities of republican significance",
                        ),
                    },
                    {
                        "value": figures["days"],
                        "label": t(
                            "жыл сайынғы бірыңғай іс-қимыл күні",
                            "единых дней действий в году",
                            "days of action a year",
                        ),
                    },
                    {
                        "value": "14+",
                        "label": t(
                            "жастан бастап волонтер болуға болады",
                            "лет — возраст, с которого можно стать волонтёром",
                            "the age from which you can volunteer",
                        ),
                    },
                ],
            },
        ),
        _cta(
            t("Волонтер болыңыз", "Станьте волонтёром", "Become a volunteer"),
            t("Тіркелу", "Зарегистрироваться", "Sign up"),
            text=t(
                "Тіркеліп, өзіңізге жақын бағытты таңдаңыз және өз өңіріңіздегі іс-шараға жазылыңыз.",
                "Зарегистрируйтесь, выберите близкое вам направление и запишитесь на мероприятие в своём "
                "регионе.",
                "Sign up, choose the direction closest to you and join an event in your region.",
            ),
            url="account_signup",
        ),
        _cta(
            t(
                "«Біргеміз» ұлттық жобалары",
                "Национальные проекты «Біргеміз»",
                "The Birgemiz national projects",
            ),
            t("Жобаларды қарау", "Смотреть проекты", "See the projects"),
            text=t(
                "Сегіз бағыт: білім, денсаулық, тәлімгерлік, табиғат, мұра, қарттарға қамқорлық, "
                "іздеу-құтқару "
                "және жануарлар.",
                "Восемь направлений: образование, здоровье, наставничество, природа, наследие, забота о "
                "пожилых, "
                "поиск и спасение, животные.",
                "Eight fields: education, health, mentoring, nature, heritage, care for older people, search "
                "and "
                "rescue, and animals.",
            ),
            page="projects",
        ),
    ]


def _page_specs() -> list[PageSpec]:
    """Parents come before their children: a translation is made under its parent's translation."""
    items = dict(Direction.objects.filter(is_birgemiz=True).values_list("slug", "roadmap_item"))
    today = timezone.localdate()
    specs = [
        PageSpec(
            "projects",
            ProjectIndexPage,
            "home",
            "birgemiz",
            {
                "title": t(
                    "«Біргеміз» ұлттық жобалары",
                    "Национальные проекты «Біргеміз»",
                    "The Birgemiz national projects",
                ),
                "intro": t(
                    "<p>«Біргеміз» — волонтерлікті дамыту жол картасы бойынша іске асырылатын сегіз ұлттық "
                    "жоба. "
                    "Әр жобаның өз бағыты бар: білім беру мен денсаулық сақтаудан бастап табиғат пен тарихи "
                    "мұраны қорғауға және жануарларға қамқорлық жасауға дейін. Өзіңізге жақын бағытты "
                    "таңдап, "
                    "жақын маңдағы іс-шараға жазылыңыз.</p>",
                    "<p>«Біргеміз» — восемь национальных проектов, которые реализуются по Дорожной карте "
                    "развития волонтёрства. У каждого своё направление: от образования и здравоохранения до "
                    "защиты природы и исторического наследия и заботы о животных. Выберите близкое вам "
                    "направление и запишитесь на мероприятие рядом с вами.</p>",
                    "<p>Birgemiz is eight national projects carried out under the Roadmap for the "
                    "development of "
                    "volunteering. Each has its own field, from education and health care to protecting "
                    "nature "
                    "and heritage and caring for animals. Choose the one closest to you and sign up for an "
                    "event "
                    "near you.</p>",
                ),
            },
        )
    ]
    for project in PROJECTS:
        specs.append(
            PageSpec(
                f"project-{project.direction}",
                ProjectPage,
                "projects",
                project.direction,
                {
                    "title": project.title,
                    "direction": Ref("direction", project.direction),
                    "goal": project.goal,
                    "volunteers_do": project.volunteers_do,
                    "partners": [("partner", {"name": name, "url": ""}) for name in project.partners],
                    "stories": [("story", {**project.story, "image": None, "alt": ""})],
                    "body": [
                        _paragraph(project.more),
                        _heading(JOIN_HEADING),
                        _paragraph(_join(items[project.direction])),
                    ],
                    **_image(project.direction),
                },
            )
        )
    specs.append(
        PageSpec(
            "news",
            NewsIndexPage,
            "home",
            "news",
            {
                "title": t("Жаңалықтар", "Новости", "News"),
                "intro": t(
                    "<p>Платформа, «Біргеміз» жобалары және өңірлердегі волонтерлер туралы жаңалықтар.</p>",
                    "<p>Новости платформы, проектов «Біргеміз» и волонтёров регионов.</p>",
                    "<p>News of the platform, the Birgemiz projects and volunteers in the regions.</p>",
                ),
            },
        )
    )
    for item in NEWS:
        specs.append(
            PageSpec(
                f"news-{item.slug}",
                NewsPage,
                "news",
                item.slug,
                {
                    "title": item.title,
                    "date": today - dt.timedelta(days=item.days_ago),
                    "summary": item.summary,
                    "body": item.body,
                    **_image(item.image),
                },
                tags=item.tags,
            )
        )
    specs.append(
        PageSpec(
            "practices",
            BestPracticeIndexPage,
            "home",
            "best-practices",
            {
                "title": t("Үздік тәжірибелер", "Лучшие практики", "Best practices"),
                "intro": t(
                    "<p>Өңірлерден жиналған волонтерлік тәжірибелер (жол картасының 47-тармағы): не істелді, "
                    "неліктен нәтиже берді және оны қалай қайталауға болады. Өңір мен бағыт бойынша "
                    "таңдаңыз.</p>",
                    "<p>Волонтёрские практики, собранные в регионах (пункт 47 Дорожной карты): что сделали, "
                    "почему это сработало и как это повторить. Выбирайте по региону и направлению.</p>",
                    "<p>Volunteering practices collected from the regions (item 47 of the Roadmap): what was "
                    "done, why it worked and how to repeat it. Filter them by region and direction.</p>",
                ),
            },
        )
    )
    for practice in PRACTICES:
        specs.append(
            PageSpec(
                f"practice-{practice.slug}",
                BestPracticePage,
                "practices",
                practice.slug,
                {
                    "title": practice.title,
                    "region": Ref("region", practice.region),
                    "direction": Ref("direction", practice.direction),
                    "organisation": practice.organisation,
                    "summary": practice.summary,
                    "body": practice.body,
                    **_image(practice.image),
                },
            )
        )
    specs += [
        PageSpec(
            "days",
            DaysOfActionPage,
            "home",
            "days-of-action",
            {
                "title": t("Бірыңғай іс-қимыл күндері", "Единые дни действий", "Days of action"),
                "intro": t(
                    "<p>Жыл сайын бүкіл елде бір мезгілде өтетін акциялар: «Өмірді сақта» донорлық "
                    "акциясынан "
                    "бастап 5 желтоқсандағы Халықаралық волонтерлер күніне дейін. Әр акцияның іс-шаралары "
                    "платформада жарияланады: өз өңіріңіздегісін таңдап, жазылыңыз.</p>",
                    "<p>Акции, которые каждый год проходят одновременно по всей стране: от донорской акции "
                    "«Спаси "
                    "жизнь» до Международного дня волонтёра 5 декабря. Мероприятия каждой акции публикуются "
                    "на "
                    "платформе: выберите своё в вашем регионе и запишитесь.</p>",
                    "<p>Campaigns held across the whole country at the same time every year, from the “Save "
                    "a "
                    "life” blood donation to International Volunteer Day on 5 December. Each campaign's "
                    "events "
                    "are published on the platform: choose one in your region and sign up.</p>",
                ),
                "body": [
                    _paragraph(
                        t(
                            "<p>Бірыңғай іс-қимыл күндері волонтерлік қызметті дамыту жол картасының "
                            "41-тармағында бекітілген. Ұйымыңыздың іс-шарасын акцияға қосу үшін оны "
                            "жариялағанда "
                            "тиісті іс-қимыл күнін таңдаңыз.</p>",
                            "<p>Единые дни действий закреплены в пункте 41 Дорожной карты по развитию "
                            "волонтёрской деятельности. Чтобы включить мероприятие своей организации в "
                            "акцию, "
                            "выберите соответствующий день действий при его публикации.</p>",
                            "<p>The days of action are set by item 41 of the Roadmap for the development of "
                            "volunteering. To make your organisation's event part of a campaign, choose its "
                            "day "
                            "of action when you publish it.</p>",
                        )
                    ),
                    _cta(
                        t("Жақын іс-шаралар", "Ближайшие мероприятия", "Upcoming events"),
                        t("Іс-шараларды қарау", "Смотреть мероприятия", "See the events"),
                        url="events:list",
                    ),
                ],
            },
        ),
        PageSpec(
            "faq",
            FaqPage,
            "home",
            "faq",
            {
                "title": t("Жиі қойылатын сұрақтар", "Частые вопросы", "Frequently asked questions"),
                "intro": t(
                    "<p>Платформада волонтер болу туралы ең жиі қойылатын сұрақтарға жауаптар. Жауап "
                    "таппасаңыз, "
                    "бізге жазыңыз.</p>",
                    "<p>Ответы на самые частые вопросы о волонтёрстве на платформе. Не нашли ответа — "
                    "напишите "
                    "нам.</p>",
                    "<p>Answers to the questions most often asked about volunteering on the platform. If "
                    "yours is "
                    "not here, write to us.</p>",
                ),
                "body": [
                    (
                        "accordion",
                        {
                            "title": "",
                            "items": [{"title": question, "body": answer} for question, answer in FAQ_ITEMS],
                        },
                    )
                ],
            },
        ),
        PageSpec(
            "contact",
            ContactPage,
            "home",
            "contact",
            {
                "title": t("Байланыс", "Контакты", "Contact"),
                "intro": t(
                    "<p>Платформа туралы сұрақтарыңыз болса, республикалық волонтерлер фронт-офисіне жазыңыз "
                    "немесе қоңырау шалыңыз. Өз өңіріңіздегі іс-шаралар туралы облыстың фронт-офисі айтып "
                    "береді.</p>",
                    "<p>С вопросами о платформе пишите или звоните в республиканский фронт-офис волонтёров. "
                    "О "
                    "мероприятиях в вашем регионе расскажет фронт-офис области.</p>",
                    "<p>For questions about the platform, write to or call the republican volunteer front "
                    "office. Your region's front office can tell you about events where you live.</p>",
                ),
                "body": [
                    _heading(t("Ұйымдарға", "Организациям", "For organisations")),
                    _paragraph(
                        t(
                            "<p>Іс-шараларыңызды платформада жариялағыңыз келсе, ұйымыңыздың атауын, өңірін "
                            "және үйлестірушінің электрондық поштасын жіберіңіз. Ұйым тексерілгеннен кейін "
                            "үйлестіруші іс-шараларды жариялап, волонтерлердің келгенін белгілей алады.</p>",
                            "<p>Если вы хотите публиковать мероприятия на платформе, пришлите название "
                            "организации, регион и e-mail координатора. После проверки организации "
                            "координатор "
                            "сможет публиковать мероприятия и отмечать прибытие волонтёров.</p>",
                            "<p>If you would like to publish events on the platform, send us your "
                            "organisation's "
                            "name, region and the coordinator's e-mail address. Once the organisation is "
                            "verified, the coordinator can publish events and check volunteers in.</p>",
                        )
                    ),
                ],
            },
        ),
        PageSpec(
            "about",
            StandardPage,
            "home",
            "about",
            {
                "title": t("Платформа туралы", "О платформе", "About the platform"),
                "intro": t(
                    "«Біргеміз» — Қазақстан волонтерлерінің ұлттық платформасы. Ол волонтерлерді, "
                    "үйлестірушілерді және волонтерлік ұйымдарды бір жерге жинайды.",
                    "«Біргеміз» — национальная платформа волонтёров Казахстана. Она собирает в одном месте "
                    "волонтёров, координаторов и волонтёрские организации.",
                    "Birgemiz is Kazakhstan's national volunteering platform. It brings volunteers, "
                    "coordinators "
                    "and volunteer organisations together in one place.",
                ),
                "body": [
                    _heading(
                        t("Платформа не үшін жасалды", "Зачем нужна платформа", "Why the platform exists")
                    ),
                    _paragraph(
                        t(
                            "<p>Платформа волонтерлік қызметті дамытудың 2021–2023 жылдарға арналған жол "
                            "картасы негізінде жасалды. Ол жол картасының басты міндеттерін бір жерге "
                            "жинайды: "
                            "волонтерлерге арналған бірыңғай оқыту бағдарламасы, республикалық және өңірлік "
                            "фронт-офистер, «Волонтер жолы» ынталандыру кезеңдері, «Біргеміз» ұлттық "
                            "жобалары "
                            "және бірыңғай іс-қимыл күндері.</p>",
                            "<p>Платформа создана на основе Дорожной карты по развитию волонтёрской "
                            "деятельности на 2021–2023 годы. Она собирает в одном месте её главные задачи: "
                            "единую программу обучения волонтёров, республиканский и региональные "
                            "фронт-офисы, "
                            "этапы поощрения «Путь волонтёра», национальные проекты «Біргеміз» и единые дни "
                            "действий.</p>",
                            "<p>The platform was built on the Roadmap for the development of volunteering in "
                            "Kazakhstan 2021–2023. It brings the Roadmap's main tasks together in one place: "
                            "a "
                            "unified training programme for volunteers, the republican and regional front "
                            "offices, the incentive stages of the Volunteer's Path, the Birgemiz national "
                            "projects and the days of action.</p>",
                        )
                    ),
                    _heading(t("Кімге арналған", "Для кого", "Who it is for")),
                    _paragraph(
                        t(
                            "<ul><li><b>Волонтерлерге</b> — 14 жастағы оқушылардан 50 жастан асқан күміс "
                            "волонтерлерге дейін: іс-шара табу, оқу, сағаттарды есепке алу.</li><li><b>"
                            "Үйлестірушілерге</b> — фронт-офистер, үкіметтік емес ұйымдар, мектептер мен "
                            "университеттер, компаниялар: іс-шаралар мен ауысымдарды жариялау, "
                            "волонтерлердің "
                            "келгенін белгілеу, сағаттарды растау.</li><li><b>Редакторларға</b> — сайтты үш "
                            "тілде жүргізу: жобалар, жаңалықтар, үздік "
                            "тәжірибелер.</li><li><b>Сарапшыларға</b> "
                            "— өңірлер мен бағыттар бойынша волонтерлер саны, сағаттар және олардың "
                            "экономикалық құны.</li></ul>",
                            "<ul><li><b>Волонтёрам</b> — от 14-летних школьников до серебряных волонтёров "
                            "старше 50: найти мероприятие, учиться, вести учёт "
                            "часов.</li><li><b>Координаторам"
                            "</b> — фронт-офисам, НКО, школам и университетам, компаниям: публиковать "
                            "мероприятия и смены, отмечать прибытие волонтёров, подтверждать "
                            "часы.</li><li><b>"
                            "Редакторам</b> — вести сайт на трёх языках: проекты, новости, лучшие практики."
                            "</li><li><b>Аналитикам</b> — число волонтёров, часы и их экономический вклад по "
                            "регионам и направлениям.</li></ul>",
                            "<ul><li><b>Volunteers</b>, from 14-year-old pupils to silver volunteers over "
                            "50: "
                            "find events, learn, keep track of hours.</li><li><b>Coordinators</b> of front "
                            "offices, NGOs, schools, universities and companies: publish events and shifts, "
                            "check volunteers in, verify hours.</li><li><b>Editors</b>: keep the site in "
                            "three "
                            "languages: projects, news, best practices.</li><li><b>Analysts</b>: the number "
                            "of "
                            "volunteers, their hours and the economic value of those hours by region and "
                            "direction.</li></ul>",
                        )
                    ),
                    _cta(
                        t("Бізге қосылыңыз", "Присоединяйтесь", "Join us"),
                        t("Тіркелу", "Зарегистрироваться", "Sign up"),
                        text=t(
                            "Тіркелу бірнеше минут алады, ал алғашқы іс-шараңыз іргеңізде болуы мүмкін.",
                            "Регистрация займёт несколько минут, а ваше первое мероприятие может оказаться "
                            "совсем рядом.",
                            "Signing up takes a few minutes, and your first event may be just around the "
                            "corner.",
                        ),
                        url="account_signup",
                    ),
                ],
                **_image("platform"),
            },
        ),
    ]
    return specs


SITE_CONTACTS = {
    "email": "info@demo.birgemiz.kz",
    "phone": "+7 7172 00 00 00",
    "address": t(
        "Астана қ., Есіл ауданы, Республикалық волонтерлер фронт-офисі",
        "г. Астана, район Есиль, Республиканский фронт-офис волонтёров",
        "Republican volunteer front office, Yesil district, Astana",
    ),
    "hours": t(
        "Дүйсенбі–жұма, 09:00–18:00 (Астана уақытымен)",
        "Понедельник–пятница, 09:00–18:00 (по времени Астаны)",
        "Monday to Friday, 9:00–18:00 (Astana time)",
    ),
    "social_links": [
        ("link", {"network": "instagram", "url": "https://www.instagram.com/birgemiz.demo/"}),
        ("link", {"network": "telegram", "url": "https://t.me/birgemiz_demo"}),
        ("link", {"network": "facebook", "url": "https://www.facebook.com/birgemiz.demo"}),
        ("link", {"network": "youtube", "url": "https://www.youtube.com/@birgemiz.demo"}),
    ],
}
MAIN_MENU = ["projects", "news", "practices", "days", "faq", "contact"]
FOOTER_LINKS = ["about", "contact", "faq"]
FOOTER_TEXT = t(
    "«Біргеміз» — Қазақстан волонтерлерінің ұлттық платформасы. Волонтерлік қызметті дамытудың 2021–2023 "
    "жылдарға арналған жол картасы негізінде жасалған.",
    "«Біргеміз» — национальная платформа волонтёров Казахстана. Создана на основе Дорожной карты по "
    "развитию волонтёрской деятельности на 2021–2023 годы.",
    "Birgemiz is Kazakhstan's national volunteering platform, built on the Roadmap for the development of "
    "volunteering 2021–2023.",
)


class _Builder:
    """Writes the specs in each language and remembers the Kazakh page made for each key."""

    def __init__(self, *, locales: dict[str, Locale], home: HomePage, images: dict):
        self.locales = locales
        self.images = images
        self.pages: dict[str, Page] = {"home": home}
        self.counts = {"pages": 0, "translations": 0}
        self._directions = {direction.slug: direction for direction in Direction.objects.all()}
        self._regions = {region.iso_code: region for region in Region.objects.all()}

    def page_in(self, key: str, language: str) -> Page:
        page = self.pages[key]
        return page if language == settings.LANGUAGE_CODE else page.get_translation(self.locales[language])

    def resolve(self, value, language: str, *, raw: bool = False):
        """The value in one language; with `raw`, as a StreamField's JSON wants it (ids for objects)."""
        if isinstance(value, Ref):
            if value.kind == "url":
                with translation.override(language):
                    return reverse(value.key)
            found = {
                "page": lambda key: self.page_in(key, language),
                "image": self.images.get,
                "direction": self._directions.get,
                "region": self._regions.get,
            }[value.kind](value.key)
            return found.pk if raw else found
        if isinstance(value, dict):
            if set(value) == set(LANGUAGES):
                return self.resolve(value[language], language, raw=raw)
            return {name: self.resolve(item, language, raw=raw) for name, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve(item, language, raw=raw) for item in value]
        return value

    def stream(self, blocks: list, language: str) -> list[dict]:
        """Blocks given as (type, value) or (type, value, id): an id given is kept, the same in every language
        (a quiz's answers are keyed by its ids)."""
        return [
            {
                "type": kind,
                "value": self.resolve(value, language, raw=True),
                **({"id": ids[0]} if ids else {}),
            }
            for kind, value, *ids in blocks
        ]

    def fields(self, spec: PageSpec, language: str) -> dict:
        values = {}
        for name, value in spec.fields.items():
            if isinstance(spec.model._meta.get_field(name), StreamField):
                values[name] = self.stream(value, language)
            else:
                values[name] = self.resolve(value, language)
        return values

    def source_ensure(self, spec: PageSpec) -> Page:
        parent = self.pages[spec.parent]
        pages = spec.model.objects.child_of(parent)
        if spec.model is ProjectPage:
            pages = pages.filter(direction__slug=spec.slug)
        elif getattr(spec.model, "max_count_per_parent", None) != 1:
            pages = pages.filter(slug=spec.slug)
        page = pages.order_by("path").first()
        if page is None:
            language = settings.LANGUAGE_CODE
            page = spec.model(slug=spec.slug, locale=self.locales[language], **self.fields(spec, language))
            if spec.tags:
                page.tags.set(spec.tags[language])
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.counts["pages"] += 1
        self.pages[spec.key] = page
        return page

    def translations_ensure(self, spec: PageSpec, source: Page) -> None:
        for language, locale in self.locales.items():
            if language == settings.LANGUAGE_CODE:
                continue
            existing = source.get_translation_or_none(locale)
            if existing is not None and existing.alias_of_id is None:
                continue  # a real translation: an editor's work, left alone
            if existing is None:
                page = source.copy_for_translation(locale)
            else:
                # The locale synchronisation made an alias before this ran: it becomes the translation.
                page = existing.specific
                page.alias_of = None
                page.save(update_fields=["alias_of"], clean=False)
            for name, value in self.fields(spec, language).items():
                setattr(page, name, value)
            if spec.tags:
                page.tags.set(spec.tags[language])
            page.save_revision().publish()
            self.counts["translations"] += 1


def _locale_synchronisation_ensure(locales: dict[str, Locale]) -> int:
    """New Kazakh pages get aliases in the other languages (wagtail-localize's "sync from")."""
    source = locales[settings.LANGUAGE_CODE]
    created = 0
    for language, locale in locales.items():
        if language != settings.LANGUAGE_CODE:
            created += LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )[1]
    return created


def _home_fill(builder: _Builder) -> int:
    """Figures and calls to action after the opening text of each home page whose body is still as the seed
    wrote it (text only); a body an editor has built with other blocks is left alone."""
    figures = {
        "projects": str(Direction.objects.filter(is_birgemiz=True).count()),
        "regions": str(Region.objects.count()),
        "days": str(len(DAYS_OF_ACTION)),
    }
    filled = 0
    for language in builder.locales:
        home = builder.page_in("home", language).specific
        if {block.block_type for block in home.body} - {"paragraph"}:
            continue
        opening = list(home.body.raw_data)
        if home.body.raw_text:  # a body saved as plain HTML before it was a StreamField
            opening = [{"type": "paragraph", "value": home.body.raw_text}]
        home.body = opening + builder.stream(_home_body(figures), language)
        if home.image_id is None:
            home.image = builder.images["platform"]
            home.image_alt = IMAGE_ALTS["platform"][language]
        home.save_revision().publish()
        filled += 1
    return filled


def _site_settings_ensure(builder: _Builder, site: Site) -> int:
    """Contacts, menus and footer, each only where an editor has not set it."""
    filled = 0
    contacts = SiteSettings.for_site(site)
    for name, value in SITE_CONTACTS.items():
        if not getattr(contacts, name):
            setattr(contacts, name, builder.stream(value, "kk") if name == "social_links" else value)
            filled += 1
    if filled:
        contacts.save()
    filled_contacts = filled
    navigation = Navigation.for_site(site)
    menus = {"main_menu": MAIN_MENU, "footer_links": FOOTER_LINKS}
    for name, keys in menus.items():
        if not len(getattr(navigation, name)):
            # Kazakh pages: the menu shows each one's translation in the visitor's language.
            setattr(
                navigation, name, [{"type": "page", "value": {"page": builder.pages[key].pk}} for key in keys]
            )
            filled += 1
    if not navigation.footer_text:
        navigation.footer_text = FOOTER_TEXT
        filled += 1
    if filled > filled_contacts:
        navigation.save()
    return filled


@transaction.atomic
def demo_site_ensure() -> dict[str, int]:
    """The demo pages in Kazakh, Russian and English, their illustrations, the contacts and the menus.
    Returns what this run made; a second run makes nothing."""
    home = home_pages_ensure()
    locales = {code: Locale.objects.get(language_code=code) for code, _name in settings.LANGUAGES}
    synchronised = _locale_synchronisation_ensure(locales)
    images, images_created = {}, 0
    for key in ILLUSTRATIONS:
        images[key], created = illustration_image_ensure(key)
        images_created += created
    builder = _Builder(locales=locales, home=home, images=images)
    for spec in _page_specs():
        source = builder.source_ensure(spec)
        builder.translations_ensure(spec, source)
    return {
        "locale_synchronisations": synchronised,
        "images": images_created,
        **builder.counts,
        "home_pages": _home_fill(builder),
        "settings": _site_settings_ensure(builder, Site.objects.get(is_default_site=True)),
    }
