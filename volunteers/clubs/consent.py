"""The consent a parent or guardian gives for a child's data when enrolling them in a club (Law No. 94-V of
21 May 2013, art. 8: the operator, the purpose, the data, the period, transfer to third parties, cross-border
transfer, publication).

The texts live here, one entry per version, in the three languages, so that what a guardian agreed to can be
shown again word for word: an enrolment stores the version and the language it was shown in. Never edit a
published version: add the next one and raise CONSENT_VERSION. `{organisation}` (the club's organisation, the
operator) and `{club}` (its title) are filled in the language shown.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from config.i18n import TranslatedText, fallback_order, language_codes
from volunteers.models import ConsentText

CONSENT_VERSION = 1

SECTIONS = ("operator", "purpose", "data_collected", "period", "third_parties", "cross_border", "publication")

TEXTS = {
    1: {
        "operator": {
            "kk": "{organisation} — үйірмені өткізетін ұйым. Деректер «Біргеміз» платформасында сақталады.",
            "ru": "{organisation} — организация, которая ведёт кружок. Данные хранятся на платформе "
            "«Біргеміз».",
            "en": "{organisation}, the organisation that runs the club. The data is kept on the Birgemiz "
            "platform.",
        },
        "purpose": {
            "kk": "Баланы {club} үйірмесіне жазу, балалар тізімі мен күту тізімін жүргізу, сабаққа "
            "қатысуын белгілеу және үйірме туралы ата-анамен немесе заңды өкілмен байланысу.",
            "ru": "Запись ребёнка в кружок {club}, ведение списка детей и листа ожидания, отметка "
            "посещения занятий и связь с родителем или законным представителем по делам кружка.",
            "en": "Enrolling the child in the club {club}, keeping the list of children and the waitlist, "
            "recording attendance at the sessions, and contacting the parent or guardian about the club.",
        },
        "data_collected": {
            "kk": "Баланың аты-жөні мен туған күні; ата-ананың немесе заңды өкілдің аты-жөні, телефоны және "
            "(көрсетілсе) электрондық поштасы; баланың сабаққа қатысуы. Құжаттар, денсаулық немесе отбасы "
            "туралы мәліметтер жиналмайды.",
            "ru": "Имя и дата рождения ребёнка; имя, телефон и (если указана) электронная почта родителя или "
            "законного представителя; посещение ребёнком занятий. Документы, сведения о здоровье и семье не "
            "собираются.",
            "en": "The child's name and date of birth; the parent's or guardian's name, phone and (if given) "
            "e-mail; the child's attendance at the sessions. No documents, health or family details are "
            "collected.",
        },
        "period": {
            "kk": "Бала үйірмеде немесе күту тізімінде тұрғанша. Жазылудан бас тартқанда, бала үйірмеден "
            "шығарылғанда немесе үйірме аяқталғанда баланың аты-жөні мен ата-ананың байланыс деректері бір "
            "күн ішінде жойылады; есептілік үшін тек атаусыз туған күні мен қатысу белгілері қалады.",
            "ru": "Пока ребёнок записан в кружок или стоит в листе ожидания. После отказа от записи, "
            "исключения из кружка или окончания кружка имя ребёнка и контакты родителя удаляются в течение "
            "одного дня; для обезличенной статистики остаются только дата рождения и отметки посещения без "
            "имени.",
            "en": "While the child is enrolled or on the waitlist. After a withdrawal, a removal by the club "
            "or the end of the club, the child's name and the guardian's contacts are erased within one day; "
            "only the date of birth and attendance, without a name, remain for anonymous figures.",
        },
        "third_parties": {
            "kk": "Берілмейді: деректерді тек {organisation} үйірмесін жүргізетін қызметкерлер көреді.",
            "ru": "Не передаются: данные видят только сотрудники организации {organisation}, которые ведут "
            "кружок.",
            "en": "None: only the staff of {organisation} who run the club see the data.",
        },
        "cross_border": {
            "kk": "Жоқ: деректер Қазақстандағы серверлерде сақталады және шетелге берілмейді.",
            "ru": "Нет: данные хранятся на серверах в Казахстане и за рубеж не передаются.",
            "en": "None: the data is stored on servers in Kazakhstan and is not transferred abroad.",
        },
        "publication": {
            "kk": "Жоқ: бала туралы ешқандай дерек жарияланбайды.",
            "ru": "Нет: никакие сведения о ребёнке не публикуются.",
            "en": "None: nothing about the child is published.",
        },
    },
}


@dataclass(frozen=True)
class ChildConsent:
    version: int
    language: str
    sections: list  # [(label, text)]


def consent_language(language: str | None = None) -> str:
    """The language the text is shown in: the one asked for (the page's by default) if it is one of ours."""
    language = (language or get_language() or "").split("-")[0]
    return language if language in language_codes() else fallback_order()[0]


def _quoted(title: str, language: str) -> str:
    """The club's title in the language's quotation marks, unless it has its own («Ата көрген оқ жонар»)."""
    if any(mark in title for mark in '«»“”"'):
        return title
    return f"“{title}”" if language == "en" else f"«{title}»"


def consent_text(*, club, language: str | None = None, version: int = CONSENT_VERSION) -> ChildConsent:
    """The consent text `version` in `language`, with the club's organisation and title filled in (each in
    that language, or the one it falls back to). The section labels are those of the volunteers' consent."""
    language = consent_language(language)
    organisation = TranslatedText(club.organisation.name).in_language(language)
    title = _quoted(str(TranslatedText(club.title).in_language(language)), language)
    texts = TEXTS[version]
    labels = {name: ConsentText._meta.get_field(name).verbose_name for name in SECTIONS}
    sections = [
        (labels[name], _pick(texts[name], language).format(organisation=organisation, club=title))
        for name in SECTIONS
    ]
    return ChildConsent(version=version, language=language, sections=sections)


def _pick(text: dict, language: str) -> str:
    for code in fallback_order(language):
        if text.get(code):
            return text[code]
    return ""


TITLE = _("Consent to the processing of the child's personal data")
