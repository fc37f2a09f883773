"""Check and compile the project's gettext catalogues without GNU gettext (Babel reads and writes them).

`translations check` fails on any untranslated or fuzzy entry; `translations compile` checks, then writes the
.mo files; `translations fill-source` copies each msgid into the English catalogue (English is the source
language, so its translation is the text itself); `translations apply FILE.json` writes translations given as
{"msgid": {"kk": "...", "ru": "..."}} (a plural's value is the list of its forms) into the catalogues.
"""

import json
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SOURCE_LANGUAGE = "en"


def catalogue_paths() -> list[Path]:
    paths = []
    for root in settings.LOCALE_PATHS:
        for code, _name in settings.LANGUAGES:
            po = Path(root) / code / "LC_MESSAGES" / "django.po"
            if po.exists():
                paths.append(po)
    return paths


def _read(po: Path):
    with po.open("rb") as handle:
        return read_po(handle, locale=po.parent.parent.name)


def _is_translated(message) -> bool:
    if isinstance(message.string, tuple | list):
        return all(message.string)
    return bool(message.string)


def catalogue_problems(po: Path) -> list[str]:
    problems = []
    for message in _read(po):
        if not message.id:
            continue  # the header
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if message.fuzzy:
            problems.append(f"{po}: fuzzy: {msgid!r}")
        elif not _is_translated(message):
            problems.append(f"{po}: untranslated: {msgid!r}")
    return problems


class Command(BaseCommand):
    help = "Check (fail on untranslated or fuzzy entries), compile, or fill the source-language catalogue."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "compile", "fill-source", "apply"])
        parser.add_argument("file", nargs="?", help="With apply: the JSON file of translations.")

    def handle(self, *args, action, file=None, **options):
        paths = catalogue_paths()
        if not paths:
            raise CommandError("No catalogues found under LOCALE_PATHS.")
        if action == "fill-source":
            self._fill_source(paths)
            return
        if action == "apply":
            if not file:
                raise CommandError("apply needs the JSON file of translations.")
            project = Path(settings.LOCALE_PATHS[0])
            own = [po for po in paths if po.parent.parent.parent == project]
            self._apply(own, json.loads(Path(file).read_text(encoding="utf-8")))
            return
        problems = [problem for po in paths for problem in catalogue_problems(po)]
        if problems:
            raise CommandError(f"{len(problems)} untranslated or fuzzy entries:\n" + "\n".join(problems[:50]))
        if action == "compile":
            for po in paths:
                with po.with_suffix(".mo").open("wb") as handle:
                    write_mo(handle, _read(po), use_fuzzy=False)
        self.stdout.write(
            f"{len(paths)} catalogues complete" + (" and compiled." if action == "compile" else ".")
        )

    def _fill_source(self, paths):
        for po in paths:
            if po.parent.parent.name != SOURCE_LANGUAGE:
                continue
            catalogue = _read(po)
            for message in catalogue:
                # Always the msgid itself: a fuzzy guess by msgmerge would otherwise put another text here.
                if message.id:
                    message.string = message.id if not message.pluralizable else tuple(message.id)
                message.flags.discard("fuzzy")
            with po.open("wb") as handle:
                write_po(handle, catalogue, width=110, omit_header=False)
            self.stdout.write(f"Filled {po}")

    def _apply(self, paths, translations: dict):
        for po in paths:
            language = po.parent.parent.name
            catalogue = _read(po)
            applied = 0
            for message in catalogue:
                key = message.id if isinstance(message.id, str) else (message.id or [""])[0]
                value = (translations.get(key) or {}).get(language)
                if not key or value is None:
                    continue
                if message.pluralizable:
                    forms = value if isinstance(value, list) else [value]
                    message.string = tuple(forms + [forms[-1]] * (catalogue.num_plurals - len(forms)))[
                        : catalogue.num_plurals
                    ]
                else:
                    message.string = value
                message.flags.discard("fuzzy")
                applied += 1
            with po.open("wb") as handle:
                write_po(handle, catalogue, width=110, omit_header=False)
            self.stdout.write(f"{po}: {applied} entries")
