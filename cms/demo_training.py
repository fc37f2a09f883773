"""The demo's training programme: four real courses written in Kazakh (the source) and translated into Russian
and English, made by `manage.py seed` after the demo site and, like it, only where missing.

A lesson's blocks get ids derived from a readable name ("introduction/ethics-and-personal-data/quiz/q1/a"),
the same in the three languages: quiz attempts and progress are keyed by the quiz's, questions' and choices'
ids, so an answer given in Russian scores the same as one given in Kazakh.
"""

import uuid
from dataclasses import dataclass, field
from string import ascii_lowercase

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.demo import MAIN_MENU, PageSpec, Ref, _Builder, _heading, _page_specs, _paragraph, t
from cms.models import Navigation
from cms.services import home_pages_ensure
from training.blocks import QuestionKind
from training.models import CoursePage, LessonPage, Level, ProgrammeIndexPage, Qualification

# Fixed for good: the ids of the demo's blocks must not change between runs or databases.
BLOCK_NAMESPACE = uuid.UUID("3b0e7f0e-5d4a-4c8e-9a57-6f2b1c0d9e41")


def block_id(name: str) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, name))


@dataclass
class Question:
    text: dict
    choices: list  # [(text, right?)]; more than one right answer makes it a several-answers question
    explanation: dict


@dataclass
class Quiz:
    title: dict
    questions: list[Question]


@dataclass
class Lesson:
    slug: str
    title: dict
    minutes: int
    body: list  # (type, value) blocks; a quiz as ("quiz", Quiz)


@dataclass
class Course:
    key: str
    slug: str
    title: dict
    summary: dict
    outcomes: dict
    minutes: int
    lessons: list[Lesson]
    level: str = Level.STARTER
    direction: str | None = None  # a Direction's slug; None: every direction
    minors_allowed: bool = True
    qualification: str = Qualification.NONE
    validity_months: int = 0
    prerequisites: list[str] = field(default_factory=list)  # keys of courses made before this one


def _right(kk: str, ru: str, en: str) -> tuple:
    return (t(kk, ru, en), True)


def _wrong(kk: str, ru: str, en: str) -> tuple:
    return (t(kk, ru, en), False)


def _callout(tone: str, title: dict, text: dict) -> tuple:
    return ("callout", {"tone": tone, "title": title, "text": text})


CHECK_YOURSELF = t("Өзіңізді тексеріңіз", "Проверьте себя", "Check yourself")

INDEX_TITLE = t("Оқыту бағдарламасы", "Программа обучения", "Training programme")
INDEX_INTRO = t(
    "<p>Бірыңғай оқыту бағдарламасы барлық бағыттағы волонтерлерді дайындайды: алғашқы іс-шараға дейін не "
    "білу керек, балалармен қалай қауіпсіз жұмыс істеу керек, төтенше жағдайда үйлестіруші не істейді. Әр "
    "курс бірнеше қысқа сабақтан және өзіңізді тексеретін тесттен тұрады. Курсты аяқтағанда тексеру коды бар "
    "сертификат беріледі.</p><p>«Волонтерлікке кіріспе» курсынан бастаңыз: ол барлық бағытқа ортақ. Кейбір "
    "іс-шаралар мен тәлімгерлік белгілі бір курстың жарамды сертификатын талап етеді — бұл іс-шараның "
    "бетінде жазылады.</p>",
    "<p>Единая программа обучения готовит волонтёров всех направлений: что нужно знать до первого "
    "мероприятия, как безопасно работать с детьми, что делает координатор в чрезвычайной ситуации. Каждый "
    "курс — это несколько коротких уроков и тест для самопроверки. По окончании курса выдаётся сертификат с "
    "кодом проверки.</p><p>Начните с курса «Введение в волонтёрство»: он общий для всех направлений. "
    "Некоторые мероприятия и наставничество требуют действующего сертификата определённого курса — это "
    "указано на странице мероприятия.</p>",
    "<p>The unified training programme prepares volunteers in every direction: what to know before your "
    "first event, how to work safely with children, what a coordinator does in an emergency. Each course is "
    "a few short lessons and a quiz to check yourself. When you finish a course you receive a certificate "
    "with a verification code.</p><p>Start with “Introduction to volunteering”: it is common to every "
    "direction. Some events, and mentoring, require a valid certificate of a particular course; the event's "
    "page says so.</p>",
)

INTRODUCTION = Course(
    key="introduction",
    slug="introduction",
    title=t("Волонтерлікке кіріспе", "Введение в волонтёрство", "Introduction to volunteering"),
    summary=t(
        "Қазақстан заңы бойынша волонтерлік дегеніміз не, сіздің және ұйымдастырушының құқықтары мен "
        "міндеттері, іс-шарада қалай қауіпсіз болу керек және көмектесу әдебі: адамның қадір-қасиеті мен "
        "оның дербес деректерін құрметтеу. Әрбір жаңа волонтерге арналған.",
        "Что такое волонтёрство по закону Казахстана, ваши права и обязанности и обязанности организатора, "
        "как не подвергать себя опасности на мероприятии и этика помощи: уважение к достоинству человека и к "
        "его персональным данным. Для каждого нового волонтёра.",
        "What volunteering is under Kazakhstan's law, your rights and duties and the organiser's, how to "
        "stay safe at an event, and the ethics of helping: respect for people's dignity and for their "
        "personal data. For every new volunteer.",
    ),
    outcomes=t(
        "<ul><li>«Волонтерлік қызмет туралы» Заң бойынша қандай қызмет волонтерлік болып саналатынын "
        "түсіндіресіз;</li><li>өз құқықтарыңыз бен міндеттеріңізді және ұйымдастырушының сіз үшін не істеуге "
        "міндетті екенін білесіз;</li><li>ауысымға дайындалып, қауіпсіз әрекет етесіз, қай кезде тоқтап, "
        "сұрау керегін білесіз;</li><li>көмек алатын адамдардың қадір-қасиетін, жеке өмірін және дербес "
        "деректерін құрметтейсіз.</li></ul>",
        "<ul><li>объясните, какая деятельность считается волонтёрской по Закону «О волонтерской "
        "деятельности»;</li><li>назовёте свои права и обязанности и то, что организатор обязан сделать для "
        "вас;</li><li>подготовитесь к смене, будете действовать безопасно и поймёте, когда нужно "
        "остановиться и спросить;</li><li>будете уважать достоинство, частную жизнь и персональные данные "
        "людей, которым помогаете.</li></ul>",
        "<ul><li>explain what makes an activity volunteering under the Law “On volunteer "
        "activity”;</li><li>name your rights and duties, and what the organiser must do for "
        "you;</li><li>prepare for a shift, act safely and know when to stop and ask;</li><li>respect the "
        "dignity, privacy and personal data of the people you help.</li></ul>",
    ),
    minutes=60,
    lessons=[
        Lesson(
            slug="rights-and-duties",
            title=t(
                "Волонтерлік және заң: құқықтар мен міндеттер",
                "Волонтёрство и закон: права и обязанности",
                "Volunteering and the law: rights and duties",
            ),
            minutes=20,
            body=[
                _paragraph(
                    t(
                        "<p>Қазақстанда волонтерлікті Қазақстан Республикасының 2016 жылғы 30 желтоқсандағы "
                        "№ 42-VI «Волонтерлік қызмет туралы» Заңы реттейді. Заң бойынша волонтерлік қызмет — "
                        "ерікті түрде, өз қалауыңызбен, өтеусіз негізде атқарылатын, әлеуметтік бағыттағы "
                        "қоғамға пайдалы қызмет. Үш белгісін есте сақтаңыз: оны өзіңіз таңдадыңыз, одан "
                        "ұйымдастырушы емес, қоғам немесе көмекке мұқтаж адамдар пайда көреді, және сізге ол "
                        "үшін ақы төленбейді.</p><p>Сіз волонтерлікпен жеке өзіңіз де, волонтерлер тобында "
                        "немесе волонтерлік ұйым арқылы да айналыса аласыз. Осы платформадағы іс-шараларды "
                        "ұйымдастырушылар — фронт-офистер, үкіметтік емес ұйымдар, мектептер мен "
                        "университеттер.</p>",
                        "<p>В Казахстане волонтёрство регулирует Закон Республики Казахстан от 30 декабря "
                        "2016 года № 42-VI «О волонтерской деятельности». По закону волонтёрская "
                        "деятельность — добровольная, осуществляемая по свободному волеизъявлению, социально "
                        "направленная общественно полезная деятельность на безвозмездной основе. Запомните "
                        "три признака: вы выбрали её сами, пользу от неё получает общество или люди, которым "
                        "нужна помощь, а не организатор, и вам за неё не платят.</p><p>Заниматься "
                        "волонтёрством можно самостоятельно, в группе волонтёров или через волонтёрскую "
                        "организацию. Организаторы мероприятий на этой платформе — фронт-офисы, НКО, школы и "
                        "университеты.</p>",
                        "<p>In Kazakhstan volunteering is governed by the Law of the Republic of Kazakhstan "
                        "No. 42-VI of 30 December 2016 “On volunteer activity”. Under the law, volunteering "
                        "is a voluntary, freely chosen, socially useful activity for the good of society, "
                        "done without pay. Remember its three marks: you chose it yourself; society or "
                        "people in need benefit from it, not the organiser; and you are not paid for "
                        "it.</p><p>You can volunteer on your own, in a group of volunteers or through a "
                        "volunteer organisation. The organisers of events on this platform are front "
                        "offices, NGOs, schools and universities.</p>",
                    )
                ),
                _heading(t("Сіздің құқықтарыңыз", "Ваши права", "Your rights")),
                _paragraph(
                    t(
                        "<ul><li><b>Еркін таңдау.</b> Қай іс-шараға, қашан және қанша уақыт қатысатыныңызды "
                        "өзіңіз шешесіз және волонтерлікті кез келген уақытта тоқтата аласыз "
                        "(ұйымдастырушымен шарт жасасқан болсаңыз — шартта "
                        "жазылғандай).</li><li><b>Ақпарат.</b> Жұмыстың мақсаты мен мазмұны және "
                        "ұйымдастырушының кім екені туралы нақты мәлімет алуға құқығыңыз "
                        "бар.</li><li><b>Қауіпсіз жағдай.</b> Қауіптер туралы нұсқама, қажет болса қорғаныс "
                        "құралдары, демалыс пен ауыз су.</li><li><b>Шығыстарды өтеу.</b> Жол, тамақ, тұру, "
                        "арнайы киім сияқты волонтерлікпен байланысты шығыстар ұйымдастырушымен жасалған "
                        "шартта көзделсе, өтеледі. Бұл — жалақы емес, сондықтан қызметіңіз волонтерлік болып "
                        "қала береді.</li><li><b>Есепке алу.</b> Платформада расталған сағаттарыңыз волонтер "
                        "кітапшасына жазылады.</li></ul>",
                        "<ul><li><b>Свободный выбор.</b> Вы сами решаете, в каком мероприятии, когда и "
                        "сколько участвовать, и можете прекратить волонтёрскую деятельность в любой момент "
                        "(если с организатором заключён договор — в порядке, который в нём "
                        "указан).</li><li><b>Информация.</b> Вы вправе получить достоверные сведения о целях "
                        "и содержании работы и о том, кто её организатор.</li><li><b>Безопасные условия.</b> "
                        "Инструктаж о рисках, при необходимости средства защиты, отдых и питьевая "
                        "вода.</li><li><b>Возмещение расходов.</b> Расходы, связанные с волонтёрской "
                        "деятельностью, — проезд, питание, проживание, спецодежда — возмещаются, если это "
                        "предусмотрено договором с организатором. Это не оплата труда, поэтому деятельность "
                        "остаётся волонтёрской.</li><li><b>Учёт.</b> Подтверждённые на платформе часы "
                        "записываются в книжку волонтёра.</li></ul>",
                        "<ul><li><b>Free choice.</b> You decide which events to take part in, when and for "
                        "how long, and you may stop volunteering at any time (if you have signed a contract "
                        "with the organiser, as it provides).</li><li><b>Information.</b> You have the right "
                        "to reliable information about the aims and content of the work and about who the "
                        "organiser is.</li><li><b>Safe conditions.</b> A briefing on the risks, protective "
                        "equipment where it is needed, rest and drinking water.</li><li><b>Reimbursement of "
                        "expenses.</b> Expenses that come with volunteering, such as travel, meals, "
                        "accommodation or work clothing, are reimbursed when the contract with the organiser "
                        "provides for it. That is not pay, so the activity remains "
                        "volunteering.</li><li><b>A record.</b> Hours confirmed on the platform go into your "
                        "volunteer book.</li></ul>",
                    )
                ),
                _heading(t("Сіздің міндеттеріңіз", "Ваши обязанности", "Your duties")),
                _paragraph(
                    t(
                        "<p>Келіскен жұмысты адал орындаңыз, ұйымдастырушының нұсқаулары мен қауіпсіздік "
                        "ережелерін сақтаңыз. Адамдарды, олардың мүлкі мен ұйымның мүлкін құрметтеңіз. Жұмыс "
                        "барысында адамдар туралы білгеніңізді жария етпеңіз. Келе алмасаңыз, үйлестірушіге "
                        "алдын ала хабарлаңыз: платформада жазылудан бас тарту мерзімі өткенге дейін бас "
                        "тартсаңыз, орныңыз күту тізіміндегі адамға беріледі.</p>",
                        "<p>Добросовестно выполняйте работу, о которой договорились, соблюдайте указания "
                        "организатора и правила безопасности. Уважайте людей, их имущество и имущество "
                        "организации. Не разглашайте то, что узнали о людях во время работы. Если не можете "
                        "прийти, заранее предупредите координатора: если отменить запись на платформе до "
                        "крайнего срока, ваше место перейдёт человеку из листа ожидания.</p>",
                        "<p>Do the work you agreed to conscientiously, and follow the organiser's "
                        "instructions and the safety rules. Respect people, their property and the "
                        "organisation's. Do not disclose what you learn about people while you work. If you "
                        "cannot come, tell the coordinator in advance: cancel on the platform before the "
                        "deadline and your place goes to someone on the waitlist.</p>",
                    )
                ),
                _heading(
                    t(
                        "Ұйымдастырушы не істеуге міндетті",
                        "Что обязан сделать организатор",
                        "What the organiser must do",
                    )
                ),
                _paragraph(
                    t(
                        "<p>Тапсырманы және оның шарттарын түсіндіру, қауіпсіздік бойынша нұсқама беру, "
                        "қауіпсіз жағдай мен қажетті жабдықты қамтамасыз ету, шартта келісілген шығыстарды "
                        "өтеу, қатысуыңызды есепке алу (бұл платформада — сағаттарыңызды растау). "
                        "Ұйымдастырушы 18 жасқа толмаған волонтерлерді оларға заң тыйым салған жұмыстарға "
                        "тартпауы керек.</p>",
                        "<p>Объяснить задачу и условия, провести инструктаж по безопасности, обеспечить "
                        "безопасные условия и нужное снаряжение, возместить расходы, оговорённые в договоре, "
                        "учесть ваше участие (на этой платформе — подтвердить ваши часы). Организатор не "
                        "вправе привлекать волонтёров младше 18 лет к работам, которые закон им "
                        "запрещает.</p>",
                        "<p>Explain the task and its conditions, give a safety briefing, provide safe "
                        "conditions and the equipment needed, reimburse the expenses agreed in the contract "
                        "and record your participation (on this platform, by confirming your hours). The "
                        "organiser may not involve volunteers under 18 in work the law forbids them.</p>",
                    )
                ),
                _callout(
                    "important",
                    t("Жас шектеулері", "Возрастные ограничения", "Age limits"),
                    t(
                        "<p>Заң бойынша 18 жасқа толмағандар волонтерлікпен денсаулығы мен адамгершілік "
                        "дамуына зиян келтірмей, оқуына кедергі жасамай айналыса алады; 14 жасқа толмағандар "
                        "— ата-анасының (заңды өкілдерінің) жазбаша келісімімен немесе солардың қасында "
                        "ғана. Кәмелетке толмағандар төтенше жағдайлардың зардаптарын жоюға, сотталған "
                        "адамдарға көмек көрсетуге, ауыр, зиянды және қауіпті жұмыстарға тартылмайды. Бұл "
                        "платформада 16 жасқа толмаған волонтер іс-шараларға ата-анасы келісімін растағаннан "
                        "кейін жазылады.</p>",
                        "<p>По закону лица младше 18 лет могут заниматься волонтёрством, если это не вредит "
                        "их здоровью и нравственному развитию и не мешает учёбе; младше 14 лет — только с "
                        "письменного согласия родителей (законных представителей) или в их сопровождении. "
                        "Несовершеннолетних не привлекают к ликвидации последствий чрезвычайных ситуаций, "
                        "помощи лицам с судимостью, тяжёлым, вредным и опасным работам. На этой платформе "
                        "волонтёр младше 16 лет записывается на мероприятия после того, как родитель "
                        "подтвердит согласие.</p>",
                        "<p>Under the law, people under 18 may volunteer as long as it does not harm their "
                        "health or moral development and does not get in the way of their studies; under 14, "
                        "only with the written consent of their parents (legal representatives) or "
                        "accompanied by them. Minors are not involved in emergency response, in helping "
                        "people with a criminal record, or in heavy, harmful or dangerous work. On this "
                        "platform a volunteer under 16 signs up for events once a parent has confirmed their "
                        "consent.</p>",
                    ),
                ),
            ],
        ),
        Lesson(
            slug="safety",
            title=t("Қауіпсіздік бірінші орында", "Безопасность прежде всего", "Safety first"),
            minutes=15,
            body=[
                _paragraph(
                    t(
                        "<p>Жарақат алған волонтер ешкімге көмектесе алмайды, керісінше, көмекке мұқтаж тағы "
                        "бір адамға айналады. Сондықтан қауіпсіздік ауысым басталмай тұрып басталады.</p>",
                        "<p>Волонтёр, который получил травму, никому не поможет — наоборот, он становится "
                        "ещё одним человеком, которому нужна помощь. Поэтому безопасность начинается ещё до "
                        "смены.</p>",
                        "<p>A volunteer who gets hurt cannot help anyone; on the contrary, they become one "
                        "more person who needs help. That is why safety starts before the shift does.</p>",
                    )
                ),
                _heading(t("Ауысымға дейін", "До смены", "Before the shift")),
                _paragraph(
                    t(
                        "<ul><li>Іс-шараның бетін мұқият оқыңыз: орны, уақыты, өзіңізбен не алу керек, "
                        "қандай талаптар бар.</li><li>Ауа райын біліп, соған сай киініңіз: ыңғайлы, табаны "
                        "жабық аяқ киім, жазда бас киім, қыста жылы киім.</li><li>Су, зарядталған телефон, "
                        "жеке куәлік және өзіңізге қажет дәрі-дәрмекті алыңыз.</li><li>Үйлестірушінің "
                        "телефон нөмірін сақтап қойыңыз.</li><li>Жақындарыңызға қайда баратыныңызды және "
                        "қашан оралатыныңызды айтыңыз.</li><li>Өзіңізді нашар сезінсеңіз, жазылудан бас "
                        "тартыңыз — бұл жауапты шешім.</li></ul>",
                        "<ul><li>Внимательно прочитайте страницу мероприятия: место, время, что взять с "
                        "собой, какие требования.</li><li>Узнайте прогноз погоды и оденьтесь по ней: удобная "
                        "закрытая обувь, летом головной убор, зимой тёплые слои одежды.</li><li>Возьмите "
                        "воду, заряженный телефон, удостоверение личности и нужные вам "
                        "лекарства.</li><li>Сохраните номер координатора.</li><li>Скажите близким, куда "
                        "идёте и когда вернётесь.</li><li>Если плохо себя чувствуете, отмените запись — это "
                        "ответственное решение.</li></ul>",
                        "<ul><li>Read the event's page carefully: the place, the time, what to bring, the "
                        "requirements.</li><li>Check the weather and dress for it: comfortable closed shoes, "
                        "a hat in summer, warm layers in winter.</li><li>Bring water, a charged phone, your "
                        "identity card and any medicine you need.</li><li>Save the coordinator's phone "
                        "number.</li><li>Tell someone close to you where you are going and when you will be "
                        "back.</li><li>If you feel unwell, cancel: that is a responsible decision.</li></ul>",
                    )
                ),
                _heading(t("Іс-шарада", "На мероприятии", "At the event")),
                _paragraph(
                    t(
                        "<p>Уақытында келіп, үйлестірушіге келгеніңізді белгілетіңіз және нұсқаманы мұқият "
                        "тыңдаңыз: сіздің тапсырмаңыз, жұмыс аумағының шекарасы, алғашқы көмек қобдишасы мен "
                        "шығатын жерлер қайда, кім басшылық етеді, көмекті қалай шақыру керек. Бір-біріңізді "
                        "көретіндей жұппен немесе топпен жұмыс істеңіз. Берілген қолғап пен жабдықты "
                        "пайдаланыңыз. Ауыр затты аяғыңыздың күшімен және басқа адаммен бірге көтеріңіз. "
                        "Үзіліс жасап, су ішіп тұрыңыз.</p>",
                        "<p>Приходите вовремя, отметьтесь у координатора и внимательно выслушайте "
                        "инструктаж: ваша задача, границы рабочей зоны, где аптечка и выходы, кто руководит, "
                        "как позвать на помощь. Работайте в паре или в группе так, чтобы видеть друг друга. "
                        "Пользуйтесь выданными перчатками и снаряжением. Тяжёлое поднимайте за счёт ног и "
                        "вдвоём. Делайте перерывы и пейте воду.</p>",
                        "<p>Arrive on time, have the coordinator check you in and listen carefully to the "
                        "briefing: your task, the limits of the work area, where the first-aid kit and the "
                        "exits are, who is in charge, how to call for help. Work in pairs or groups where "
                        "you can see one another. Use the gloves and equipment you are given. Lift heavy "
                        "things with your legs and with someone else. Take breaks and drink water.</p>",
                    )
                ),
                _callout(
                    "safety",
                    t("Тоқтап, сұраңыз", "Остановитесь и спросите", "Stop and ask"),
                    t(
                        "<p>Қауіпті болып көрінетін немесе нұсқама берілмеген тапсырмадан бас тартуға "
                        "құқығыңыз бар және солай істеуіңіз керек: биіктікте, су, от, электр немесе көлік "
                        "жолының жанында жұмыс істеу, химиялық заттармен жұмыс, адамды көтеру. Үйлестірушіге "
                        "айтыңыз — бұл үшін ешкім сізді кінәламайды. Төтенше жағдайда 112 нөміріне "
                        "қоңырау шалыңыз.</p>",
                        "<p>Вы вправе — и должны — отказаться от задачи, которая кажется опасной или к "
                        "которой вас не проинструктировали: работа на высоте, у воды, огня, электричества "
                        "или проезжей части, работа с химикатами, подъём человека. Скажите координатору — "
                        "никто не поставит вам это в вину. В экстренной ситуации звоните 112.</p>",
                        "<p>You may, and should, refuse a task that seems dangerous or that you were not "
                        "briefed for: working at height, near water, fire, electricity or traffic, handling "
                        "chemicals, lifting a person. Tell the coordinator; no one will hold it against you. "
                        "In an emergency call 112.</p>",
                    ),
                ),
                _heading(t("Бірдеңе болып қалса", "Если что-то случилось", "If something happens")),
                _paragraph(
                    t(
                        "<p>Біреу жарақат алса, алдымен өзіңізге қауіп жоқ екеніне көз жеткізіңіз, содан "
                        "кейін үйлестірушіні шақырып, 103 (жедел жәрдем) немесе 112 нөміріне қоңырау "
                        "шалыңыз. Үйретілмеген нәрсені істемеңіз. Кез келген, тіпті болмашы жарақат туралы, "
                        "сондай-ақ жанжал, қорлау немесе қысым көрсету жағдайлары туралы үйлестірушіге "
                        "айтыңыз. Ауысым аяқталғанда үйлестірушіге кететініңізді айтыңыз: ол барлығының "
                        "аман-есен оралғанын білуі керек.</p>",
                        "<p>Если кто-то пострадал, сначала убедитесь, что вам ничего не угрожает, затем "
                        "позовите координатора и позвоните 103 (скорая помощь) или 112. Не делайте того, "
                        "чему вас не учили. Сообщайте координатору о любой, даже небольшой травме, а также о "
                        "конфликтах, оскорблениях или давлении. Когда смена закончится, скажите "
                        "координатору, что уходите: он должен знать, что все вернулись.</p>",
                        "<p>If someone is hurt, first make sure you are not in danger yourself, then call "
                        "the coordinator and ring 103 (ambulance) or 112. Do not do what you have not been "
                        "trained to do. Report any injury, however small, to the coordinator, and any "
                        "conflict, insult or pressure too. When the shift ends, tell the coordinator you are "
                        "leaving: they need to know that everyone is back.</p>",
                    )
                ),
            ],
        ),
        Lesson(
            slug="ethics-and-personal-data",
            title=t("Әдеп және дербес деректер", "Этика и персональные данные", "Ethics and personal data"),
            minutes=25,
            body=[
                _paragraph(
                    t(
                        "<p>Волонтерлік — адамдармен жұмыс. Сіз көмектесетін адамдар сізге көбіне өмірінің "
                        "қиын сәтінде сенім артады. Сол сенімді ақтау үшін бірнеше қағидатты ұстаныңыз.</p>"
                        "<ul><li><b>Қадір-қасиет.</b> Көмек адамды қорламауы керек. Адамның өзінен не қажет "
                        "екенін сұраңыз, ол үшін шешім қабылдамаңыз.</li><li><b>Теңдік.</b> Ұлтына, тіліне, "
                        "дініне, жасына, мүгедектігіне немесе көзқарасына қарамастан бәріне бірдей "
                        "қараңыз.</li><li><b>Бейтараптық.</b> Волонтерлік кезінде саяси немесе діни үгіт "
                        "жүргізбеңіз, жарнама таратпаңыз.</li><li><b>Ақы мен сыйлық алмау.</b> Ақша немесе "
                        "қымбат сыйлық алмаңыз; бір кесе шай — әдеттегі алғыс. Бірдеңе ұсынса, үйлестірушіге "
                        "айтыңыз.</li><li><b>Адалдық.</b> Орындай алмайтыныңызды уәде етпеңіз.</li></ul>",
                        "<p>Волонтёрство — это работа с людьми. Те, кому вы помогаете, часто доверяются вам "
                        "в трудный момент своей жизни. Чтобы оправдать это доверие, держитесь нескольких "
                        "принципов.</p><ul><li><b>Достоинство.</b> Помощь не должна унижать. Спросите "
                        "человека, что ему нужно, не решайте за него.</li><li><b>Равенство.</b> Относитесь "
                        "ко всем одинаково, независимо от национальности, языка, религии, возраста, "
                        "инвалидности или взглядов.</li><li><b>Нейтральность.</b> Во время волонтёрства не "
                        "ведите политическую или религиозную агитацию и не распространяйте "
                        "рекламу.</li><li><b>Никакой платы и подарков.</b> Не берите денег и ценных "
                        "подарков; чашка чая — обычная благодарность. Если вам что-то предлагают, скажите "
                        "координатору.</li><li><b>Честность.</b> Не обещайте того, чего не сможете "
                        "выполнить.</li></ul>",
                        "<p>Volunteering is work with people. The people you help often trust you at a hard "
                        "moment of their lives. To deserve that trust, hold to a few "
                        "principles.</p><ul><li><b>Dignity.</b> Help must not humiliate. Ask people what "
                        "they need; do not decide for them.</li><li><b>Equality.</b> Treat everyone alike, "
                        "whatever their ethnicity, language, religion, age, disability or "
                        "views.</li><li><b>Neutrality.</b> While volunteering, do not campaign for a party "
                        "or a religion, and do not hand out advertising.</li><li><b>No payment, no "
                        "gifts.</b> Do not accept money or valuable gifts; a cup of tea is ordinary thanks. "
                        "If you are offered something, tell the coordinator.</li><li><b>Honesty.</b> Do not "
                        "promise what you cannot do.</li></ul>",
                    )
                ),
                _heading(t("Дербес деректер", "Персональные данные", "Personal data")),
                _paragraph(
                    t(
                        "<p>Адамның аты-жөні, телефоны, мекенжайы, денсаулығы туралы мәліметтер, фотосуреті "
                        "— дербес деректер. Оларды Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V "
                        "«Дербес деректер және оларды қорғау туралы» Заңы қорғайды. Волонтер ретінде сіз "
                        "қатысушылар тізімін, азық-түлік себеті берілетін адамдардың мекенжайын, біреудің "
                        "ауруы немесе отбасы жағдайы туралы мәліметті көруіңіз мүмкін.</p><ul><li>Оларды тек "
                        "тапсырманы орындау үшін пайдаланыңыз.</li><li>Телефоныңызға көшірмеңіз, чаттарға "
                        "жібермеңіз, достарыңызға көрсетпеңіз.</li><li>Қағаз тізімдерді ауысымнан кейін "
                        "үйлестірушінің айтуы бойынша қайтарыңыз немесе жойыңыз.</li><li>Көмектескен "
                        "адамдарыңыз туралы оларды танып қоятындай етіп әңгімелемеңіз.</li></ul>",
                        "<p>Имя человека, его телефон, адрес, сведения о здоровье, фотография — это "
                        "персональные данные. Их защищает Закон Республики Казахстан от 21 мая 2013 года № "
                        "94-V «О персональных данных и их защите». Как волонтёр вы можете увидеть списки "
                        "участников, адреса получателей продуктовых наборов, сведения о чьей-то болезни или "
                        "семейной ситуации.</p><ul><li>Используйте их только для выполнения "
                        "задачи.</li><li>Не копируйте их в свой телефон, не пересылайте в чаты, не "
                        "показывайте друзьям.</li><li>Бумажные списки после смены верните или уничтожьте, "
                        "как скажет координатор.</li><li>Не рассказывайте о людях, которым помогали, так, "
                        "чтобы их можно было узнать.</li></ul>",
                        "<p>A person's name, phone number, address, health information and photograph are "
                        "personal data. They are protected by the Law of the Republic of Kazakhstan No. 94-V "
                        "of 21 May 2013 “On personal data and their protection”. As a volunteer you may see "
                        "lists of participants, the addresses of people receiving food parcels, information "
                        "about someone's illness or family situation.</p><ul><li>Use them only for the "
                        "task.</li><li>Do not copy them to your phone, forward them to chats or show them to "
                        "friends.</li><li>After the shift, return or destroy paper lists as the coordinator "
                        "says.</li><li>Do not talk about the people you helped in a way that lets others "
                        "recognise them.</li></ul>",
                    )
                ),
                _callout(
                    "important",
                    t("Фотосуреттер мен әлеуметтік желілер", "Фото и соцсети", "Photos and social media"),
                    t(
                        "<p>Адамды суретке түсірмес бұрын оның рұқсатын сұраңыз, ал бала болса — "
                        "ата-анасының (заңды өкілінің) рұқсатын алып, ұйымдастырушының ережесін сақтаңыз. "
                        "Ауруханадағы, қарттар үйіндегі, төтенше жағдайдағы немесе қиын жағдайға тап болған "
                        "адамдардың суретін, тіпті жақсы ниетпен болса да, жарияламаңыз. Волонтерлігіңіз "
                        "туралы көмектескен адамдардың мекенжайын, бет-бейнесі мен атын көрсетпей "
                        "жазыңыз.</p>",
                        "<p>Прежде чем фотографировать человека, спросите его разрешения, а если это ребёнок "
                        "— разрешения родителя (законного представителя), и соблюдайте правила организатора. "
                        "Не публикуйте фото людей в больницах, домах престарелых, в чрезвычайных ситуациях "
                        "или в трудном положении — даже из лучших побуждений. Рассказывайте о своём "
                        "волонтёрстве без адресов, лиц и имён тех, кому помогаете.</p>",
                        "<p>Before you photograph someone, ask their permission, and for a child the "
                        "permission of a parent (legal representative), and follow the organiser's rules. Do "
                        "not publish photos of people in hospitals, care homes, emergencies or other hard "
                        "situations, even with the best intentions. Share your volunteering without the "
                        "addresses, faces and names of the people you help.</p>",
                    ),
                ),
                _paragraph(
                    t(
                        "<p>Дұрыс емес әрекетті көрсеңіз — көмек алушыға дөрекілік, біреудің ақша алуы, "
                        "деректердің таралуы — үйлестірушіге немесе фронт-офиске хабарлаңыз. Үндемеу кінәлі "
                        "адамды қорғайды.</p>",
                        "<p>Если вы видите нарушение — грубость к тому, кому помогают, чьи-то поборы, утечку "
                        "данных, — сообщите координатору или во фронт-офис. Молчание защищает того, кто "
                        "неправ.</p>",
                        "<p>If you see misconduct, such as rudeness to someone being helped, someone taking "
                        "money or data leaking, tell the coordinator or the front office. Keeping quiet "
                        "protects the person in the wrong.</p>",
                    )
                ),
                (
                    "quiz",
                    Quiz(
                        title=CHECK_YOURSELF,
                        questions=[
                            Question(
                                t(
                                    "«Волонтерлік қызмет туралы» Заң бойынша қызметті волонтерлік ететін "
                                    "белгілер қайсы?",
                                    "Какие признаки делают деятельность волонтёрской по Закону «О "
                                    "волонтерской деятельности»?",
                                    "Which features make an activity volunteering under the Law “On "
                                    "volunteer activity”?",
                                ),
                                [
                                    _right(
                                        "Ерікті, өз қалауымен",
                                        "Добровольная, по своему выбору",
                                        "Voluntary and freely chosen",
                                    ),
                                    _right("Қоғамға пайдалы", "Общественно полезная", "Socially useful"),
                                    _right("Өтеусіз, ақысыз", "Безвозмездная", "Unpaid"),
                                    _wrong(
                                        "Еңбек шарты бойынша жалақыға атқарылады",
                                        "Выполняется по трудовому договору за зарплату",
                                        "Done under an employment contract for a salary",
                                    ),
                                ],
                                t(
                                    "Волонтерлік — ерікті, қоғамға пайдалы және өтеусіз қызмет. Шарт бойынша "
                                    "шығыстарды өтеу жалақы болып саналмайды.",
                                    "Волонтёрство — добровольная, общественно полезная и безвозмездная "
                                    "деятельность. Возмещение расходов по договору оплатой не считается.",
                                    "Volunteering is voluntary, socially useful and unpaid. Reimbursing "
                                    "expenses under a contract does not count as pay.",
                                ),
                            ),
                            Question(
                                t(
                                    "Ұйымдастырушы автобус билеттеріңіздің ақысын қайтаруға уәде берді. Бұл "
                                    "не?",
                                    "Организатор обещает вернуть деньги за ваши автобусные билеты. Что это?",
                                    "The organiser promises to pay you back for your bus fares. What is "
                                    "this?",
                                ),
                                [
                                    _right(
                                        "Шартта көзделген шығыстарды өтеу — бұл жалақы емес",
                                        "Возмещение расходов, предусмотренное договором, — это не оплата "
                                        "труда",
                                        "Reimbursement of expenses the contract provides for: it is not pay",
                                    ),
                                    _wrong(
                                        "Жалақы, сондықтан бұл енді волонтерлік емес",
                                        "Зарплата, значит, это уже не волонтёрство",
                                        "A salary, so it is no longer volunteering",
                                    ),
                                    _wrong(
                                        "Ұйымдастырушы әр волонтерге төлеуге міндетті сыйақы",
                                        "Премия, которую организатор обязан платить каждому волонтёру",
                                        "A bonus the organiser must pay every volunteer",
                                    ),
                                ],
                                t(
                                    "Волонтерлікке байланысты шығыстар шартта көзделсе, өтеледі, және бұл "
                                    "қызметтің өтеусіз сипатын өзгертпейді.",
                                    "Расходы, связанные с волонтёрством, возмещаются, если это предусмотрено "
                                    "договором, и безвозмездности деятельности это не меняет.",
                                    "Expenses that come with volunteering are reimbursed when the contract "
                                    "provides for it, and that does not make the work paid.",
                                ),
                            ),
                            Question(
                                t(
                                    "Волонтер ретінде сіздің құқықтарыңыз қайсы?",
                                    "Какие из этих прав есть у вас как у волонтёра?",
                                    "Which of these are your rights as a volunteer?",
                                ),
                                [
                                    _right(
                                        "Жұмыстың мақсаты, мазмұны және ұйымдастырушы туралы нақты "
                                        "ақпарат алу",
                                        "Получать достоверную информацию о целях и содержании работы и "
                                        "об организаторе",
                                        "Reliable information about the aims and content of the work "
                                        "and about the organiser",
                                    ),
                                    _right("Қауіпсіз жағдай", "Безопасные условия", "Safe conditions"),
                                    _wrong(
                                        "Әр сағат үшін жалақы",
                                        "Почасовая оплата",
                                        "A wage for every hour",
                                    ),
                                    _wrong(
                                        "Тәжірибелі болсаңыз, нұсқаманы тыңдамау",
                                        "Пропускать инструктаж, если у вас есть опыт",
                                        "Skipping the briefing if you are experienced",
                                    ),
                                ],
                                t(
                                    "Сізде ақпарат алу мен қауіпсіз жағдайға құқық бар. Волонтерлік ақысыз, "
                                    "ал нұсқама тәжірибелі волонтерге де міндетті.",
                                    "У вас есть право на информацию и безопасные условия. Волонтёрство "
                                    "безвозмездно, а инструктаж обязателен и для опытных.",
                                    "You have the right to information and to safe conditions. Volunteering "
                                    "is unpaid, and the briefing is for experienced volunteers too.",
                                ),
                            ),
                            Question(
                                t(
                                    "Үйлестіруші сізден баннерді түзету үшін шатырға шығуды сұрады. Сізде "
                                    "жабдық та, нұсқама да жоқ. Не істейсіз?",
                                    "Координатор просит вас залезть на крышу, чтобы поправить баннер. У вас "
                                    "нет снаряжения, инструктажа не было. Что вы сделаете?",
                                    "The coordinator asks you to climb onto a roof to straighten a banner. "
                                    "You have no equipment and have had no briefing. What do you do?",
                                ),
                                [
                                    _right(
                                        "Себебін түсіндіріп, бас тартамын және қауіпсіз жол ұсынамын",
                                        "Откажусь, объясню почему и предложу безопасный вариант",
                                        "Refuse, explain why and suggest a safe alternative",
                                    ),
                                    _wrong("Абайлап шығамын", "Осторожно залезу", "Climb up carefully"),
                                    _wrong(
                                        "Басқа волонтерден шығуды сұраймын",
                                        "Попрошу залезть другого волонтёра",
                                        "Ask another volunteer to climb up",
                                    ),
                                ],
                                t(
                                    "Биіктікте жабдықсыз және нұсқамасыз жұмыс істеу — қауіпті. Мұндай "
                                    "тапсырмадан бас тарту — сіздің құқығыңыз, оны басқаға беру — шешім "
                                    "емес.",
                                    "Работа на высоте без снаряжения и инструктажа опасна. Отказаться от "
                                    "такой задачи — ваше право, а переложить её на другого — не решение.",
                                    "Working at height without equipment or a briefing is dangerous. "
                                    "Refusing such a task is your right; passing it to someone else is no "
                                    "solution.",
                                ),
                            ),
                            Question(
                                t(
                                    "Азық-түлік себеттерін таратқаннан кейін қолыңызда алушылардың аты-жөні, "
                                    "мекенжайы мен телефоны бар тізім қалды. Не істейсіз?",
                                    "После раздачи продуктовых наборов у вас остался список получателей с "
                                    "именами, адресами и телефонами. Что вы сделаете?",
                                    "After handing out food parcels you still have the list of recipients "
                                    "with their names, addresses and phone numbers. What do you do?",
                                ),
                                [
                                    _right(
                                        "Үйлестірушінің айтуы бойынша қайтарамын немесе жоямын, көшірме "
                                        "жасамаймын",
                                        "Верну или уничтожу, как скажет координатор, и не буду копировать",
                                        "Return or destroy it as the coordinator says, without copying it",
                                    ),
                                    _wrong(
                                        "Келесі жолы керек болар деп сақтап қоямын",
                                        "Оставлю себе — вдруг пригодится в следующий раз",
                                        "Keep it in case it is useful next time",
                                    ),
                                    _wrong(
                                        "Бәрі білсін деп волонтерлер чатына саламын",
                                        "Выложу в чат волонтёров, чтобы все знали",
                                        "Post it in the volunteers' chat so everyone knows",
                                    ),
                                ],
                                t(
                                    "Тізімдегі мәліметтер — дербес деректер: оларды тек тапсырма үшін "
                                    "пайдаланып, кейін қайтару немесе жою керек.",
                                    "Сведения из списка — персональные данные: их используют только для "
                                    "задачи, а потом возвращают или уничтожают.",
                                    "The list holds personal data: it is used for the task only and then "
                                    "returned or destroyed.",
                                ),
                            ),
                            Question(
                                t(
                                    "Қарттар үйіндегі апаға барып жүрсіз. Қайсысы дұрыс?",
                                    "Вы навещаете пожилую женщину в доме престарелых. Что из этого верно?",
                                    "You visit an older woman in a care home. Which of these are right?",
                                ),
                                [
                                    _right(
                                        "Суретке түсірмес бұрын одан рұқсат сұрау",
                                        "Спросить её разрешения, прежде чем фотографировать",
                                        "Ask her permission before taking a photo",
                                    ),
                                    _wrong(
                                        "Жұрт көрсін деп оның бөлмесінің суретін жариялау",
                                        "Опубликовать фото её комнаты, чтобы люди видели, как она живёт",
                                        "Post a photo of her room so people see how she lives",
                                    ),
                                    _wrong(
                                        "Алғыс ретінде ұсынған ақшасын алу",
                                        "Взять деньги, которые она предлагает в благодарность",
                                        "Accept the money she offers as thanks",
                                    ),
                                    _right(
                                        "Оған қауіп төнсе немесе онымен нашар қарым-қатынас жасалса, "
                                        "үйлестірушіге айту",
                                        "Сказать координатору, если ей что-то угрожает или с ней плохо "
                                        "обращаются",
                                        "Tell the coordinator if she is in danger or being treated badly",
                                    ),
                                ],
                                t(
                                    "Адамның рұқсатынсыз суретке түсірмейміз, жеке өмірін жарияламаймыз, "
                                    "ақша алмаймыз. Қауіп туралы хабарлау — міндетіміз.",
                                    "Без разрешения не фотографируем, частную жизнь не выставляем, денег не "
                                    "берём. Сообщить об угрозе — наша обязанность.",
                                    "No photos without permission, no exposing her private life, no money. "
                                    "Reporting danger is our duty.",
                                ),
                            ),
                        ],
                    ),
                ),
            ],
        ),
    ],
)

SAFEGUARDING = Course(
    key="safeguarding",
    slug="safeguarding-children",
    title=t("Балалармен жұмыс: қорғау", "Работа с детьми: защита", "Working with children: safeguarding"),
    summary=t(
        "«Сабақтастық» тәлімгерлеріне және балалармен жұмыс істейтін әрбір волонтерге міндетті курс: "
        "балаларды қорғау қағидаттары, қауіпсіз шекаралар, зорлық-зомбылық пен қараусыз қалдырудың "
        "белгілерін тану, бала сырын ашқанда не істеу керек, кімге хабарлау керек, балалардың фотосуреттері "
        "мен құпиялылығы.",
        "Обязателен для наставников «Сабақтастық» и каждого волонтёра, работающего с детьми: принципы защиты "
        "детей, безопасные границы, как распознать признаки насилия и пренебрежения, что делать, если "
        "ребёнок вам доверился, кому сообщать, фотографии детей и конфиденциальность.",
        "Required of Sabaqtastyq mentors and of every volunteer who works with children: the principles of "
        "safeguarding, safe boundaries, recognising the signs of abuse and neglect, what to do when a child "
        "confides in you, whom to report to, and children's photos and privacy.",
    ),
    outcomes=t(
        "<ul><li>әр шешімде баланың қауіпсіздігі мен мүддесін бірінші орынға қоясыз;</li><li>қауіпсіз "
        "шекараларды сақтайсыз: басқа ересектердің көз алдында боласыз, бағдарламадан тыс жеке байланыс "
        "жасамайсыз;</li><li>зорлық-зомбылықтың, қараусыз қалдырудың және буллингтің ықтимал белгілерін "
        "танисыз;</li><li>бала сырын ашқанда сабырлы әрекет етіп, сол күні хабарлайсыз;</li><li>балалардың "
        "жеке өмірін, соның ішінде бейнесін қорғайсыз.</li></ul>",
        "<ul><li>ставите безопасность и интересы ребёнка на первое место в каждом "
        "решении;</li><li>соблюдаете безопасные границы: на виду у других взрослых, без личных контактов вне "
        "программы;</li><li>распознаёте возможные признаки насилия, пренебрежения нуждами и "
        "травли;</li><li>спокойно реагируете, когда ребёнок рассказывает о насилии, и сообщаете об этом в "
        "тот же день;</li><li>защищаете частную жизнь детей, в том числе их изображения.</li></ul>",
        "<ul><li>put the child's safety and interests first in every decision;</li><li>keep safe boundaries: "
        "in sight of other adults, no private contact outside the programme;</li><li>recognise possible "
        "signs of abuse, neglect and bullying;</li><li>respond calmly when a child discloses harm, and "
        "report it the same day;</li><li>protect children's privacy, their images included.</li></ul>",
    ),
    minutes=90,
    level=Level.CORE,
    direction="sabaqtastyq",
    minors_allowed=False,
    qualification=Qualification.SAFEGUARDING,
    validity_months=24,
    prerequisites=["introduction"],
    lessons=[
        Lesson(
            slug="principles-and-boundaries",
            title=t(
                "Қорғау қағидаттары мен шекаралар",
                "Принципы защиты и границы",
                "Safeguarding principles and boundaries",
            ),
            minutes=30,
            body=[
                _paragraph(
                    t(
                        "<p>Балаларды қорғау — бала ұйыммен және оның волонтерлерімен бірге жүргенде оған "
                        "зиян келмеуі үшін жасалатын барлық шаралар. Балалар үйіндегі балалар мен қиын "
                        "жағдайға тап болған жасөспірімдер аса осал: олар бұрын зорлық-зомбылық немесе "
                        "немқұрайлылық көруі мүмкін, біреуге тез сеніп қалуы немесе мүлде сенбеуі, кімге "
                        "айту керегін білмеуі мүмкін. БҰҰ-ның Бала құқықтары туралы конвенциясы мен "
                        "«Қазақстан Республикасындағы баланың құқықтары туралы» Заң баланың мүддесі бәрінен "
                        "жоғары екенін айтады.</p>",
                        "<p>Защита детей — это всё, что делают организация и её волонтёры, чтобы ребёнку не "
                        "причинили вреда, пока он с ними. Дети из детских домов и подростки в трудной "
                        "ситуации особенно уязвимы: они могли пережить насилие или безразличие, могут "
                        "слишком легко доверяться или не доверять никому, могут не знать, кому рассказать. "
                        "Конвенция ООН о правах ребёнка и Закон «О правах ребенка в Республике Казахстан» "
                        "ставят интересы ребёнка превыше всего.</p>",
                        "<p>Safeguarding is everything an organisation and its volunteers do so that no harm "
                        "comes to a child while the child is with them. Children in children's homes and "
                        "teenagers in difficult situations are especially vulnerable: they may have lived "
                        "through violence or indifference, may trust too easily or trust no one, and may not "
                        "know whom to tell. The UN Convention on the Rights of the Child and Kazakhstan's "
                        "Law “On the rights of the child in the Republic of Kazakhstan” put the child's "
                        "interests above all else.</p>",
                    )
                ),
                _heading(t("Төрт қағидат", "Четыре принципа", "Four principles")),
                _paragraph(
                    t(
                        "<ul><li><b>Баланың қауіпсіздігі мен мүддесі бірінші орында</b> — бағдарламадан да, "
                        "жоспардан да, өз ыңғайыңыздан да, ұйымның беделінен де жоғары.</li><li><b>Қорғау — "
                        "бәрінің ісі.</b> Күмәніңізбен бөлісу үшін толық сенімді болудың қажеті "
                        "жоқ.</li><li><b>Ешқашан жалғыз шешпеңіз.</b> Балалармен жұмыс істейтін әр ұйымда "
                        "балаларды қорғауға жауапты адам белгіленеді — алғашқы нұсқамада оның кім екенін "
                        "сұраңыз.</li><li><b>Кез келген зорлық-зомбылыққа жол жоқ:</b> ұру, қорқыту, қорлау, "
                        "масқаралау — ешқандай жағдайда.</li></ul>",
                        "<ul><li><b>Безопасность и интересы ребёнка прежде всего</b> — выше программы, "
                        "плана, вашего удобства и репутации организации.</li><li><b>Защита — дело "
                        "каждого.</b> Чтобы поделиться опасением, не нужно быть полностью "
                        "уверенным.</li><li><b>Никогда не решайте в одиночку.</b> В каждой организации, "
                        "работающей с детьми, назначен ответственный за защиту детей — спросите на первом "
                        "инструктаже, кто это.</li><li><b>Нулевая терпимость</b> к любому насилию: побоям, "
                        "угрозам, унижению, высмеиванию — ни при каких обстоятельствах.</li></ul>",
                        "<ul><li><b>The child's safety and interests come first</b>, above the programme, "
                        "the plan, your own convenience and the organisation's "
                        "reputation.</li><li><b>Safeguarding is everyone's job.</b> You do not need to be "
                        "certain to share a concern.</li><li><b>Never deal with it alone.</b> Every "
                        "organisation that works with children names a person responsible for safeguarding; "
                        "ask who it is at your first briefing.</li><li><b>Zero tolerance</b> of any "
                        "violence: hitting, threats, humiliation, ridicule, under any "
                        "circumstances.</li></ul>",
                    )
                ),
                _heading(t("Қауіпсіз шекаралар", "Безопасные границы", "Safe boundaries")),
                _paragraph(
                    t(
                        "<ul><li><b>Көз алдында болыңыз.</b> Баламен жабық есік артында немесе басқалардың "
                        "көзінен тыс жерде ешқашан оңаша қалмаңыз. Ортақ бөлмеде, есікті ашық қалдырып "
                        "немесе үйлестірушімен келісілген қоғамдық орында кездесіңіз. Жеке сөйлесу қажет "
                        "болса — басқа ересек көріп тұратын жерде.</li><li><b>Байланыс тек бағдарлама "
                        "арналары арқылы.</b> Жеке хат алмаспаңыз, әлеуметтік желіде жеке парақшаңызға дос "
                        "ретінде қоспаңыз, үйлестірушінің келісімінсіз телефон нөмірлерімен алмаспаңыз. "
                        "Басқа ересек бар топтық чатта сөйлесіңіз.</li><li><b>Құпия мен ерекше сыйлық "
                        "жоқ.</b> Бір балаға ғана ақша, сыйлық бермеңіз, «бұл екеуміздің арамыздағы құпия» "
                        "демеңіз.</li><li><b>Дене байланысы</b> — тек баланың өзі қалайтын және жұрт алдында "
                        "орынды нәрсе: алақан соғу, қол алысу. Қытықтамаңыз, күреспеңіз, сүймеңіз, тізеңізге "
                        "отырғызбаңыз.</li><li>Баланы өз көлігіңізбен алып жүрмеңіз және үйіңізге апармаңыз. "
                        "Алкоголь, темекі, вейп, балағат сөз, ересектерге арналған контент — мүлдем "
                        "болмайды.</li></ul>",
                        "<ul><li><b>Будьте на виду.</b> Никогда не оставайтесь с ребёнком наедине за "
                        "закрытой дверью или вне поля зрения других. Встречайтесь в общей комнате, с "
                        "открытой дверью или в общественном месте, согласованном с координатором. Если нужен "
                        "разговор один на один — там, где вас видит другой взрослый.</li><li><b>Общение "
                        "только через каналы программы.</b> Никаких личных переписок, «дружбы» в личных "
                        "соцсетях, обмена номерами без согласия координатора. Общайтесь в групповом чате, "
                        "где есть другой взрослый.</li><li><b>Никаких секретов и особых подарков.</b> Не "
                        "дарите деньги и подарки одному ребёнку и не говорите «это наш с тобой "
                        "секрет».</li><li><b>Физический контакт</b> — только тот, которого хочет сам ребёнок "
                        "и который уместен на людях: «дай пять», рукопожатие. Не щекочите, не боритесь, не "
                        "целуйте, не сажайте на колени.</li><li>Не возите ребёнка на своей машине и не "
                        "приводите к себе домой. Алкоголь, табак, вейпы, брань, контент для взрослых — "
                        "исключены.</li></ul>",
                        "<ul><li><b>Stay in sight.</b> Never be alone with a child behind a closed door or "
                        "out of other people's sight. Meet in a shared room, with the door open, or in a "
                        "public place agreed with the coordinator. If you need to talk one to one, do it "
                        "where another adult can see you.</li><li><b>Contact only through the programme's "
                        "channels.</b> No private messaging, no “friending” on your personal social media, "
                        "no swapping phone numbers without the coordinator's consent. Talk in a group chat "
                        "that another adult is in.</li><li><b>No secrets, no special gifts.</b> Do not give "
                        "one child money or presents, and never say “this is our "
                        "secret”.</li><li><b>Physical contact</b> only when the child wants it and it is "
                        "fitting in public: a high five, a handshake. No tickling, wrestling, kissing or "
                        "sitting on laps.</li><li>Do not drive a child in your car or take them to your "
                        "home. No alcohol, tobacco, vaping, swearing or adult content, ever.</li></ul>",
                    )
                ),
                _callout(
                    "important",
                    t("Ережелер сізді де қорғайды", "Правила защищают и вас", "The rules protect you too"),
                    t(
                        "<p>Айқын шекаралар балаларды қорғайды және сізді түсінбеушілік пен негізсіз "
                        "күдіктен сақтайды. Егер жағдай ережені бұзуға мәжбүр етсе — мысалы, бала ауырып, "
                        "оны ауруханаға жеткізу керек болса — бірден үйлестірушіге айтып, не болғанын жазып "
                        "қойыңыз.</p>",
                        "<p>Чёткие границы защищают детей и оберегают вас от недоразумений и ложных "
                        "подозрений. Если обстоятельства вынуждают нарушить правило — например, ребёнок "
                        "заболел и его нужно отвезти в больницу, — сразу сообщите координатору и запишите, "
                        "что произошло.</p>",
                        "<p>Clear boundaries protect children, and they protect you from misunderstandings "
                        "and false suspicion. If circumstances force you to break a rule, for example a "
                        "child falls ill and has to be taken to hospital, tell the coordinator at once and "
                        "write down what happened.</p>",
                    ),
                ),
            ],
        ),
        Lesson(
            slug="signs-and-reporting",
            title=t(
                "Белгілерді тану және хабарлау",
                "Как распознать признаки и сообщить",
                "Recognising the signs and reporting",
            ),
            minutes=35,
            body=[
                _paragraph(
                    t(
                        "<p>Балаға зиян әртүрлі түрде келеді: дене зорлығы; эмоциялық зорлық (қорлау, "
                        "қорқыту, үнемі сынау); жыныстық зорлық; қараусыз қалдыру (тамақтандырмау, ауа "
                        "райына сай киіндірмеу, емдемеу); құрдастары тарапынан буллинг пен кибербуллинг. "
                        "Зиянның көбін бала танитын адамдар келтіреді.</p>",
                        "<p>Вред ребёнку бывает разным: физическое насилие; эмоциональное насилие (унижение, "
                        "угрозы, постоянная критика); сексуальное насилие; пренебрежение нуждами (не кормят, "
                        "не одевают по погоде, не лечат); травля и кибертравля со стороны сверстников. Чаще "
                        "всего вред причиняют люди, которых ребёнок знает.</p>",
                        "<p>Harm to a child takes many forms: physical abuse; emotional abuse (humiliation, "
                        "threats, constant criticism); sexual abuse; neglect (not being fed, dressed for the "
                        "weather or treated when ill); bullying and cyberbullying by other children. Most "
                        "harm is done by people the child knows.</p>",
                    )
                ),
                _heading(t("Назар аударатын белгілер", "Тревожные признаки", "Signs to pay attention to")),
                _paragraph(
                    t(
                        "<ul><li>бала түсіндіре алмайтын немесе түсіндіргісі келмейтін, не оғаш "
                        "түсіндірілетін жарақаттар;</li><li>мінез-құлықтың кенет өзгеруі: тұйықталу, "
                        "ашушаңдық, белгілі бір адамнан немесе жерден қорқу, үйге барғысы "
                        "келмеу;</li><li>жасына сай емес жыныстық білім немесе мінез-құлық;</li><li>үнемі аш "
                        "жүру, кір киім, емделмеген ауру;</li><li>өзіне зиян келтіру, үйден қашу немесе өмір "
                        "сүргісі келмейтіні туралы сөздер;</li><li>баланың бір ересекпен «құпиясы» болуы, "
                        "біреуден сыйлық немесе ақша алуы.</li></ul><p>Бір белгі ештеңені дәлелдемейді. Бұл "
                        "— тергеу жүргізуге емес, назар аударып, хабарлауға себеп.</p>",
                        "<ul><li>травмы, которые ребёнок не может или не хочет объяснить, или объясняет "
                        "странно;</li><li>резкие перемены в поведении: замкнутость, агрессия, страх перед "
                        "определённым человеком или местом, нежелание идти домой;</li><li>сексуальные знания "
                        "или поведение не по возрасту;</li><li>постоянный голод, грязная одежда, "
                        "невылеченные болезни;</li><li>самоповреждения, разговоры о побеге или о том, что не "
                        "хочется жить;</li><li>«секреты» ребёнка с каким-то взрослым, подарки или деньги от "
                        "кого-то.</li></ul><p>Один признак ничего не доказывает. Это повод быть внимательнее "
                        "и сообщить, а не проводить расследование.</p>",
                        "<ul><li>injuries the child cannot or will not explain, or explains "
                        "oddly;</li><li>sudden changes in behaviour: withdrawal, aggression, fear of a "
                        "particular person or place, not wanting to go home;</li><li>sexual knowledge or "
                        "behaviour beyond the child's age;</li><li>constant hunger, dirty clothes, untreated "
                        "illness;</li><li>self-harm, talk of running away or of not wanting to "
                        "live;</li><li>a child sharing “secrets” with an adult, or getting presents or money "
                        "from someone.</li></ul><p>One sign proves nothing. It is a reason to pay attention "
                        "and report, not to investigate.</p>",
                    )
                ),
                _heading(t("Бала сізге сырын ашса", "Если ребёнок вам доверился", "If a child tells you")),
                _paragraph(
                    t(
                        "<ol><li>Сабыр сақтап, тыңдаңыз; таңданғаныңызды не ашуланғаныңызды "
                        "көрсетпеңіз.</li><li>Сеніңіз: «Айтқаның үшін рахмет, дұрыс істедің» "
                        "деңіз.</li><li>Жетелеуші сұрақтар қоймаңыз, тергемеңіз, қайта-қайта айтқызбаңыз, "
                        "күдікті адаммен өзіңіз сөйлеспеңіз.</li><li>Құпия сақтаймын деп уәде бермеңіз: "
                        "көмектесе алатын адамға айтуға міндетті екеніңізді түсіндіріңіз.</li><li>Баланың "
                        "айтқанын өз сөзімен, қашан және қайда айтқанын, не көргеніңізді мүмкіндігінше тез "
                        "жазып алыңыз — қорытынды емес, деректер.</li><li>Сол күні ұйымның балаларды "
                        "қорғауға жауапты адамына (ол болмаса — үйлестірушіге) хабарлаңыз.</li></ol>",
                        "<ol><li>Сохраняйте спокойствие и слушайте; не показывайте потрясения или "
                        "гнева.</li><li>Поверьте: скажите «Спасибо, что рассказал(а), ты поступил(а) "
                        "правильно».</li><li>Не задавайте наводящих вопросов, не расследуйте, не заставляйте "
                        "повторять, не разговаривайте сами с тем, кого подозревают.</li><li>Не обещайте "
                        "сохранить тайну: объясните, что обязаны рассказать тому, кто может "
                        "помочь.</li><li>Как можно скорее запишите сказанное словами ребёнка, когда и где "
                        "это было, что вы видели, — факты, а не выводы.</li><li>В тот же день сообщите "
                        "ответственному за защиту детей в организации (если его нет на связи — "
                        "координатору).</li></ol>",
                        "<ol><li>Stay calm and listen; do not show shock or anger.</li><li>Believe them: say "
                        "“Thank you for telling me, you did the right thing.”</li><li>Do not ask leading "
                        "questions, investigate or make the child repeat it, and do not confront the person "
                        "suspected yourself.</li><li>Do not promise to keep it secret: explain that you must "
                        "tell someone who can help.</li><li>As soon as you can, write down what the child "
                        "said in their own words, when and where, and what you saw: facts, not "
                        "conclusions.</li><li>The same day, report to the organisation's person responsible "
                        "for safeguarding (or to your coordinator if they cannot be reached).</li></ol>",
                    )
                ),
                _callout(
                    "safety",
                    t("Қайда қоңырау шалу керек", "Куда звонить", "Where to call"),
                    t(
                        "<p>Балаға дәл қазір қауіп төніп тұрса, полицияға 102 немесе бірыңғай құтқару "
                        "қызметіне 112 нөміріне қоңырау шалыңыз. <b>150</b> — балалар мен жастарға арналған "
                        "ұлттық сенім телефоны: тегін, тәулік бойы, аты-жөніңізді айтпауға болады. Оған "
                        "баланың өзі де, кеңес алу үшін сіз де қоңырау шала аласыз. Жауапты адамға хабарлау "
                        "бұл нөмірлерге өзіңіздің қоңырау шалуыңызға кедергі емес.</p>",
                        "<p>Если ребёнку угрожает опасность прямо сейчас, звоните в полицию 102 или по "
                        "единому номеру экстренных служб 112. <b>150</b> — национальный телефон доверия для "
                        "детей и молодёжи: бесплатно, круглосуточно, можно не называть себя. Позвонить туда "
                        "может и сам ребёнок, и вы — за советом. Сообщение ответственному не мешает вам "
                        "самим позвонить по этим номерам.</p>",
                        "<p>If a child is in danger right now, call the police on 102 or the single "
                        "emergency number 112. <b>150</b> is the national helpline for children and young "
                        "people: free, round the clock, and callers need not give their name. The child can "
                        "call it, and so can you for advice. Telling the responsible person does not stop "
                        "you calling these numbers yourself.</p>",
                    ),
                ),
                _paragraph(
                    t(
                        "<p>Басқа ересектің — волонтердің немесе қызметкердің — мінез-құлқы мазаласа да, дәл "
                        "солай хабарлаңыз. Хабарлау — айып тағу емес: оны ұйым, қажет болса уәкілетті "
                        "органдар тексереді. Бұл туралы тек білуі қажет адамдармен сөйлесіңіз.</p>",
                        "<p>Точно так же сообщайте, если вас тревожит поведение другого взрослого — "
                        "волонтёра или сотрудника. Сообщение — не обвинение: его проверит организация, а при "
                        "необходимости уполномоченные органы. Обсуждайте это только с теми, кому нужно "
                        "знать.</p>",
                        "<p>Report in just the same way if another adult's behaviour worries you, whether a "
                        "volunteer or a member of staff. A report is not an accusation: the organisation, "
                        "and where needed the competent authorities, will look into it. Discuss it only with "
                        "those who need to know.</p>",
                    )
                ),
            ],
        ),
        Lesson(
            slug="photos-privacy-online",
            title=t(
                "Фотосуреттер, құпиялылық және онлайн қарым-қатынас",
                "Фотографии, конфиденциальность и общение онлайн",
                "Photos, privacy and contact online",
            ),
            minutes=25,
            body=[
                _paragraph(
                    t(
                        "<p>Бала туралы мәлімет — аты-жөні, мектебі, балалар үйі, денсаулығы, отбасының "
                        "тарихы — аса сезімтал дербес деректер. Баланың тарихы — оның өз тарихы.</p><ul><li>"
                        "Суретке ұйымның рұқсатымен, ата-анасының немесе заңды өкілінің (мекемедегі бала "
                        "үшін — мекеменің) жазбаша келісімімен және баланың өз келісімімен ғана "
                        "түсіріңіз.</li><li>Балаларды шешінген, жылап тұрған, жазаланып жатқан кезде немесе "
                        "мекеменің атауы мен орны көрінетіндей етіп түсірмеңіз.</li><li>Бет-бейне, аты-жөні "
                        "және орны бірге жарияланбайды.</li><li>Суреттерді жеке парақшаңызға емес, ұйымның "
                        "арналарына ғана жіберіңіз; тапсырғаннан кейін телефоныңыздан "
                        "өшіріңіз.</li><li>Баланың тарихын оның келісімімен және оны танытатын мәліметтерсіз "
                        "ғана айтуға болады.</li></ul>",
                        "<p>Сведения о ребёнке — имя, школа, детский дом, здоровье, история семьи — особо "
                        "чувствительные персональные данные. История ребёнка принадлежит ему.</p><ul><li>"
                        "Фотографируйте только с разрешения организации, письменного согласия родителя или "
                        "законного представителя (для ребёнка в учреждении — учреждения) и согласия самого "
                        "ребёнка.</li><li>Не снимайте детей раздетыми, плачущими, во время наказания и так, "
                        "чтобы были видны название и адрес учреждения.</li><li>Лицо, имя и место вместе не "
                        "публикуются.</li><li>Передавайте снимки только в каналы организации, не в личные "
                        "соцсети; после передачи удалите их с телефона.</li><li>Рассказывать историю ребёнка "
                        "можно только с его согласия и без деталей, по которым его можно узнать.</li></ul>",
                        "<p>Information about a child, such as their name, school, children's home, health "
                        "and family history, is especially sensitive personal data. A child's story belongs "
                        "to the child.</p><ul><li>Take photos only with the organisation's permission, the "
                        "written consent of a parent or legal representative (for a child in care, the "
                        "institution's) and the child's own agreement.</li><li>Never photograph children "
                        "undressed, crying or being punished, or so that the institution's name and location "
                        "can be seen.</li><li>A face, a name and a place are never published "
                        "together.</li><li>Hand photos only to the organisation's channels, not your "
                        "personal social media, and delete them from your phone afterwards.</li><li>Tell a "
                        "child's story only with their consent and without details that would identify "
                        "them.</li></ul>",
                    )
                ),
                _heading(t("Желіде", "В сети", "Online")),
                _paragraph(
                    t(
                        "<p>Интернетте де дәл сол шекаралар сақталады: үйлестіруші бар топтық чаттар, "
                        "күндізгі уақыт, жеке бейнеқоңырау жоқ. Бала сізге жеке жазса, қысқа жауап беріп, "
                        "әңгімені топтық арнаға ауыстырыңыз және үйлестірушіге айтыңыз. Желідегі буллингті "
                        "немесе біреудің баланың сеніміне кіріп алуға тырысқанын көрсеңіз, скриншот "
                        "сақтаңыз, оны ешкімге таратпаңыз және жауапты адамға хабарлаңыз.</p>",
                        "<p>В интернете действуют те же границы: групповые чаты с координатором, дневное "
                        "время, никаких личных видеозвонков. Если ребёнок пишет вам лично, ответьте коротко, "
                        "переведите разговор в групповой канал и скажите координатору. Если вы видите травлю "
                        "в сети или чьи-то попытки втереться к ребёнку в доверие, сохраните скриншоты, "
                        "никому их не пересылайте и сообщите ответственному.</p>",
                        "<p>The same boundaries hold online: group chats with the coordinator in them, "
                        "daytime hours, no private video calls. If a child messages you privately, reply "
                        "briefly, move the conversation to the group channel and tell the coordinator. If "
                        "you see bullying online, or someone trying to win a child's trust for the wrong "
                        "reasons, keep screenshots, do not pass them around, and report to the responsible "
                        "person.</p>",
                    )
                ),
                _callout(
                    "note",
                    t("Тәлімгерлікте", "В наставничестве", "In mentoring"),
                    t(
                        "<p>«Сабақтастық» жобасында тәлімгер тәлімгерленушімен келісілген жерде және уақытта "
                        "кездеседі, әр кездесу туралы үйлестіруші біледі. Осы курстың сертификаты 24 ай "
                        "жарамды; содан кейін оны жаңарту үшін курсты қайта өтесіз.</p>",
                        "<p>В проекте «Сабақтастық» наставник встречается с подопечным в согласованном месте "
                        "и в согласованное время, и координатор знает о каждой встрече. Сертификат этого "
                        "курса действует 24 месяца; затем, чтобы продлить его, курс проходят заново.</p>",
                        "<p>In Sabaqtastyq, a mentor meets their mentee at an agreed place and time, and the "
                        "coordinator knows about every meeting. This course's certificate is valid for 24 "
                        "months; after that you take the course again to renew it.</p>",
                    ),
                ),
                (
                    "quiz",
                    Quiz(
                        title=CHECK_YOURSELF,
                        questions=[
                            Question(
                                t(
                                    "Сабақ кезінде 12 жастағы бала сізге бірдеңе айту үшін бос сыныпқа бірге "
                                    "баруды өтінді. Не істейсіз?",
                                    "Во время занятия 12-летний ребёнок просит вас пойти с ним в пустой "
                                    "класс, чтобы что-то рассказать. Что вы сделаете?",
                                    "During an activity a 12-year-old asks you to come to an empty classroom "
                                    "so they can tell you something. What do you do?",
                                ),
                                [
                                    _right(
                                        "Басқа ересектер көріп тұратын жерде сөйлесемін — залдың тыныш "
                                        "бұрышында немесе есікті ашық қалдырып — және үйлестірушіге "
                                        "айтамын",
                                        "Поговорю там, где нас видят другие взрослые, — в тихом углу "
                                        "зала или при открытой двери — и скажу координатору",
                                        "Talk where other adults can see us, in a quiet corner of the "
                                        "hall or with the door open, and tell the coordinator",
                                    ),
                                    _wrong(
                                        "Бала өзін қауіпсіз сезінсін деп сыныпқа барып, есікті жабамын",
                                        "Пойду в класс и закрою дверь, чтобы ребёнок чувствовал себя "
                                        "спокойно",
                                        "Go to the classroom and close the door so the child feels safe",
                                    ),
                                    _wrong("Тыңдаудан бас тартамын", "Откажусь слушать", "Refuse to listen"),
                                ],
                                t(
                                    "Баланы тыңдау керек, бірақ басқалардың көз алдында: бұл баланы да, "
                                    "сізді де қорғайды.",
                                    "Ребёнка нужно выслушать, но на виду у других: это защищает и ребёнка, и "
                                    "вас.",
                                    "Listen to the child, but in sight of others: that protects the child "
                                    "and you.",
                                ),
                            ),
                            Question(
                                t(
                                    "Қыз өгей әкесі ұратынын айтып, ешкімге айтпауды өтінді. Қайсысы дұрыс?",
                                    "Девочка рассказывает, что отчим её бьёт, и просит никому не говорить. "
                                    "Что из этого правильно?",
                                    "A girl tells you her stepfather hits her and asks you not to tell "
                                    "anyone. Which of these are right?",
                                ),
                                [
                                    _right(
                                        "Сабырмен тыңдап, айтқаны дұрыс болғанын айту",
                                        "Спокойно выслушать и сказать, что она правильно сделала, что "
                                        "рассказала",
                                        "Listen calmly and tell her she was right to tell you",
                                    ),
                                    _wrong(
                                        "Сенімін жоғалтпау үшін құпия сақтауға уәде беру",
                                        "Пообещать сохранить тайну, чтобы не потерять её доверие",
                                        "Promise to keep it secret so as not to lose her trust",
                                    ),
                                    _right(
                                        "Оның сөздерін жазып алып, сол күні жауапты адамға хабарлау",
                                        "Записать её слова и в тот же день сообщить ответственному",
                                        "Write down her words and report to the responsible person the "
                                        "same day",
                                    ),
                                    _wrong(
                                        "Өгей әкесіне барып сөйлесу",
                                        "Пойти поговорить с отчимом",
                                        "Go and talk to the stepfather",
                                    ),
                                ],
                                t(
                                    "Тыңдаймыз, сенеміз, жазамыз және хабарлаймыз. Құпия сақтауға уәде "
                                    "бермейміз және өзіміз тергеу жүргізбейміз.",
                                    "Выслушать, поверить, записать и сообщить. Не обещать тайны и не "
                                    "расследовать самим.",
                                    "Listen, believe, write it down and report. Do not promise secrecy and "
                                    "do not investigate yourself.",
                                ),
                            ),
                            Question(
                                t(
                                    "Балаға дәл қазір қауіп төніп тұр. Қай нөмірге қоңырау шаласыз?",
                                    "Ребёнку угрожает опасность прямо сейчас. Куда вы позвоните?",
                                    "A child is in danger right now. What number do you call?",
                                ),
                                [
                                    _right(
                                        "102 (полиция) немесе 112",
                                        "102 (полиция) или 112",
                                        "102 (police) or 112",
                                    ),
                                    _wrong(
                                        "Ешқайда, келесі жиналыста үйлестірушіге айтамын",
                                        "Никуда, скажу координатору на следующей встрече",
                                        "Nowhere: I will tell the coordinator at the next meeting",
                                    ),
                                    _wrong(
                                        "Тек 150, өйткені ол балаларға арналған",
                                        "Только 150, ведь он для детей",
                                        "Only 150, because it is for children",
                                    ),
                                ],
                                t(
                                    "Тікелей қауіп болса — 102 немесе 112. 150 сенім телефоны кеңес пен "
                                    "қолдау береді, бірақ дереу көмекті полиция мен құтқару қызметтері "
                                    "көрсетеді.",
                                    "При прямой опасности — 102 или 112. Телефон доверия 150 даёт совет и "
                                    "поддержку, а немедленную помощь оказывают полиция и экстренные службы.",
                                    "When the danger is immediate, 102 or 112. The 150 helpline gives advice "
                                    "and support; immediate help comes from the police and emergency "
                                    "services.",
                                ),
                            ),
                            Question(
                                t(
                                    "Қай белгілер қараусыз қалдыруды немесе зорлық-зомбылықты білдіруі "
                                    "мүмкін және хабарлауды қажет етеді?",
                                    "Какие признаки могут указывать на пренебрежение нуждами или насилие и "
                                    "требуют сообщить о них?",
                                    "Which signs may point to neglect or abuse and should be reported?",
                                ),
                                [
                                    _right(
                                        "Бала түсіндіре алмайтын жарақаттар",
                                        "Травмы, которые ребёнок не может объяснить",
                                        "Injuries the child cannot explain",
                                    ),
                                    _right(
                                        "Белгілі бір ересектен кенет қорқу",
                                        "Внезапный страх перед определённым взрослым",
                                        "A sudden fear of a particular adult",
                                    ),
                                    _wrong(
                                        "Бір рет нашар баға алуы",
                                        "Одна плохая оценка",
                                        "One bad mark at school",
                                    ),
                                    _right(
                                        "Үнемі аш жүру және ауа райына сай емес киім",
                                        "Постоянный голод и одежда не по погоде",
                                        "Constant hunger and clothes not suited to the weather",
                                    ),
                                ],
                                t(
                                    "Түсініксіз жарақат, кенеттен пайда болған қорқыныш, үнемі аш жүру — "
                                    "назар аударатын белгілер. Бір нашар баға — балалық шақтың қалыпты "
                                    "бөлігі.",
                                    "Необъяснимые травмы, внезапный страх, постоянный голод — тревожные "
                                    "признаки. Одна плохая оценка — обычная часть детства.",
                                    "Unexplained injuries, sudden fear and constant hunger are warning "
                                    "signs. One bad mark is an ordinary part of childhood.",
                                ),
                            ),
                            Question(
                                t(
                                    "Тәлімгерленушіңіз сізді жеке Instagram парақшаңызға дос ретінде қосқысы "
                                    "келеді. Не істейсіз?",
                                    "Ваш подопечный отправил вам запрос в друзья в вашем личном Instagram. "
                                    "Что вы сделаете?",
                                    "Your mentee sends you a friend request on your personal Instagram. What "
                                    "do you do?",
                                ),
                                [
                                    _right(
                                        "Сыпайы түрде бас тартып, бағдарлама арналарында сөйлесемін және "
                                        "үйлестірушіге айтамын",
                                        "Вежливо откажу, продолжу общаться в каналах программы и скажу "
                                        "координатору",
                                        "Decline kindly, keep talking in the programme's channels and "
                                        "tell the coordinator",
                                    ),
                                    _wrong(
                                        "Қабылдаймын — бұл сенім орнатады",
                                        "Приму — это укрепит доверие",
                                        "Accept: it builds trust",
                                    ),
                                    _wrong(
                                        "Қабылдаймын, бірақ жазбаларымды жасырамын",
                                        "Приму, но скрою свои публикации",
                                        "Accept, but hide my posts",
                                    ),
                                ],
                                t(
                                    "Жеке әлеуметтік желілер — бағдарламадан тыс байланыс. Қарым-қатынас "
                                    "басқа ересектер көретін арналарда жүреді.",
                                    "Личные соцсети — это контакт вне программы. Общение идёт в каналах, "
                                    "которые видят другие взрослые.",
                                    "Personal social media is contact outside the programme. Keep in touch "
                                    "through channels other adults can see.",
                                ),
                            ),
                            Question(
                                t(
                                    "Балалар үйіндегі мерекеден суретті жариялағыңыз келеді. Не міндетті "
                                    "түрде орындалуы керек?",
                                    "Вы хотите опубликовать фото с праздника в детском доме. Что обязательно "
                                    "должно быть соблюдено?",
                                    "You want to publish a photo from a party at a children's home. What "
                                    "must be true?",
                                ),
                                [
                                    _right(
                                        "Ұйым рұқсат берген және заңды өкілдің келісімі бар",
                                        "Есть разрешение организации и согласие законного представителя",
                                        "The organisation has allowed it and the legal representative "
                                        "has consented",
                                    ),
                                    _right(
                                        "Суреттен баланы аты-жөні мен орны бойынша тануға болмайды",
                                        "По фото нельзя узнать ребёнка по имени и месту",
                                        "No child can be identified by name and place from it",
                                    ),
                                    _wrong(
                                        "Балалар көңілді көрінеді — сол жеткілікті",
                                        "Дети выглядят весёлыми — этого достаточно",
                                        "The children look happy, and that is enough",
                                    ),
                                    _wrong(
                                        "Бұл менің жеке парақшам, сондықтан ережелер қолданылмайды",
                                        "Это моя личная страница, поэтому правила не действуют",
                                        "It is my personal page, so the rules do not apply",
                                    ),
                                ],
                                t(
                                    "Рұқсат, келісім және баланы танытпау — міндетті шарттар, сурет қай "
                                    "жерде жарияланса да.",
                                    "Разрешение, согласие и невозможность узнать ребёнка обязательны, где бы "
                                    "ни публиковалось фото.",
                                    "Permission, consent and keeping the child unidentifiable are required "
                                    "wherever the photo is published.",
                                ),
                            ),
                        ],
                    ),
                ),
            ],
        ),
    ],
)

EMERGENCY = Course(
    key="emergency",
    slug="emergency-basics",
    title=t(
        "Үйлестірушілерге арналған төтенше жағдай негіздері",
        "Основы действий в ЧС для координаторов",
        "Emergency basics for coordinators",
    ),
    summary=t(
        "Су тасқыны, өрт, адам іздеу және басқа да төтенше жағдайларда волонтерлерді басқаратын "
        "үйлестірушілерге арналған (жол картасының 30-тармағы): төтенше жағдайға дейін, оның барысында және "
        "одан кейін не істеу керек, Төтенше жағдайлар министрлігімен және басқа қызметтермен 112 арқылы "
        "қалай жұмыс істеу керек, нұсқама және адамдарды есепке алу, алғашқы көмек және алғашқы "
        "психологиялық көмек.",
        "Для координаторов, которые руководят волонтёрами при паводках, пожарах, поисках людей и других "
        "чрезвычайных ситуациях (пункт 30 Дорожной карты): что делать до, во время и после ЧС, как работать "
        "с МЧС и другими службами через 112, инструктаж и учёт людей, первая помощь и психологическая первая "
        "помощь.",
        "For coordinators who lead volunteers in floods, fires, searches for missing people and other "
        "emergencies (item 30 of the Roadmap): what to do before, during and after an emergency, how to work "
        "with the Ministry of Emergency Situations and the other services through 112, briefings and "
        "headcounts, first aid and psychological first aid.",
    ),
    outcomes=t(
        "<ul><li>командаңызды төтенше жағдайға алдын ала дайындайсыз: тізім, байланыстар, жабдық, "
        "рөлдер;</li><li>жедел штабта тіркеліп, оның басшылығымен жұмыс істейсіз;</li><li>волонтерлерге "
        "нұсқама беріп, адамдарды есепке аласыз және ауысымдарды ауыстырасыз;</li><li>жедел жәрдем келгенше "
        "зиян келтірмей алғашқы көмек көрсетесіз;</li><li>алғашқы психологиялық көмек көрсетіп, кейін "
        "командаңызға қамқорлық жасайсыз.</li></ul>",
        "<ul><li>заранее готовите команду к ЧС: список, контакты, снаряжение, роли;</li><li>регистрируетесь "
        "в оперативном штабе и работаете под его руководством;</li><li>проводите инструктаж, ведёте учёт "
        "людей и меняете смены;</li><li>оказываете первую помощь до приезда скорой, не причиняя "
        "вреда;</li><li>оказываете психологическую первую помощь и заботитесь о команде после ЧС.</li></ul>",
        "<ul><li>prepare your team for an emergency in advance: list, contacts, kit, roles;</li><li>register "
        "with the emergency response headquarters and work under its direction;</li><li>brief volunteers, "
        "keep a headcount and rotate shifts;</li><li>give first aid until the ambulance arrives, doing no "
        "harm;</li><li>offer psychological first aid, and look after your team afterwards.</li></ul>",
    ),
    minutes=120,
    level=Level.ADVANCED,
    direction="umit",
    minors_allowed=False,
    qualification=Qualification.EMERGENCY,
    validity_months=12,
    lessons=[
        Lesson(
            slug="before",
            title=t(
                "Төтенше жағдайға дейін: дайындық",
                "До чрезвычайной ситуации: подготовка",
                "Before an emergency: preparing",
            ),
            minutes=25,
            body=[
                _paragraph(
                    t(
                        "<p>Көктемгі су тасқыны, жазғы дала мен орман өрттері, оңтүстік пен шығыстағы жер "
                        "сілкінісі, қыстағы жолдағы боран — Қазақстандағы төтенше жағдайларды алдын ала "
                        "болжап, оларға дайындалуға болады. Жою жұмыстарын Төтенше жағдайлар министрлігі "
                        "(ТЖМ) мен жергілікті атқарушы органдар (әкімдіктер) басқарады; волонтерлер оларға "
                        "көмектеседі, бірақ олардың орнын баспайды. Волонтерлер көмек бола ма, әлде тағы бір "
                        "мәселеге айнала ма — ол үйлестірушінің дайындығына байланысты.</p>",
                        "<p>Весенние паводки, летние степные и лесные пожары, землетрясения на юге и "
                        "востоке, зимние бураны на дорогах — чрезвычайные ситуации в Казахстане достаточно "
                        "предсказуемы, чтобы к ним готовиться. Ликвидацией руководят Министерство по "
                        "чрезвычайным ситуациям (МЧС) и местные исполнительные органы (акиматы); волонтёры "
                        "помогают им, но не заменяют их. Станут ли волонтёры помощью или ещё одной "
                        "проблемой, зависит от подготовки координатора.</p>",
                        "<p>Spring floods, summer steppe and forest fires, earthquakes in the south and "
                        "east, winter blizzards on the roads: emergencies in Kazakhstan are predictable "
                        "enough to prepare for. The response is led by the Ministry of Emergency Situations "
                        "and the local executive bodies (akimats); volunteers help them and never replace "
                        "them. Whether volunteers are a help or one more problem depends on how well the "
                        "coordinator has prepared.</p>",
                    )
                ),
                _heading(t("Сіздің командаңыз", "Ваша команда", "Your team")),
                _paragraph(
                    t(
                        "<ul><li><b>Тізім.</b> Шығуға дайын волонтерлер — тек ересектер (заң кәмелетке "
                        "толмағандарды төтенше жағдайлардың зардаптарын жоюға тартуға тыйым салады): "
                        "телефоны, жақынының байланысы, денсаулығына қатысты шектеулері, дағдылары "
                        "(жүргізушілер, медиктер, психологтар, тілдер).</li><li><b>Рөлдер.</b> Орынбасар; "
                        "тіркеу мен адамдарды есепке алуға жауапты адам; жабдық пен байланысқа жауапты "
                        "адам.</li><li><b>Оқу.</b> Осы курс, алғашқы көмек курсы, ұйымның қауіпсіздік "
                        "ережелері.</li><li><b>Хабарлау тәсілі.</b> Командаңызды тез жинау үшін топтық чат "
                        "және интернеті жоқтарға арналған телефонмен хабарлау тізбегі.</li></ul>",
                        "<ul><li><b>Список.</b> Волонтёры, готовые выехать, — только совершеннолетние (закон "
                        "запрещает привлекать несовершеннолетних к ликвидации последствий ЧС): телефон, "
                        "контакт близкого человека, ограничения по здоровью, навыки (водители, медики, "
                        "психологи, языки).</li><li><b>Роли.</b> Заместитель; ответственный за регистрацию и "
                        "учёт людей; ответственный за снаряжение и связь.</li><li><b>Обучение.</b> Этот "
                        "курс, курс первой помощи, правила безопасности организации.</li><li><b>Способ "
                        "оповещения.</b> Групповой чат и телефонная цепочка для тех, у кого нет интернета, "
                        "чтобы быстро собрать команду.</li></ul>",
                        "<ul><li><b>A list.</b> Volunteers ready to go, adults only (the law forbids "
                        "involving minors in emergency response): phone number, a next of kin's contact, "
                        "health limits, skills (drivers, medics, psychologists, "
                        "languages).</li><li><b>Roles.</b> A deputy; someone in charge of registration and "
                        "the headcount; someone in charge of kit and "
                        "communications.</li><li><b>Training.</b> This course, a first-aid course, the "
                        "organisation's safety rules.</li><li><b>A way to call people out.</b> A group chat, "
                        "and a phone tree for those without the internet, so the team can be gathered "
                        "quickly.</li></ul>",
                    )
                ),
                _heading(
                    t("Байланыстар мен келісімдер", "Контакты и договорённости", "Contacts and agreements")
                ),
                _paragraph(
                    t(
                        "<p>Жергілікті төтенше жағдайлар департаментінің, әкімдіктің және фронт-офистің "
                        "байланыстарын алдын ала біліп алыңыз. Волонтерлер қалай шақырылатынын, кім "
                        "байланыста болатынын, қалай тіркелетінін келісіп қойыңыз. Нөмірлерді жатқа біліңіз: "
                        "112 — бірыңғай құтқару қызметі; 101 — өрт сөндіру қызметі, 102 — полиция, 103 — "
                        "жедел жәрдем, 104 — газ қызметі.</p>",
                        "<p>Заранее узнайте контакты местного департамента по чрезвычайным ситуациям, "
                        "акимата и фронт-офиса. Договоритесь, как будут вызывать волонтёров, кто будет "
                        "контактным лицом, как проходит регистрация. Знайте номера наизусть: 112 — единый "
                        "номер экстренных служб; 101 — пожарная служба, 102 — полиция, 103 — скорая помощь, "
                        "104 — газовая служба.</p>",
                        "<p>Find out in advance how to reach the local department of emergency situations, "
                        "the akimat and the front office. Agree how volunteers will be called on, who your "
                        "contact will be and how registration works. Know the numbers by heart: 112, the "
                        "single emergency number; 101 fire, 102 police, 103 ambulance, 104 gas.</p>",
                    )
                ),
                _callout(
                    "note",
                    t("Үйлестірушінің жинағы", "Набор координатора", "The coordinator's kit"),
                    t(
                        "<p>Басып шығарылған волонтерлер тізімі (телефондар отырып қалады), команданы "
                        "ажырататын жилеттер немесе таңғыштар, алғашқы көмек қобдишасы, шамдар мен "
                        "батареялар, қуат банкілері, ысқырықтар, су, қолғаптар, жаңбырлықтар, дәптер мен "
                        "қаламдар, адамдарды есепке алу тақтасына арналған маркерлер мен скотч.</p>",
                        "<p>Распечатанный список волонтёров (телефоны садятся), жилеты или повязки, по "
                        "которым узнают команду, аптечка, фонари и батарейки, пауэрбанки, свистки, вода, "
                        "перчатки, дождевики, блокнот и ручки, маркеры и скотч для доски учёта людей.</p>",
                        "<p>A printed list of volunteers (phones go flat), vests or armbands that mark out "
                        "the team, a first-aid kit, torches and batteries, power banks, whistles, water, "
                        "gloves, raincoats, a notebook and pens, markers and tape for the headcount "
                        "board.</p>",
                    ),
                ),
            ],
        ),
        Lesson(
            slug="during",
            title=t(
                "Төтенше жағдай кезінде: штаб, нұсқама, адамдарды есепке алу",
                "Во время ЧС: штаб, инструктаж, учёт людей",
                "During an emergency: headquarters, briefing, headcount",
            ),
            minutes=35,
            body=[
                _paragraph(
                    t(
                        "<p>Бірінші ереже: ешкім өз бетімен шықпайды. Апат аймағына өз бетінше келген "
                        "волонтерлер жолды бөгейді, адасады, жарақат алады және құтқарушыларды "
                        "зардап шеккендерден алаңдатады. Жолға шықпас бұрын әкімдік, төтенше жағдайлар "
                        "қызметі немесе 112 арқылы жедел штабпен байланысып, қай жерде және қандай көмек "
                        "керегін сұраңыз.</p>",
                        "<p>Первое правило: никто не выезжает самовольно. Волонтёры, приехавшие в зону "
                        "бедствия сами по себе, перекрывают дороги, теряются, получают травмы и отвлекают "
                        "спасателей от пострадавших. Прежде чем выезжать, свяжитесь с оперативным штабом "
                        "через акимат, службу по ЧС или 112 и спросите, где и какая помощь нужна.</p>",
                        "<p>The first rule: nobody goes on their own initiative. Volunteers who turn up in a "
                        "disaster zone unannounced block roads, get lost, get hurt and take rescuers away "
                        "from the victims. Before you set off, contact the emergency response headquarters "
                        "through the akimat, the emergency service or 112, and ask where help is needed and "
                        "what kind.</p>",
                    )
                ),
                _heading(t("Орынға келгенде", "По прибытии", "On arrival")),
                _paragraph(
                    t(
                        "<ul><li>Штабқа немесе жауапты ТЖМ қызметкеріне келгеніңізді "
                        "айтыңыз.</li><li>Команданы тіркеңіз: кім, қанша адам, байланыстар, "
                        "дағдылар.</li><li>Тапсырманы, жұмыс аумағын, қауіпті аймақтың шекарасын, штабтағы "
                        "байланыс адамыңыздың атын, байланыс тәсілі мен есеп беру уақытын "
                        "анықтаңыз.</li><li>Волонтерлер құтқару қызметтері басқаша шешпесе, қауіпті аймақтан "
                        "тыс жерде ғана жұмыс істейді: құтқаруды құтқарушылар басқарады.</li><li>Үйлестіруші "
                        "— байланыстырушы буын: волонтерлер нұсқауды өз үйлестірушісінен, ал үйлестіруші "
                        "штабтан алады.</li></ul>",
                        "<ul><li>Доложите о прибытии в штаб или ответственному сотруднику "
                        "МЧС.</li><li>Зарегистрируйте команду: кто, сколько человек, контакты, "
                        "навыки.</li><li>Уточните задачу, рабочую зону, границы опасной зоны, имя вашего "
                        "контактного лица в штабе, способ связи и время доклада.</li><li>Волонтёры работают "
                        "только вне опасной зоны, если спасательные службы не решат иначе: спасением "
                        "руководят спасатели.</li><li>Координатор — связующее звено: волонтёры получают "
                        "указания от своего координатора, координатор — от штаба.</li></ul>",
                        "<ul><li>Report your arrival to the headquarters or the emergency services officer "
                        "in charge.</li><li>Register the team: who, how many, contacts, skills.</li><li>Get "
                        "clear on the task, the work area, the boundaries of the danger zone, the name of "
                        "your contact at headquarters, how to communicate and when to "
                        "report.</li><li>Volunteers work only outside the danger zone unless the rescue "
                        "services decide otherwise: rescuers lead the rescue.</li><li>The coordinator is the "
                        "link: volunteers take instructions from their coordinator, and the coordinator from "
                        "headquarters.</li></ul>",
                    )
                ),
                _heading(t("Нұсқама", "Инструктаж", "The briefing")),
                _paragraph(
                    t(
                        "<p>Әр ауысымның алдында, бәрі шаршап, асығып тұрса да, 5–10 минуттық нұсқама "
                        "өткізіңіз: тапсырма және ол не үшін керек; жұмыс аумағы қайда және оның шекарасы "
                        "қандай; қауіптер — су, ағыс, мұз, түтін, құлауы мүмкін ғимараттар, электр, иттер; "
                        "әркім не киіп, не алып жүреді; жұптар — әр волонтер өз серігін біледі және ешқайда "
                        "жалғыз бармайды; белгілер мен проблема туралы қалай хабарлау керек; жиналу орны мен "
                        "қайту уақыты; жарақат алса, кімге жүгіну керек. Бір волонтерден негізгі тармақтарды "
                        "қайталауды сұраңыз.</p>",
                        "<p>Перед каждой сменой проводите инструктаж на 5–10 минут, даже если все устали и "
                        "торопятся: задача и зачем она нужна; где рабочая зона и чем она ограничена; "
                        "опасности — вода, течение, лёд, дым, неустойчивые постройки, электричество, собаки; "
                        "что каждый надевает и берёт с собой; пары — каждый волонтёр знает своего напарника "
                        "и никуда не уходит один; сигналы и как сообщить о проблеме; место сбора и время "
                        "возвращения; к кому обращаться при травме. Попросите одного из волонтёров повторить "
                        "главное.</p>",
                        "<p>Before every shift, give a five-to-ten-minute briefing, even when everyone is "
                        "tired and in a hurry: the task and why it matters; where the work area is and what "
                        "bounds it; the hazards, such as water, currents, ice, smoke, unstable buildings, "
                        "electricity, dogs; what each person wears and carries; pairs: every volunteer knows "
                        "their partner and goes nowhere alone; signals and how to report a problem; the "
                        "meeting point and the time to be back; whom to turn to if hurt. Ask one of the "
                        "volunteers to repeat the main points.</p>",
                    )
                ),
                _heading(t("Адамдарды есепке алу", "Учёт людей", "The headcount")),
                _paragraph(
                    t(
                        "<p>Кеткенді де, қайтқанды да санаңыз: ауысым басында шыққандардың бәрін жазыңыз "
                        "(аты, жұбы, аумағы, телефоны), соңында қайтқандардың бәрін белгілеңіз. Ешкім "
                        "белгілетпей кетпейді. Егер біреу келісілген уақытта оралмаса және телефонға жауап "
                        "бермесе, бірден штабқа хабарлаңыз; оны іздеуге волонтерлерді өз бетімен "
                        "жібермеңіз.</p>",
                        "<p>Считайте людей на выходе и на возвращении: в начале смены запишите всех, кто "
                        "уходит (имя, пара, участок, телефон), в конце отметьте всех вернувшихся. Никто не "
                        "уходит с места, не отметившись. Если кто-то не вернулся к назначенному времени и не "
                        "отвечает, сразу сообщите в штаб; не отправляйте волонтёров искать его "
                        "самостоятельно.</p>",
                        "<p>Count people out and count them back: at the start of the shift write down "
                        "everyone who goes out (name, pair, sector, phone), and at the end tick off everyone "
                        "who returns. Nobody leaves the site without signing out. If someone is not back at "
                        "the agreed time and does not answer, tell headquarters at once; do not send "
                        "volunteers to look for them on their own.</p>",
                    )
                ),
                _callout(
                    "safety",
                    t("Ауысымдар мен демалыс", "Смены и отдых", "Shifts and rest"),
                    t(
                        "<p>Шаршаған адам қателеседі. Дене жұмысын үзіліспен, сумен және тамақпен 4–6 "
                        "сағаттан аспайтын ауысымдармен жоспарлаңыз; суықта, ыстықта немесе түтінде "
                        "адамдарды жиірек ауыстырыңыз. Ауырып қалған, қатты шаршаған немесе күйзелген "
                        "адамды, ол қалғысы келсе де, үйіне жіберіңіз.</p>",
                        "<p>Уставшие люди ошибаются. Планируйте смены физической работы не дольше 4–6 часов, "
                        "с перерывами, водой и едой; в холод, жару или дым меняйте людей чаще. Отправляйте "
                        "домой тех, кому стало плохо, кто вымотан или потрясён, даже если они хотят "
                        "остаться.</p>",
                        "<p>Tired people make mistakes. Plan shifts of physical work of no more than four to "
                        "six hours, with breaks, water and food; in cold, heat or smoke, rotate people more "
                        "often. Send home anyone who is unwell, exhausted or shaken, even if they want to "
                        "stay.</p>",
                    ),
                ),
            ],
        ),
        Lesson(
            slug="after",
            title=t(
                "Төтенше жағдайдан кейін: қорытынды және командаға қамқорлық",
                "После ЧС: разбор и забота о команде",
                "After an emergency: debriefing and caring for the team",
            ),
            minutes=20,
            body=[
                _paragraph(
                    t(
                        "<p>Су қайтқанда жұмыс бітпейді. Соңғы рет адамдарды санаңыз — бәрі оралып, есепке "
                        "алынуы керек. Жабдықты қайтарып, тексеріңіз. Штабқа не істелгенін, қай жерде, "
                        "жарақаттар болды ма, тұрғындардың қандай өтініштері шешілмей қалғанын "
                        "хабарлаңыз.</p>",
                        "<p>Работа не заканчивается, когда уходит вода. Проведите последний учёт — все "
                        "должны вернуться и быть отмечены. Верните и проверьте снаряжение. Передайте в штаб, "
                        "что и где сделано, были ли травмы, какие просьбы жителей остались без ответа.</p>",
                        "<p>The work does not end when the water goes down. Do a final headcount: everyone "
                        "must be back and accounted for. Return and check the kit. Tell headquarters what "
                        "was done and where, whether anyone was hurt, and which residents' requests are "
                        "still open.</p>",
                    )
                ),
                _heading(t("Қорытынды шығару", "Разбор", "The debriefing")),
                _paragraph(
                    t(
                        "<p>Бірнеше күн ішінде команданы жинаңыз: не жақсы болды, не нашар болды, келесі "
                        "жолы нені өзгерту керек. Волонтерлердің еңбегі ескерілуі үшін платформада "
                        "сағаттарды растаңыз. Адамдарға жеке де, жұрт алдында да алғыс айтыңыз.</p>",
                        "<p>В течение нескольких дней соберите команду: что получилось, что пошло не так, "
                        "что изменить в следующий раз. Подтвердите часы на платформе, чтобы труд волонтёров "
                        "был учтён. Поблагодарите людей лично и публично.</p>",
                        "<p>Within a few days, gather the team: what went well, what went wrong, what to "
                        "change next time. Confirm the hours on the platform so the volunteers' work is "
                        "recorded. Thank people personally and publicly.</p>",
                    )
                ),
                _heading(
                    t("Төтенше жағдайдан кейінгі стресс", "Стресс после ЧС", "Stress after an emergency")
                ),
                _paragraph(
                    t(
                        "<p>Волонтерлер қираған үйлерді, жарақаттар мен қайғыны көреді. Ұйқының бұзылуы, "
                        "ашушаңдық, еріксіз еске түсетін көріністер, шаршау — қалыпты реакциялар, әдетте "
                        "олар бірнеше аптада өтеді. Командаңызбен сөйлесіңіз, демалысқа, күн тәртібіне, "
                        "ұйқыға шақырыңыз. Реакциялар 2–4 аптадан кейін басылмаса немесе өте ауыр болса, "
                        "психологқа жүгінуге кеңес беріңіз. Үйлестірушіге де демалыс керек.</p>",
                        "<p>Волонтёры видят разрушенные дома, травмы и горе. Нарушения сна, "
                        "раздражительность, навязчивые воспоминания, усталость — нормальные реакции, обычно "
                        "они проходят за несколько недель. Говорите с командой, поощряйте отдых, режим, сон. "
                        "Если реакции не ослабевают через 2–4 недели или очень тяжелы, посоветуйте "
                        "обратиться к психологу. Координатору отдых тоже нужен.</p>",
                        "<p>Volunteers see wrecked homes, injuries and grief. Poor sleep, irritability, "
                        "intrusive memories and tiredness are normal reactions and usually pass within a few "
                        "weeks. Talk with your team; encourage rest, routine and sleep. If the reactions "
                        "have not eased after two to four weeks, or are very severe, suggest seeing a "
                        "psychologist. Coordinators need rest too.</p>",
                    )
                ),
                _callout(
                    "important",
                    t("Деректер", "Данные", "Data"),
                    t(
                        "<p>Зардап шеккендер мен тұрғындардың тізімдері, бүлінген үйлердің суреттері — "
                        "дербес деректер. Оларды штабқа немесе ұйымдастырушыға тапсырыңыз, ашық чаттарға "
                        "салмаңыз, жеке телефондардағы көшірмелерін өшіріңіз.</p>",
                        "<p>Списки пострадавших и жителей, фотографии повреждённых домов — персональные "
                        "данные. Передайте их в штаб или организатору, не выкладывайте в открытые чаты, "
                        "удалите копии с личных телефонов.</p>",
                        "<p>Lists of victims and residents and photos of damaged homes are personal data. "
                        "Hand them to headquarters or the organiser, do not post them in open chats, and "
                        "delete the copies on personal phones.</p>",
                    ),
                ),
            ],
        ),
        Lesson(
            slug="first-aid",
            title=t(
                "Алғашқы көмек және алғашқы психологиялық көмек",
                "Первая помощь и психологическая первая помощь",
                "First aid and psychological first aid",
            ),
            minutes=40,
            body=[
                _paragraph(
                    t(
                        "<p>Бұл сабақ алғашқы көмектің практикалық курсын алмастырмайды: оны білікті "
                        "нұсқаушыдан, мысалы, Қазақстан Қызыл Жарты Ай қоғамынан өтіңіз. Мұнда — әр "
                        "үйлестіруші білуге тиіс негіздер. Басты қағидат: зиян келтірме.</p>",
                        "<p>Этот урок не заменяет практический курс первой помощи: пройдите его у "
                        "квалифицированного инструктора, например в Обществе Красного Полумесяца Казахстана. "
                        "Здесь — основы, которые должен знать каждый координатор. Главный принцип: не "
                        "навреди.</p>",
                        "<p>This lesson does not replace a practical first-aid course: take one with a "
                        "qualified instructor, for example with the Kazakhstan Red Crescent Society. Here "
                        "are the basics every coordinator should know. The first principle: do no harm.</p>",
                    )
                ),
                _heading(t("Әрекеттер тәртібі", "Порядок действий", "What to do, in order")),
                _paragraph(
                    t(
                        "<ol><li><b>Қауіпсіздік.</b> Өзіңізге және зардап шеккенге қауіп жоқ екеніне көз "
                        "жеткізіңіз: көлік, от, су, электр, құлайтын заттар. Қауіпті болса, жақындамаңыз, "
                        "112 нөміріне қоңырау шалыңыз.</li><li><b>Ес-түсі.</b> Дауыстап сөйлеп, иығынан "
                        "ақырын сілкіңіз: жауап бере ме?</li><li><b>Көмек шақыру.</b> 103 немесе 112: "
                        "мекенжай немесе бағдар, не болды, қанша адам зардап шекті, олардың жағдайы. Тұтқаны "
                        "бірінші болып қоймаңыз.</li><li><b>Тыныс алу.</b> Тыныс жолын ашыңыз (басын артқа "
                        "шалқайтып, иегін көтеріңіз), 10 секунд бойы қараңыз, тыңдаңыз, "
                        "сезініңіз.</li><li><b>Қалыпты тыныс алмаса</b> — кеуденің ортасын минутына 100–120 "
                        "рет басуды бастаңыз (үйретілген болсаңыз — 30 басу мен 2 үрлеу), көмек келгенше "
                        "тоқтатпаңыз.</li><li><b>Тыныс алса, бірақ есі болмаса</b> — қауіпсіз бүйірлік "
                        "қалыпқа жатқызып, тынысын тексеріп тұрыңыз.</li><li><b>Қатты қан кетсе</b> — жараны "
                        "таза матамен қатты басып, басуды тоқтатпаңыз.</li></ol><p>Қауіп болмаса, зардап "
                        "шеккенді орнынан қозғамаңыз (омыртқасы жарақаттануы мүмкін). Есі жоқ немесе ауыр "
                        "жарақат алған адамға дәрі, тамақ, сусын бермеңіз. Оны жылытып, қасында болыңыз.</p>",
                        "<ol><li><b>Безопасность.</b> Убедитесь, что опасности нет ни для вас, ни для "
                        "пострадавшего: транспорт, огонь, вода, электричество, падающие предметы. Если "
                        "опасно — не подходите, звоните 112.</li><li><b>Сознание.</b> Громко обратитесь, "
                        "осторожно потрясите за плечи: отвечает ли?</li><li><b>Вызов помощи.</b> 103 или "
                        "112: адрес или ориентиры, что случилось, сколько пострадавших, их состояние. Не "
                        "кладите трубку первым.</li><li><b>Дыхание.</b> Откройте дыхательные пути "
                        "(запрокиньте голову, поднимите подбородок), 10 секунд смотрите, слушайте, "
                        "ощущайте.</li><li><b>Если не дышит нормально</b> — начинайте надавливания на центр "
                        "грудной клетки с частотой 100–120 в минуту (если обучены — 30 надавливаний и 2 "
                        "вдоха) и не прекращайте до прибытия помощи.</li><li><b>Если дышит, но без "
                        "сознания</b> — переведите в устойчивое боковое положение и продолжайте следить за "
                        "дыханием.</li><li><b>При сильном кровотечении</b> — плотно прижмите рану чистой "
                        "тканью и не отпускайте.</li></ol><p>Не перемещайте пострадавшего без угрозы на "
                        "месте (возможна травма позвоночника). Не давайте лекарств, еды и питья тому, кто "
                        "без сознания или тяжело травмирован. Укройте, чтобы согреть, и оставайтесь "
                        "рядом.</p>",
                        "<ol><li><b>Safety.</b> Make sure there is no danger to you or the casualty: "
                        "traffic, fire, water, electricity, falling objects. If it is dangerous, do not go "
                        "near; call 112.</li><li><b>Response.</b> Speak loudly and gently shake their "
                        "shoulders: do they respond?</li><li><b>Call for help.</b> 103 or 112: the address "
                        "or landmarks, what happened, how many are hurt and how they are. Do not hang up "
                        "first.</li><li><b>Breathing.</b> Open the airway (tilt the head back, lift the "
                        "chin), then look, listen and feel for ten seconds.</li><li><b>Not breathing "
                        "normally:</b> start pressing on the centre of the chest, 100 to 120 times a minute "
                        "(30 compressions to 2 rescue breaths if you are trained), and keep going until help "
                        "arrives.</li><li><b>Breathing but unresponsive:</b> put them in the recovery "
                        "position and keep checking their breathing.</li><li><b>Heavy bleeding:</b> press "
                        "hard on the wound with a clean cloth and keep pressing.</li></ol><p>Do not move a "
                        "casualty unless they are in danger where they are (the spine may be injured). Give "
                        "no medicine, food or drink to someone who is unresponsive or badly hurt. Keep them "
                        "warm and stay with them.</p>",
                    )
                ),
                _heading(
                    t(
                        "Алғашқы психологиялық көмек",
                        "Психологическая первая помощь",
                        "Psychological first aid",
                    )
                ),
                _paragraph(
                    t(
                        "<p>Күйзелістегі адамға терапия емес, адами әрі нақты қолдау керек. Дүниежүзілік "
                        "денсаулық сақтау ұйымы үш әрекетті ұсынады.</p><ul><li><b>Қара:</b> қауіпсіздікті "
                        "тексер, шұғыл қажеттілігі бар және қатты күйзелген адамдарды "
                        "байқа.</li><li><b>Тыңда:</b> жақында, өзіңді таныстыр, не қажет екенін, не "
                        "мазалайтынын сұра; болған оқиға туралы айтуға мәжбүрлемей "
                        "тыңда.</li><li><b>Байланыстыр:</b> негізгі қажеттіліктерін өтеуге (су, жылу, "
                        "туыстарына қоңырау), ақпарат пен қызметтерді табуға, жақындарымен байланысуға "
                        "көмектес.</li></ul><p>Орындай алмайтын уәде бермеңіз («бәрі жақсы болады», "
                        "«үйіңізді қалпына келтіреді»), егжей-тегжейін айтуға мәжбүрлемеңіз, кім кінәлі "
                        "екенін талқыламаңыз, адамның тарихын басқаларға айтпаңыз.</p>",
                        "<p>Человеку в шоке нужна не терапия, а человеческая и практическая поддержка. "
                        "Всемирная организация здравоохранения предлагает три "
                        "действия.</p><ul><li><b>Смотрите:</b> проверьте безопасность, заметьте людей со "
                        "срочными нуждами и в сильном стрессе.</li><li><b>Слушайте:</b> подойдите, "
                        "представьтесь, спросите, что нужно и что беспокоит; слушайте, не заставляя "
                        "рассказывать о случившемся.</li><li><b>Связывайте:</b> помогите удовлетворить "
                        "базовые потребности (вода, тепло, звонок родным), получить информацию и услуги, "
                        "связаться с близкими.</li></ul><p>Не обещайте того, что не зависит от вас («всё "
                        "будет хорошо», «дом вам восстановят»), не выпытывайте подробности, не обсуждайте, "
                        "кто виноват, не пересказывайте чужую историю.</p>",
                        "<p>A person in shock needs humane, practical support, not therapy. The World Health "
                        "Organization suggests three actions.</p><ul><li><b>Look:</b> check for safety, and "
                        "notice people with urgent needs and those in serious "
                        "distress.</li><li><b>Listen:</b> approach, introduce yourself, ask what they need "
                        "and what worries them; listen without pressing them to talk about what "
                        "happened.</li><li><b>Link:</b> help them meet basic needs (water, warmth, a call to "
                        "relatives), find information and services, and reach their loved "
                        "ones.</li></ul><p>Do not promise what is not yours to promise (“everything will be "
                        "fine”, “they will rebuild your house”), do not press for details, do not discuss "
                        "who is to blame, and do not repeat people's stories to others.</p>",
                    )
                ),
                _callout(
                    "safety",
                    t("Күмәндансаңыз — қоңырау шалыңыз", "Сомневаетесь — звоните", "If in doubt, call"),
                    t(
                        "<p>Кез келген күмән болса, 103 немесе 112 нөміріне қоңырау шалыңыз. Өлгісі "
                        "келетінін айтқан немесе өзіне не басқаларға қауіп төндіретін адамды жалғыз "
                        "қалдыруға болмайды: қасында болып, оны медиктерге немесе полицияға тапсырыңыз.</p>",
                        "<p>При любом сомнении звоните 103 или 112. Человека, который говорит, что хочет "
                        "умереть, или опасен для себя или других, нельзя оставлять одного: будьте рядом и "
                        "передайте его медикам или полиции.</p>",
                        "<p>Whenever in doubt, call 103 or 112. Someone who says they want to die, or who is "
                        "a danger to themselves or others, must not be left alone: stay with them and hand "
                        "them over to medics or the police.</p>",
                    ),
                ),
                (
                    "quiz",
                    Quiz(
                        title=CHECK_YOURSELF,
                        questions=[
                            Question(
                                t(
                                    "Көрші ауданда су тасқыны болды, чаттағы волонтерлер дәл қазір шыққысы "
                                    "келеді. Сіздің алғашқы қадамыңыз?",
                                    "В соседнем районе паводок, волонтёры в чате хотят выехать прямо сейчас. "
                                    "Ваш первый шаг?",
                                    "There is a flood in the next district and volunteers in your chat want "
                                    "to set off right now. What is your first step?",
                                ),
                                [
                                    _right(
                                        "Жедел штабпен (әкімдік, ТЖМ немесе 112 арқылы) байланысып, олар "
                                        "айтқан жерге және уақытта ғана шығамыз",
                                        "Связаться с оперативным штабом (через акимат, МЧС или 112) и "
                                        "выезжать только туда и тогда, куда и когда скажут",
                                        "Contact the emergency headquarters (through the akimat, the "
                                        "emergency services or 112) and go only where and when they say",
                                    ),
                                    _wrong(
                                        "Дереу шығып, не істеу керегін орнында анықтаймыз",
                                        "Сразу выехать и разобраться на месте",
                                        "Drive out at once and work out what to do there",
                                    ),
                                    _wrong(
                                        "Көбірек аумақты қамту үшін әркім бөлек барсын",
                                        "Пусть каждый едет отдельно, чтобы охватить больше территории",
                                        "Tell everyone to go separately to cover more ground",
                                    ),
                                ],
                                t(
                                    "Өз бетімен шығу құтқарушыларға кедергі келтіреді. Көмекті штаб "
                                    "үйлестіреді.",
                                    "Самовольный выезд мешает спасателям. Помощь координирует штаб.",
                                    "Going on your own gets in the rescuers' way. Headquarters co-ordinates "
                                    "the help.",
                                ),
                            ),
                            Question(
                                t(
                                    "Ауысым алдындағы нұсқамада не болуы керек?",
                                    "Что должно быть в инструктаже перед сменой?",
                                    "What must the briefing before a shift include?",
                                ),
                                [
                                    _right(
                                        "Тапсырма және жұмыс аумағының шекарасы",
                                        "Задача и границы рабочей зоны",
                                        "The task and the limits of the work area",
                                    ),
                                    _right(
                                        "Қауіптер және не кию керек",
                                        "Опасности и во что одеться",
                                        "The hazards and what to wear",
                                    ),
                                    _right(
                                        "Жұптар, жиналу орны және қайту уақыты",
                                        "Пары, место сбора и время возвращения",
                                        "Pairs, the meeting point and the time to be back",
                                    ),
                                    _wrong(
                                        "Әлеуметтік желіге арналған суреттер",
                                        "Фотографии для соцсетей",
                                        "Photos for social media",
                                    ),
                                ],
                                t(
                                    "Нұсқама әркім не істейтінін, қандай қауіп барын, кіммен жүретінін және "
                                    "қашан оралатынын білуі үшін өткізіледі.",
                                    "Инструктаж нужен, чтобы каждый знал, что делает, чего опасаться, с кем "
                                    "работает и когда возвращается.",
                                    "The briefing makes sure everyone knows what they are doing, what to "
                                    "watch out for, who they are with and when to be back.",
                                ),
                            ),
                            Question(
                                t(
                                    "Ауысым соңында 20 волонтердің біреуі оралмады және телефонға жауап "
                                    "бермейді. Не істейсіз?",
                                    "В конце смены один из 20 волонтёров не вернулся и не отвечает на "
                                    "звонки. Что вы сделаете?",
                                    "At the end of the shift one of your 20 volunteers has not come back and "
                                    "does not answer the phone. What do you do?",
                                ),
                                [
                                    _right(
                                        "Соңғы белгілі орнын және жұбын айтып, бірден штабқа хабарлаймын",
                                        "Сразу сообщу в штаб, назвав последнее известное место и напарника",
                                        "Tell headquarters at once, giving the last known place and "
                                        "their partner",
                                    ),
                                    _wrong(
                                        "Оны іздеуге бірнеше волонтерді жіберемін",
                                        "Отправлю нескольких волонтёров на поиски",
                                        "Send a few volunteers to look for them",
                                    ),
                                    _wrong(
                                        "Бір сағат күтемін, бәлкім үйіне кеткен шығар",
                                        "Подожду час — наверное, ушёл домой",
                                        "Wait an hour: they have probably gone home",
                                    ),
                                ],
                                t(
                                    "Іздеуді құтқарушылар басқарады; әр минут маңызды. Өз бетімен іздеу "
                                    "жоғалғандардың санын көбейтуі мүмкін.",
                                    "Поисками руководят спасатели, и дорога каждая минута. Самостоятельные "
                                    "поиски могут добавить пропавших.",
                                    "Rescuers lead searches, and every minute counts. Searching on your own "
                                    "can add to the number of missing people.",
                                ),
                            ),
                            Question(
                                t(
                                    "Төтенше жағдайдың зардаптарын жоюға кімді алып бара аласыз?",
                                    "Кого можно взять на ликвидацию последствий ЧС?",
                                    "Whom may you take to an emergency response?",
                                ),
                                [
                                    _right(
                                        "Нұсқамадан өткен ересек волонтерлерді",
                                        "Совершеннолетних волонтёров, прошедших инструктаж",
                                        "Adult volunteers who have been briefed",
                                    ),
                                    _wrong(
                                        "Көмектескісі келетін 16 жастағы жасөспірімді",
                                        "16-летнего подростка, который очень хочет помочь",
                                        "A 16-year-old who really wants to help",
                                    ),
                                    _right(
                                        "Медициналық білімі бар 30 жастағы волонтерді",
                                        "30-летнего волонтёра с медицинским образованием",
                                        "A 30-year-old volunteer with medical training",
                                    ),
                                    _wrong(
                                        "Тіркелмей келген кез келген адамды",
                                        "Любого, кто пришёл без регистрации",
                                        "Anyone who turns up without registering",
                                    ),
                                ],
                                t(
                                    "Заң кәмелетке толмағандарды төтенше жағдайлардың зардаптарын жоюға "
                                    "тартуға тыйым салады; әр адам тіркеліп, нұсқамадан өтеді.",
                                    "Закон запрещает привлекать несовершеннолетних к ликвидации последствий "
                                    "ЧС; каждый регистрируется и проходит инструктаж.",
                                    "The law forbids involving minors in emergency response; everyone is "
                                    "registered and briefed.",
                                ),
                            ),
                            Question(
                                t(
                                    "Көмек тарату пунктінде әйел ыстықтан есінен танып қалды: есі жоқ, бірақ "
                                    "қалыпты тыныс алып жатыр. Қауіпсіздікті тексеріп, 103 нөміріне қоңырау "
                                    "шалғаннан кейін не істейсіз?",
                                    "На пункте раздачи помощи женщина потеряла сознание от жары: она без "
                                    "сознания, но дышит нормально. Что вы сделаете, проверив безопасность и "
                                    "позвонив 103?",
                                    "At an aid distribution point a woman has fainted in the heat: she is "
                                    "unresponsive but breathing normally. Having checked it is safe and "
                                    "called 103, what do you do?",
                                ),
                                [
                                    _right(
                                        "Қауіпсіз бүйірлік қалыпқа жатқызып, тынысын тексеріп отырамын",
                                        "Переведу её в устойчивое боковое положение и буду следить за "
                                        "дыханием",
                                        "Put her in the recovery position and keep checking her breathing",
                                    ),
                                    _wrong("Ауызына су құямын", "Дам ей воды", "Give her water to drink"),
                                    _wrong(
                                        "Көтеріп, өз көлігіммен ауруханаға апарамын",
                                        "Подниму и отвезу в больницу на своей машине",
                                        "Lift her and drive her to hospital in my car",
                                    ),
                                ],
                                t(
                                    "Бүйірлік қалып тыныс жолын ашық ұстайды. Есі жоқ адамға сусын беруге "
                                    "болмайды — тұншығып қалуы мүмкін.",
                                    "Боковое положение сохраняет дыхательные пути открытыми. Человеку без "
                                    "сознания нельзя давать пить — он может захлебнуться.",
                                    "The recovery position keeps the airway open. Never give a drink to "
                                    "someone who is unresponsive: they may choke.",
                                ),
                            ),
                            Question(
                                t(
                                    "Үйін су басқан тұрғын жылап, дірілдеп тұр. Алғашқы психологиялық көмек "
                                    "ретінде не көмектеседі?",
                                    "Жительница, чей дом затопило, плачет и дрожит. Что поможет в рамках "
                                    "психологической первой помощи?",
                                    "A resident whose house has flooded is crying and shaking. What helps, "
                                    "as psychological first aid?",
                                ),
                                [
                                    _right(
                                        "Өзімді таныстырып, су мен жылы орын ұсынып, тыңдаймын",
                                        "Представиться, предложить воду и тёплое место, выслушать",
                                        "Introduce myself, offer water and somewhere warm, and listen",
                                    ),
                                    _wrong(
                                        "Не болғанын егжей-тегжейлі айтуға мәжбүрлеймін",
                                        "Настойчиво расспросить о случившемся в подробностях",
                                        "Press her to describe what happened in detail",
                                    ),
                                    _right(
                                        "Туыстарына қоңырау шалып, көмекті қайдан алуға болатынын білуге "
                                        "көмектесемін",
                                        "Помочь позвонить родным и узнать, где получить помощь",
                                        "Help her call her relatives and find out where to get help",
                                    ),
                                    _wrong(
                                        "Мемлекет үйін міндетті түрде қалпына келтіреді деп уәде беремін",
                                        "Пообещать, что государство обязательно восстановит дом",
                                        "Promise her the state will rebuild her house",
                                    ),
                                ],
                                t(
                                    "Қара, тыңда, байланыстыр: қауіпсіздік, тыңдау және нақты көмек. "
                                    "Мәжбүрлемейміз және өзімізге байланысты емес нәрсеге уәде бермейміз.",
                                    "Смотреть, слушать, связывать: безопасность, внимание и практическая "
                                    "помощь. Не давить и не обещать того, что от нас не зависит.",
                                    "Look, listen, link: safety, attention and practical help. Do not press, "
                                    "and do not promise what is not in your hands.",
                                ),
                            ),
                        ],
                    ),
                ),
            ],
        ),
    ],
)

SILVER = Course(
    key="silver",
    slug="silver-first-steps",
    title=t(
        "Күміс волонтерлік: алғашқы қадамдар",
        "Серебряное волонтёрство: первые шаги",
        "Silver volunteering: first steps",
    ),
    summary=t(
        "50 жастан асқан және зейнеткер волонтерлерге: не істей аласыз, өз қарқыныңызбен және "
        "денсаулығыңызға қарай қалай көмектесуге болады, платформаны үйлестірушінің көмегімен және «Оңай "
        "оқу» режимімен қалай пайдалану керек, шеберлік пен тәжірибені қалай беру керек және алаяқтардан "
        "қалай сақтану керек.",
        "Для волонтёров старше 50 лет и пенсионеров: чем вы можете помочь, как помогать в своём темпе и с "
        "учётом здоровья, как пользоваться платформой с помощью координатора и в режиме «Лёгкое чтение», как "
        "передать мастерство и опыт и как уберечься от мошенников.",
        "For volunteers aged 50 and over and those who have retired: what you can do, how to help at your "
        "own pace and within your health, how to use the platform with a coordinator's help and the “Easy "
        "reading” mode, how to pass on your craft and experience, and how to keep safe from fraudsters.",
    ),
    outcomes=t(
        "<ul><li>тәжірибеңізге, қарқыныңызға және денсаулығыңызға сай тапсырма "
        "таңдайсыз;</li><li>платформаны өзіңіз немесе үйлестірушінің көмегімен пайдаланып, «Оңай оқу» "
        "режимін қосасыз;</li><li>шеберлігіңіз бен тәжірибеңізді үйірмеде немесе тәлімгер ретінде жастарға "
        "бересіз;</li><li>алаяқтықты танып, ақшаңыз бен дербес деректеріңізді қорғайсыз.</li></ul>",
        "<ul><li>выбираете задачи по своему опыту, темпу и здоровью;</li><li>пользуетесь платформой сами или "
        "с помощью координатора и включаете режим «Лёгкое чтение»;</li><li>передаёте мастерство и опыт "
        "молодым в кружке или как наставник;</li><li>распознаёте мошенничество и защищаете свои деньги и "
        "персональные данные.</li></ul>",
        "<ul><li>choose tasks that suit your experience, pace and health;</li><li>use the platform yourself "
        "or with a coordinator's help, and switch on “Easy reading”;</li><li>pass on your craft and "
        "experience to young people in a club or as a mentor;</li><li>recognise fraud and protect your money "
        "and personal data.</li></ul>",
    ),
    minutes=50,
    direction="qamqor",
    lessons=[
        Lesson(
            slug="what-you-can-do",
            title=t("Сіз не істей аласыз", "Чем вы можете помочь", "What you can do"),
            minutes=15,
            body=[
                _paragraph(
                    t(
                        "<p>Күміс волонтерлер — уақытын, білімін және өмірлік тәжірибесін басқалармен "
                        "бөлісетін 50 жастан асқан немесе зейнеткер адамдар. Платформада олардың белгісі "
                        "бар, ал үйлестірушілер күміс волонтерлерге лайық іс-шараларды белгілеп қояды. "
                        "Кәсіби тәжірибеңіз, бала тәрбиелеу, үй шаруашылығын жүргізу тәжірибеңіз — жас "
                        "волонтерлерге көбіне жетіспейтін нәрсе.</p>",
                        "<p>Серебряные волонтёры — люди старше 50 лет или пенсионеры, которые делятся "
                        "временем, знаниями и жизненным опытом. На платформе у них есть значок, а "
                        "координаторы отмечают мероприятия, подходящие серебряным волонтёрам. Ваш опыт — в "
                        "профессии, в воспитании детей, в ведении хозяйства — это то, чего часто не хватает "
                        "молодым волонтёрам.</p>",
                        "<p>Silver volunteers are people aged 50 and over, or retired, who share their time, "
                        "knowledge and experience of life. On the platform they have a badge, and "
                        "coordinators mark the events that suit silver volunteers. Your experience at work, "
                        "in bringing up children, in running a household, is exactly what young volunteers "
                        "often lack.</p>",
                    )
                ),
                _heading(
                    t(
                        "Күміс волонтерлер қайда керек",
                        "Где нужны серебряные волонтёры",
                        "Where silver volunteers are needed",
                    )
                ),
                _paragraph(
                    t(
                        "<ul><li><b>«Біргеміз: Білім»</b> — көршілерге смартфон мен eGov-ты пайдалануды "
                        "үйрету, балаларға сабақ оқуға көмектесу, қазақ тілінде сөйлесу клубтарын "
                        "жүргізу.</li><li><b>«Біргеміз: Қамқор»</b> — қарттар үйінің тұрғындарына барып, "
                        "әңгімелесу, кітап оқып беру, мерекелерді бірге атап өту.</li><li><b>«Біргеміз: Асыл "
                        "мұра»</b> — жастарға қаланың, ауылдың тарихын айтып беру, мұражайлар мен "
                        "мұрағаттарға көмектесу, естеліктерді жазып қалдыру.</li><li><b>«Біргеміз: "
                        "Сабақтастық»</b> — балаларды қорғау курсынан кейін жасөспірімдерге тәлімгер "
                        "болу.</li><li><b>Үйірмелер</b> — қолөнерге үйрету: кесте, ағаш өңдеу, киіз басу, "
                        "зергерлік, тағам дайындау.</li><li><b>Іс-шаралар</b> — қонақтарды қарсы алу, тіркеу "
                        "үстелі, қонақжайлық: күштен гөрі шыдамдылық пен жылулық керек "
                        "тапсырмалар.</li></ul>",
                        "<ul><li><b>«Біргеміз: Білім»</b> — научить соседей пользоваться смартфоном и eGov, "
                        "помочь детям с уроками, вести разговорные клубы на казахском "
                        "языке.</li><li><b>«Біргеміз: Қамқор»</b> — навещать жителей домов престарелых, "
                        "беседовать, читать вслух, вместе отмечать праздники.</li><li><b>«Біргеміз: Асыл "
                        "мұра»</b> — рассказывать молодёжи историю своего города или села, помогать музеям и "
                        "архивам, записывать воспоминания.</li><li><b>«Біргеміз: Сабақтастық»</b> — после "
                        "курса по защите детей стать наставником подростка.</li><li><b>Кружки</b> — учить "
                        "ремеслу: вышивке, работе по дереву, валянию войлока, ювелирному делу, "
                        "кулинарии.</li><li><b>Мероприятия</b> — встреча гостей, стойка регистрации, "
                        "гостеприимство: задачи, где терпение и теплота нужнее силы.</li></ul>",
                        "<ul><li><b>Birgemiz: Bilim</b>: teach neighbours to use a smartphone and eGov, help "
                        "children with homework, run conversation clubs in Kazakh.</li><li><b>Birgemiz: "
                        "Qamqor</b>: visit residents of care homes, talk, read aloud, celebrate holidays "
                        "together.</li><li><b>Birgemiz: Asyl mura</b>: tell young people the history of your "
                        "town or village, help museums and archives, record memories.</li><li><b>Birgemiz: "
                        "Sabaqtastyq</b>: after the safeguarding course, mentor a "
                        "teenager.</li><li><b>Clubs</b>: teach a craft such as embroidery, woodwork, felt "
                        "making, jewellery or cooking.</li><li><b>Events</b>: welcoming guests, the "
                        "registration desk, hospitality: tasks that call for patience and warmth more than "
                        "strength.</li></ul>",
                    )
                ),
                _callout(
                    "note",
                    t("Бастау үшін", "Чтобы начать", "To begin"),
                    t(
                        "<p>Сарапшы болудың қажеті жоқ. Уақытында келу, шыдамдылық және тыңдай білу — бастау "
                        "үшін осы жеткілікті.</p>",
                        "<p>Не нужно быть экспертом. Пунктуальности, терпения и умения слушать достаточно, "
                        "чтобы начать.</p>",
                        "<p>You do not need to be an expert. Being on time, patience and a readiness to "
                        "listen are enough to begin.</p>",
                    ),
                ),
            ],
        ),
        Lesson(
            slug="your-pace-and-the-platform",
            title=t(
                "Өз қарқыныңызбен: денсаулық және платформа",
                "В своём темпе: здоровье и платформа",
                "At your own pace: health and the platform",
            ),
            minutes=15,
            body=[
                _paragraph(
                    t(
                        "<p>Волонтерлік шаршатпай, қуаныш сыйлауы керек. Қаншалықты жиі және қанша уақыт "
                        "көмектесетініңізді өзіңіз таңдаңыз: айына бір рет екі сағаттық ауысым — нақты үлес. "
                        "Күміс волонтерлерге лайық деп белгіленген іс-шаралардың қарқыны бірқалыпты, "
                        "отыратын орын мен үзіліс қарастырылған.</p>",
                        "<p>Волонтёрство должно приносить радость, а не изматывать. Сами выбирайте, как "
                        "часто и сколько помогать: одна двухчасовая смена в месяц — настоящий вклад. На "
                        "мероприятиях с пометкой «подходит серебряным волонтёрам» спокойный темп, есть где "
                        "сесть и есть перерывы.</p>",
                        "<p>Volunteering should bring joy, not wear you out. Choose for yourself how often "
                        "and how long you help: one two-hour shift a month is a real contribution. Events "
                        "marked as suited to silver volunteers have a gentle pace, somewhere to sit and "
                        "breaks.</p>",
                    )
                ),
                _heading(t("Денсаулығыңызды күтіңіз", "Берегите здоровье", "Look after your health")),
                _paragraph(
                    t(
                        "<ul><li>Тапсырмаға қатысты шектеулер туралы үйлестірушіге айтыңыз. Диагнозды "
                        "түсіндірудің қажеті жоқ: «ауыр зат көтере алмаймын» немесе «ұзақ тұра алмаймын» деу "
                        "жеткілікті.</li><li>Дәрі-дәрмегіңізді, су мен жеңіл тамақ алыңыз.</li><li>Ыстықта "
                        "және суықта үй ішіндегі тапсырмаларды таңдаңыз.</li><li>Қажет кезде демалыңыз. Бас "
                        "тарту немесе ауысымды ерте аяқтау — қалыпты нәрсе, тек үйлестірушіге "
                        "айтыңыз.</li></ul>",
                        "<ul><li>Расскажите координатору об ограничениях, которые важны для задачи. "
                        "Объяснять диагноз не нужно: достаточно сказать «не могу поднимать тяжёлое» или «не "
                        "могу долго стоять».</li><li>Возьмите свои лекарства, воду и перекус.</li><li>В жару "
                        "и холод выбирайте задачи в помещении.</li><li>Отдыхайте, когда нужно. Отказаться "
                        "или закончить смену раньше — нормально, просто скажите координатору.</li></ul>",
                        "<ul><li>Tell the coordinator about any limits that matter for the task. You need "
                        "not explain a diagnosis: “I can't lift heavy things” or “I can't stand for long” is "
                        "enough.</li><li>Bring your medicines, water and a snack.</li><li>In heat and cold, "
                        "choose indoor tasks.</li><li>Rest when you need to. Saying no, or ending a shift "
                        "early, is fine: just tell the coordinator.</li></ul>",
                    )
                ),
                _heading(
                    t(
                        "Платформа — қажет болса, көмекпен",
                        "Платформа — с помощью, если нужно",
                        "The platform, with help if you need it",
                    )
                ),
                _paragraph(
                    t(
                        "<p><b>«Оңай оқу».</b> Әр беттің жоғарғы жағында «Оңай оқу» батырмасы бар: бір рет "
                        "басқанда мәтін ірілеп, контраст күшейеді, бет бір бағанға түседі. Қайтару үшін "
                        "«Қалыпты көрініс» батырмасын басыңыз. Таңдауыңыз есте "
                        "сақталады.</p><p><b>Электрондық поштаңыз немесе смартфоныңыз жоқ па?</b> "
                        "Фронт-офистің үйлестірушісі сізді жеке өзі тіркей алады: келісіміңізді қағаз "
                        "жүзінде бересіз де, бір реттік код аласыз, кейін сол код пен телефон нөміріңіз "
                        "арқылы аккаунтыңызды өзіңізге ала аласыз. Үйлестіруші сізді іс-шараларға да жаза "
                        "алады, ал сағаттарыңыз волонтер кітапшасына бәрібір жазылады. Немерелеріңізден "
                        "немесе басқа волонтерлерден көмек сұрауға болады, бірақ құпиясөзіңізді ешкімге "
                        "айтпаңыз.</p>",
                        "<p><b>«Лёгкое чтение».</b> Вверху каждой страницы есть кнопка «Лёгкое чтение»: одно "
                        "нажатие — и текст становится крупнее, контраст выше, страница выстраивается в одну "
                        "колонку. Чтобы вернуть как было, нажмите «Обычный вид». Выбор "
                        "запоминается.</p><p><b>Нет электронной почты или смартфона?</b> Координатор "
                        "фронт-офиса может зарегистрировать вас лично: вы даёте согласие на бумаге и "
                        "получаете одноразовый код, по которому потом вместе с номером телефона сможете "
                        "забрать аккаунт себе. Координатор может и записать вас на мероприятия, а ваши часы "
                        "всё равно попадут в книжку волонтёра. Можно попросить помощи у внуков или других "
                        "волонтёров, но пароль не сообщайте никому.</p>",
                        "<p><b>“Easy reading”.</b> At the top of every page there is an “Easy reading” "
                        "button: one click and the text gets larger, the contrast higher and the page falls "
                        "into one column. To go back, click “Standard view”. Your choice is "
                        "remembered.</p><p><b>No e-mail or smartphone?</b> A front office coordinator can "
                        "register you in person: you give your consent on paper and receive a one-time code, "
                        "with which, together with your phone number, you can later take over the account "
                        "yourself. The coordinator can also sign you up for events, and your hours still go "
                        "into your volunteer book. You may ask grandchildren or other volunteers for help, "
                        "but never tell anyone your password.</p>",
                    )
                ),
            ],
        ),
        Lesson(
            slug="experience-and-fraud",
            title=t(
                "Тәжірибе беру және алаяқтардан сақтану",
                "Передать опыт и уберечься от мошенников",
                "Passing on experience, keeping safe from fraud",
            ),
            minutes=20,
            body=[
                _paragraph(
                    t(
                        "<p>«Ата көрген оқ жонар» және «Ана көрген тон пішер» тегін үйірмелерін күміс "
                        "волонтерлер жүргізеді: шеберлер балалар мен жастарға зергерлікті, тоқымашылықты, "
                        "тігіншілікті, ағаш өңдеуді және басқа да өнерді үйретеді. Үйірме ашу үшін өз "
                        "өңіріңіздің волонтерлер фронт-офисіне хабарласыңыз; сабақтар платформада іс-шара "
                        "ретінде жарияланады.</p>",
                        "<p>Бесплатные кружки «Ата көрген оқ жонар» и «Ана көрген тон пішер» ведут "
                        "серебряные волонтёры: мастера учат детей и молодёжь ювелирному делу, ткачеству, "
                        "шитью, работе по дереву и другим ремёслам. Чтобы открыть кружок, обратитесь во "
                        "фронт-офис волонтёров своего региона; занятия публикуются на платформе как "
                        "мероприятия.</p>",
                        "<p>The free clubs “Ата көрген оқ жонар” (“the son shapes arrows as he saw his "
                        "father do”) and “Ана көрген тон пішер” (“the daughter cuts cloth as she saw her "
                        "mother do”) are led by silver volunteers: craftspeople teach children and young "
                        "people jewellery making, weaving, sewing, woodwork and other crafts. To open a "
                        "club, contact your region's volunteer front office; the classes are published on "
                        "the platform as events.</p>",
                    )
                ),
                _heading(
                    t("Шеберлікті қалай үйрету керек", "Как передать ремесло", "How to pass on a craft")
                ),
                _paragraph(
                    t(
                        "<ul><li>Бір сабақта аяқтауға болатын нәрседен бастаңыз: кішкентай жетістік "
                        "қызығушылықты арттырады.</li><li>Алдымен көрсетіңіз, содан кейін өздері жасасын; "
                        "қатесін сабырмен түзетіңіз.</li><li>Заттардың артындағы тарихты айтыңыз: "
                        "ою-өрнектің атауы, дәстүрдің шығу тегі.</li><li>Құралдармен қауіпсіз жұмыс: ине, "
                        "пышақ, ыстық үтік — ересектің бақылауымен, балаларға жасына сай "
                        "құралдар.</li><li>Балалар тобында балаларды қорғау ережелерін сақтаңыз: басқа "
                        "ересектердің көз алдында болыңыз.</li></ul>",
                        "<ul><li>Начинайте с того, что можно закончить за одно занятие: маленький успех "
                        "поддерживает интерес.</li><li>Сначала покажите, потом дайте сделать самим; ошибки "
                        "поправляйте мягко.</li><li>Рассказывайте истории, которые стоят за вещами: названия "
                        "орнаментов, откуда пришла традиция.</li><li>Безопасность с инструментами: иглы, "
                        "ножи, горячий утюг — под присмотром взрослого, детям — инструменты по "
                        "возрасту.</li><li>В группах с детьми соблюдайте правила защиты детей: будьте на "
                        "виду у других взрослых.</li></ul>",
                        "<ul><li>Start with something that can be finished in one session: a small success "
                        "keeps interest alive.</li><li>Show first, then let them do it themselves; correct "
                        "mistakes gently.</li><li>Tell the stories behind things: the names of ornaments, "
                        "where a tradition comes from.</li><li>Safety with tools: needles, knives and hot "
                        "irons under an adult's eye, and tools that suit the children's age.</li><li>In "
                        "groups with children, follow the safeguarding rules: stay in sight of other "
                        "adults.</li></ul>",
                    )
                ),
                _heading(t("Алаяқтардан сақтаныңыз", "Берегитесь мошенников", "Keep safe from fraud")),
                _paragraph(
                    t(
                        "<p>Алаяқтар көбіне егде жастағы адамдарды нысанаға алады, соның ішінде волонтер "
                        "немесе «әлеуметтік қызмет» болып көрінуі мүмкін. Есте "
                        "сақтаңыз:</p><ul><li>волонтерлік тегін: қосылу, сертификат немесе «волонтер "
                        "картасы» үшін ешкім ақша сұрай алмайды;</li><li>платформа мен үйлестірушілер "
                        "ешқашан банк картасының нөмірін, PIN кодты немесе SMS кодты "
                        "сұрамайды;</li><li>банк, полиция немесе «қауіпсіздік қызметі» ешқашан ақшаны "
                        "«қауіпсіз шотқа» аударуды сұрамайды — тұтқаны қойып, картаның артындағы банк "
                        "нөміріне өзіңіз қоңырау шалыңыз;</li><li>үйлестіруші алдын ала ескертпесе, "
                        "«волонтерлер орталығынан келдік» дейтін бейтаныс адамдарды үйге кіргізбеңіз, "
                        "олардың атын үйлестірушіден тексеріңіз;</li><li>оқымаған қағазға қол "
                        "қоймаңыз.</li></ul>",
                        "<p>Мошенники часто выбирают своей целью пожилых людей — в том числе притворяясь "
                        "волонтёрами или «социальной службой». Помните:</p><ul><li>волонтёрство бесплатно: "
                        "никто не вправе просить деньги за вступление, сертификат или «карту "
                        "волонтёра»;</li><li>платформа и координаторы никогда не спрашивают номер банковской "
                        "карты, PIN-код или код из SMS;</li><li>банк, полиция или «служба безопасности» "
                        "никогда не просят перевести деньги на «безопасный счёт» — положите трубку и сами "
                        "позвоните в банк по номеру на обороте карты;</li><li>не впускайте незнакомцев, "
                        "которые говорят, что они «от волонтёров», если координатор не предупредил вас "
                        "заранее; проверьте их имя у координатора;</li><li>не подписывайте бумаг, которые не "
                        "прочитали.</li></ul>",
                        "<p>Fraudsters often target older people, sometimes by pretending to be volunteers "
                        "or “social services”. Remember:</p><ul><li>volunteering is free: no one may ask you "
                        "to pay for joining, for a certificate or for a “volunteer card”;</li><li>the "
                        "platform and coordinators never ask for a bank card number, a PIN or a code from a "
                        "text message;</li><li>a bank, the police or a “security service” never asks you to "
                        "move money to a “safe account”: hang up and ring your bank yourself on the number "
                        "on the back of your card;</li><li>do not let in strangers who say they are “from "
                        "the volunteers” unless the coordinator warned you; check their name with the "
                        "coordinator;</li><li>do not sign papers you have not read.</li></ul>",
                    )
                ),
                _callout(
                    "safety",
                    t("Күмәндансаңыз", "Если сомневаетесь", "If in doubt"),
                    t(
                        "<p>Әңгімені тоқтатыңыз, асықпаңыз, сенетін адамыңызға немесе үйлестірушіге қоңырау "
                        "шалыңыз. Алданып қалсаңыз, картаны бұғаттау үшін бірден банкке, содан кейін 102 "
                        "нөмірі бойынша полицияға хабарласыңыз.</p>",
                        "<p>Прервите разговор, не торопитесь, позвоните тому, кому доверяете, или "
                        "координатору. Если вас обманули, сразу позвоните в банк, чтобы заблокировать карту, "
                        "а затем в полицию по номеру 102.</p>",
                        "<p>Stop the conversation, take your time, and call someone you trust or your "
                        "coordinator. If you have been deceived, ring your bank at once to block the card, "
                        "then the police on 102.</p>",
                    ),
                ),
                (
                    "quiz",
                    Quiz(
                        title=CHECK_YOURSELF,
                        questions=[
                            Question(
                                t(
                                    "Жаңа бастаған күміс волонтерге қандай тапсырмалар лайық?",
                                    "Какие задачи подходят серебряному волонтёру, который только начинает?",
                                    "Which tasks suit a silver volunteer who is just starting?",
                                ),
                                [
                                    _right(
                                        "Балаларға арналған қолөнер үйірмесін жүргізу",
                                        "Вести кружок ремёсел для детей",
                                        "Leading a craft club for children",
                                    ),
                                    _right(
                                        "Көршілерге смартфонда eGov-ты пайдалануды үйрету",
                                        "Учить соседей пользоваться eGov на смартфоне",
                                        "Teaching neighbours to use eGov on a smartphone",
                                    ),
                                    _wrong(
                                        "Құтқарушылармен бірге жанып жатқан үйге кіру",
                                        "Входить вместе со спасателями в горящий дом",
                                        "Going into a burning building with the rescuers",
                                    ),
                                    _right(
                                        "Қарттар үйінің тұрғындарына бару",
                                        "Навещать жителей дома престарелых",
                                        "Visiting residents of a care home",
                                    ),
                                ],
                                t(
                                    "Тәжірибеңіз үйірмеде, сабақта және қарттарға қамқорлықта керек. Өртке "
                                    "кіру — құтқарушылардың ісі, волонтердікі емес.",
                                    "Ваш опыт нужен в кружке, на занятиях и в заботе о пожилых. Входить в "
                                    "горящий дом — дело спасателей, а не волонтёров.",
                                    "Your experience is wanted in clubs, classes and caring for older "
                                    "people. Going into a fire is the rescuers' job, not a volunteer's.",
                                ),
                            ),
                            Question(
                                t(
                                    "Тізеңіз ауырады, ұзақ тұра алмайсыз. Үйлестіруші тіркеу үстеліндегі "
                                    "ауысымды ұсынды. Не істейсіз?",
                                    "У вас болит колено, и вы не можете долго стоять. Координатор предлагает "
                                    "смену на стойке регистрации. Что вы сделаете?",
                                    "Your knee hurts and you cannot stand for long. The coordinator offers "
                                    "you a shift at the registration desk. What do you do?",
                                ),
                                [
                                    _right(
                                        "Шектеуім туралы айтып, орындығы бар тапсырманы келісемін; қажет "
                                        "болса, ерте кетемін",
                                        "Скажу об ограничении и договорюсь о задаче со стулом; если "
                                        "нужно, уйду раньше",
                                        "Tell the coordinator about it and agree on a task with a chair; "
                                        "leave early if I need to",
                                    ),
                                    _wrong(
                                        "Әлсіз көрінбеу үшін ештеңе айтпаймын",
                                        "Промолчу, чтобы не показаться слабым",
                                        "Say nothing so as not to seem weak",
                                    ),
                                    _wrong(
                                        "Волонтерліктен мүлдем бас тартамын",
                                        "Совсем откажусь от волонтёрства",
                                        "Give up volunteering altogether",
                                    ),
                                ],
                                t(
                                    "Үйлестіруші шектеулеріңізді білсе, сізге лайық тапсырма таба алады. "
                                    "Денсаулығыңыз бірінші орында.",
                                    "Зная ваши ограничения, координатор подберёт подходящую задачу. Здоровье "
                                    "важнее всего.",
                                    "Once the coordinator knows your limits, they can find a task that suits "
                                    "you. Your health comes first.",
                                ),
                            ),
                            Question(
                                t(
                                    "Сайттағы мәтінді қалай ірілетуге болады?",
                                    "Как сделать текст на сайте крупнее?",
                                    "How do you make the site's text larger?",
                                ),
                                [
                                    _right(
                                        "Беттің жоғарғы жағындағы «Оңай оқу» батырмасын басу",
                                        "Нажать кнопку «Лёгкое чтение» вверху страницы",
                                        "Click the “Easy reading” button at the top of the page",
                                    ),
                                    _wrong(
                                        "Үйлестірушіден сайттың басып шығарылған нұсқасын сұрау",
                                        "Попросить координатора распечатать сайт",
                                        "Ask the coordinator for a printed copy of the site",
                                    ),
                                    _wrong("Бұлай істеуге болмайды", "Это невозможно", "It cannot be done"),
                                ],
                                t(
                                    "«Оңай оқу» бір рет басқанда қосылады және есте сақталады; «Қалыпты "
                                    "көрініс» оны өшіреді.",
                                    "«Лёгкое чтение» включается одним нажатием и запоминается; «Обычный вид» "
                                    "выключает его.",
                                    "“Easy reading” comes on with one click and is remembered; “Standard "
                                    "view” turns it off.",
                                ),
                            ),
                            Question(
                                t(
                                    "Біреу қоңырау шалып: «Мен волонтерлер орталығынанмын, сертификатыңызды "
                                    "алу үшін 5 000 теңге төлеп, SMS-тегі кодты айтыңыз», — дейді. Не дұрыс?",
                                    "Вам звонят: «Я из волонтёрского центра, чтобы получить сертификат, "
                                    "оплатите 5 000 тенге и назовите код из SMS». Что правильно?",
                                    "Someone rings: “I'm from the volunteer centre; to get your certificate, "
                                    "pay 5,000 tenge and tell me the code from the text message.” What is "
                                    "right?",
                                ),
                                [
                                    _right(
                                        "Тұтқаны қою — волонтерлік те, сертификат та тегін",
                                        "Положить трубку — и волонтёрство, и сертификат бесплатны",
                                        "Hang up: volunteering and certificates are free",
                                    ),
                                    _wrong(
                                        "Орталықтан болғандықтан кодты айту",
                                        "Назвать код — ведь это из центра",
                                        "Give the code, since they are from the centre",
                                    ),
                                    _right(
                                        "Үйлестірушіге немесе фронт-офиске өзіңіз білетін нөмір бойынша "
                                        "қоңырау шалу",
                                        "Позвонить координатору или во фронт-офис по номеру, который вы "
                                        "знаете",
                                        "Call your coordinator or the front office on a number you know",
                                    ),
                                    _wrong(
                                        "Сома аз болғандықтан төлеп жіберу",
                                        "Заплатить — сумма ведь небольшая",
                                        "Pay, as it is not much",
                                    ),
                                ],
                                t(
                                    "Волонтерлік үшін ешкім ақша сұрамайды, ал SMS кодты ешкімге айтпайды. "
                                    "Күмәнді қоңырауды өзіңіз білетін нөмір арқылы тексеріңіз.",
                                    "За волонтёрство денег не просят, а код из SMS никому не называют. "
                                    "Сомнительный звонок проверяйте по номеру, который знаете сами.",
                                    "No one asks for money for volunteering, and a code from a text message "
                                    "is never told to anyone. Check a doubtful call on a number you know "
                                    "yourself.",
                                ),
                            ),
                            Question(
                                t(
                                    "Үйірмеде бала жұмысын артқы бөлмеде сізбен екеуара аяқтауды сұрайды. Не "
                                    "істейсіз?",
                                    "В кружке ребёнок просит доделать работу с вами вдвоём в подсобке. Что "
                                    "вы сделаете?",
                                    "At your club a child asks to finish their work alone with you in the "
                                    "back room. What do you do?",
                                ),
                                [
                                    _right(
                                        "Басқа ересектер көріп тұратын ортақ бөлмеде қаламыз",
                                        "Останемся в общей комнате, где нас видят другие взрослые",
                                        "Stay in the shared room where other adults can see us",
                                    ),
                                    _wrong(
                                        "Артқы бөлмеге барамыз — онда тыныш",
                                        "Пойдём в подсобку — там тише",
                                        "Go to the back room, where it is quieter",
                                    ),
                                ],
                                t(
                                    "Баламен басқалардың көзінен тыс оңаша қалмаймыз: бұл баланы да, сізді "
                                    "де қорғайды.",
                                    "С ребёнком не остаются наедине вне поля зрения других: это защищает и "
                                    "ребёнка, и вас.",
                                    "Never be alone with a child out of other people's sight: it protects "
                                    "the child and you.",
                                ),
                            ),
                        ],
                    ),
                ),
            ],
        ),
    ],
)

COURSES = [INTRODUCTION, SAFEGUARDING, EMERGENCY, SILVER]


def _quiz_value(name: str, quiz: Quiz) -> dict:
    """The quiz as raw stream data. The data lists a question's right answers first, for the reader of this
    module; the page shows them turned round by an amount fixed for each question, so the first choice is not
    always the right one. A choice's id is named after its place in the data ("…/q2/a")."""
    questions = []
    for number, question in enumerate(quiz.questions, 1):
        right = sum(1 for _text, correct in question.choices if correct)
        choices = [
            {
                "type": "item",
                "id": block_id(f"{name}/q{number}/{letter}"),
                "value": {"text": text, "correct": correct},
            }
            for letter, (text, correct) in zip(ascii_lowercase, question.choices, strict=False)
        ]
        turn = uuid.uuid5(BLOCK_NAMESPACE, f"{name}/q{number}").int % len(choices)
        choices = choices[turn:] + choices[:turn]
        questions.append(
            {
                "type": "item",
                "id": block_id(f"{name}/q{number}"),
                "value": {
                    "text": question.text,
                    "kind": QuestionKind.MULTIPLE if right > 1 else QuestionKind.SINGLE,
                    "choices": choices,
                    "explanation": question.explanation,
                },
            }
        )
    return {"title": quiz.title, "questions": questions}


def _lesson_body(course: Course, lesson: Lesson) -> list[tuple]:
    """The lesson's blocks as (type, value, id), ids named after the course, the lesson and the block's place
    (the quiz after its lesson only, so that adding a paragraph to the data does not move it)."""
    blocks = []
    for number, (kind, value) in enumerate(lesson.body, 1):
        name = f"{course.key}/{lesson.slug}/{'quiz' if kind == 'quiz' else number}"
        blocks.append((kind, _quiz_value(name, value) if kind == "quiz" else value, block_id(name)))
    return blocks


def _specs() -> list[PageSpec]:
    """Parents before their children, and a course after the courses it requires."""
    specs = [
        PageSpec(
            "training", ProgrammeIndexPage, "home", "training", {"title": INDEX_TITLE, "intro": INDEX_INTRO}
        )
    ]
    for course in COURSES:
        course_key = f"course-{course.key}"
        specs.append(
            PageSpec(
                course_key,
                CoursePage,
                "training",
                course.slug,
                {
                    "title": course.title,
                    "summary": course.summary,
                    "direction": Ref("direction", course.direction) if course.direction else None,
                    "level": course.level,
                    "duration_minutes": course.minutes,
                    "outcomes": course.outcomes,
                    "minors_allowed": course.minors_allowed,
                    "qualification": course.qualification,
                    "validity_months": course.validity_months,
                    "prerequisites": [Ref("page", f"course-{key}") for key in course.prerequisites],
                },
            )
        )
        for lesson in course.lessons:
            specs.append(
                PageSpec(
                    f"lesson-{course.key}-{lesson.slug}",
                    LessonPage,
                    course_key,
                    lesson.slug,
                    {
                        "title": lesson.title,
                        "duration_minutes": lesson.minutes,
                        "body": _lesson_body(course, lesson),
                    },
                )
            )
    return specs


def _main_menu_ensure(index: ProgrammeIndexPage, home: Page) -> int:
    """The programme joins the main menu, after the projects, while the menu is still the one the site demo
    made; a menu an editor has changed is theirs."""
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    menu = list(navigation.main_menu.raw_data)
    ids = [block["value"].get("page") for block in menu]
    if index.pk in ids:
        return 0
    slugs = dict(
        Page.objects.child_of(home).filter(pk__in=[pk for pk in ids if pk]).values_list("pk", "slug")
    )
    demo_specs = {spec.key: spec for spec in _page_specs()}
    if [slugs.get(pk) for pk in ids] != [demo_specs[key].slug for key in MAIN_MENU]:
        return 0
    menu.insert(1, {"type": "page", "value": {"page": index.pk}})
    navigation.main_menu = menu
    navigation.save()
    return 1


@transaction.atomic
def training_demo_ensure() -> dict[str, int]:
    """The programme's index, its four courses and their lessons in Kazakh, Russian and English, and its place
    in the main menu. Returns what this run made; a second run makes nothing, and a translation an editor has
    written is left as it is."""
    home = home_pages_ensure()
    locales = {code: Locale.objects.get(language_code=code) for code, _name in settings.LANGUAGES}
    builder = _Builder(locales=locales, home=home, images={})
    for spec in _specs():
        source = builder.source_ensure(spec)
        builder.translations_ensure(spec, source)
    return {**builder.counts, "menu": _main_menu_ensure(builder.pages["training"], home)}
