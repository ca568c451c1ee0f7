"""The English catalogue is complete, compiled and in use (see docs/translations.md).

The UI text is Dutch and is itself the message id (docs/decisions/0001-dutch-message-ids.md);
``kansrijk/locale/en/LC_MESSAGES/django.po`` holds the English. These tests read the .po with a
small parser of their own, read the committed .mo byte by byte, and extract the message ids
from the source the way ``makemessages`` does, so they need neither gettext nor polib.
"""

import ast
import os
import re
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
LC_MESSAGES = ROOT / "kansrijk" / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

# The folders `makemessages` is told to skip (docs/translations.md has the command), plus what
# it always skips.
IGNORED = ("var", "test-output", "node_modules")

# Message ids in the source that xgettext does not find, so `makemessages` cannot put them in
# the .po: xgettext 0.21 does not look inside f-strings. Move the call out of the f-string
# (e.g. gettext("Verhaal %(number)s") % {...}), run makemessages, and drop the entry here.
NOT_EXTRACTED_BY_XGETTEXT: set[str] = set()


# --- the .po ---------------------------------------------------------------------------------


def _parse_po(path: Path) -> list[dict]:
    """Entries as dicts: ``flags``, ``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr``.

    ``msgstr`` is a list: one string, or one per plural form. Obsolete (``#~``) entries are
    comments here and so are left out.
    """
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgctxt": None, "msgid_plural": None, "msgstr": []}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if field == "msgstr":
                entry["msgstr"][-1] += text
            else:
                entry[field] += text
        else:
            keyword, _space, value = line.partition(" ")
            text = ast.literal_eval(value)
            if keyword.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(text)
            else:
                assert keyword in {"msgctxt", "msgid", "msgid_plural"}, raw
                field = keyword
                entry[keyword] = text
    finish()
    return entries


def _key(msgctxt: str | None, msgid: str) -> str:
    """How gettext keys a message: ``context\\x04msgid`` when there is a context."""
    return msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"


PO_ENTRIES = _parse_po(PO)
MESSAGES = [entry for entry in PO_ENTRIES if entry["msgid"]]
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdif]|%%")


def test_the_catalogue_has_a_header_for_english_with_plural_forms():
    (header,) = [entry for entry in PO_ENTRIES if not entry["msgid"]]
    assert "fuzzy" not in header["flags"]
    assert "Language: en\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header["msgstr"][0]
    assert "Content-Type: text/plain; charset=UTF-8\n" in header["msgstr"][0]


def test_every_message_has_an_english_translation_and_none_is_fuzzy():
    assert len(MESSAGES) > 500
    fuzzy = [entry["msgid"] for entry in MESSAGES if "fuzzy" in entry["flags"]]
    untranslated = [
        entry["msgid"]
        for entry in MESSAGES
        if not entry["msgstr"] or not all(text.strip() for text in entry["msgstr"])
    ]
    assert fuzzy == []
    assert untranslated == []


def test_plural_messages_have_both_english_forms():
    plurals = [entry for entry in MESSAGES if entry["msgid_plural"] is not None]
    assert plurals
    assert [entry["msgid"] for entry in plurals if len(entry["msgstr"]) != 2] == []
    assert [
        entry["msgid"]
        for entry in MESSAGES
        if entry["msgid_plural"] is None and len(entry["msgstr"]) != 1
    ] == []


def test_translations_keep_the_placeholders_of_the_dutch_text():
    wrong = []
    for entry in MESSAGES:
        sources = [entry["msgid"]] + ([entry["msgid_plural"]] if entry["msgid_plural"] else [])
        for index, text in enumerate(entry["msgstr"]):
            source = sources[min(index, len(sources) - 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append((source, text))
    assert wrong == []


# --- the .mo ---------------------------------------------------------------------------------


def _read_mo(path: Path) -> dict[str, str]:
    """The compiled catalogue, as gettext stores it: key → translation (NUL between forms)."""
    data = path.read_bytes()
    (magic,) = struct.unpack("<I", data[:4])
    order = {0x950412DE: "<", 0xDE120495: ">"}[magic]
    _revision, count, ids_at, strs_at = struct.unpack(f"{order}4I", data[4:20])

    def string(table: int, index: int) -> str:
        length, offset = struct.unpack(
            f"{order}2I", data[table + 8 * index : table + 8 * index + 8]
        )
        return data[offset : offset + length].decode("utf-8")

    return {string(ids_at, index): string(strs_at, index) for index in range(count)}


def _expected_mo(entries: list[dict]) -> dict[str, str]:
    """What msgfmt makes of the .po: every translated, non-fuzzy entry, header included."""
    expected = {}
    for entry in entries:
        if "fuzzy" in entry["flags"] and entry["msgid"]:
            continue
        if not all(entry["msgstr"]):
            continue
        msgid = entry["msgid"]
        if entry["msgid_plural"] is not None:
            msgid = f"{msgid}\x00{entry['msgid_plural']}"
        expected[_key(entry["msgctxt"], msgid)] = "\x00".join(entry["msgstr"])
    return expected


def _without_creation_date(catalogue: dict[str, str]) -> dict[str, str]:
    """msgfmt leaves POT-Creation-Date out of the compiled header (so builds are reproducible)."""
    header = catalogue.get("", "")
    lines = header.splitlines(keepends=True)
    kept = "".join(line for line in lines if not line.startswith("POT-Creation-Date:"))
    return {**catalogue, "": kept}


def test_the_committed_mo_is_compiled_from_the_current_po():
    assert MO.exists(), "run: kansrijk compilemessages -l en --ignore=.venv"
    compiled = _without_creation_date(_read_mo(MO))
    expected = _without_creation_date(_expected_mo(PO_ENTRIES))
    stale = sorted(set(compiled.items()) ^ set(expected.items()))
    assert stale == [], "the .mo is out of date: kansrijk compilemessages -l en --ignore=.venv"


# --- the pages -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_home_page_is_dutch_by_default(client):
    content = client.get("/").content.decode()
    assert '<html lang="nl">' in content
    assert "Naar de inhoud" in content
    assert "Hoe werkt het?" in content
    assert "Skip to content" not in content


@pytest.mark.django_db
def test_the_home_page_is_english_after_choosing_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    content = response.content.decode()
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in content
    assert "Skip to content" in content
    assert '<h2 id="how">How does it work?</h2>' in content
    assert "the first 1000 days" in content
    for dutch in ("Naar de inhoud", "Hoe werkt het?", "Inloggen", "Kies een taal"):
        assert dutch not in content


@pytest.mark.django_db
def test_the_catalogue_page_is_english_after_choosing_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    content = client.get("/catalogus/").content.decode()
    assert '<html lang="en">' in content
    assert "Search and filter indicators" in content
    assert "Indicatoren zoeken en filteren" not in content


# --- the source ------------------------------------------------------------------------------

PYTHON_KEYWORDS = {
    "_": (1,),
    "gettext": (1,),
    "gettext_lazy": (1,),
    "gettext_noop": (1,),
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ("c", 2),
    "pgettext_lazy": ("c", 2),
    "npgettext": ("c", 2, 3),
    "npgettext_lazy": ("c", 2, 3),
}
_STRING = r"""u?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
_TEMPLATE_CALL = re.compile(
    rf"\b(_|gettext|ngettext|pgettext|npgettext)\(\s*({_STRING}(?:\s*,\s*{_STRING})*)"
)


def _source_files(suffixes: set[str]):
    for folder, subfolders, files in os.walk(ROOT):
        relative = Path(folder).relative_to(ROOT).as_posix()
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")  # .venv, .git, .ci …
            and (f"{relative}/{name}" if relative != "." else name) not in IGNORED
        )
        for name in sorted(files):
            if Path(name).suffix in suffixes:
                yield Path(folder) / name


def _message(keyword_args: tuple, strings: list[str | None]) -> tuple[str | None, str] | None:
    """(context, msgid) from the string arguments a keyword takes, or None if not literals."""
    context, msgid = None, None
    for position, value in zip(keyword_args, strings, strict=False):
        if value is None:
            return None
        if position == "c":
            context = value
        elif msgid is None:
            msgid = value
    return (context, msgid) if msgid is not None else None


def _python_messages(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in PYTHON_KEYWORDS:
            continue
        strings = [
            arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
            for arg in node.args
        ]
        message = _message(PYTHON_KEYWORDS[name], strings)
        if message is not None:
            found.add(message)
    return found


def _template_messages(path: Path) -> set[tuple[str | None, str]]:
    """Django's own templatize turns a template into gettext calls, as makemessages does."""
    found = set()
    for match in _TEMPLATE_CALL.finditer(templatize(path.read_text(encoding="utf-8"), str(path))):
        strings = [ast.literal_eval(text) for text in re.findall(_STRING, match[2])]
        message = _message(PYTHON_KEYWORDS[match[1]], strings)
        if message is not None:
            found.add(message)
    return found


def _source_messages() -> set[tuple[str | None, str]]:
    found = set()
    for path in _source_files({".py"}):
        found |= _python_messages(path)
    for path in _source_files({".html", ".txt"}):
        found |= _template_messages(path)
    return found


def test_the_message_extraction_finds_python_and_template_strings():
    messages = {msgid for _context, msgid in _source_messages()}
    assert "Inloggen" in messages  # templates/base.html
    assert "%(counter)s wijk" in messages  # a blocktranslate with a plural
    assert "Kies een van de mogelijkheden bij “%(label)s”." in messages  # kansrijk/web/forms.py


def test_every_dutch_ui_string_in_the_source_is_in_the_english_catalogue():
    in_po = {(entry["msgctxt"], entry["msgid"]) for entry in MESSAGES}
    missing = sorted(
        (context or "", msgid)
        for context, msgid in _source_messages() - in_po
        if msgid not in NOT_EXTRACTED_BY_XGETTEXT
    )
    assert missing == [], (
        "new UI text without English: run the makemessages command in docs/translations.md, "
        "translate, then compilemessages"
    )


def test_the_list_of_strings_xgettext_misses_is_still_needed():
    messages = {msgid for _context, msgid in _source_messages()}
    assert messages >= NOT_EXTRACTED_BY_XGETTEXT
    assert not NOT_EXTRACTED_BY_XGETTEXT & {entry["msgid"] for entry in MESSAGES}


def test_english_is_the_only_other_language_and_its_catalogue_is_where_django_looks():
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en"]
    assert LC_MESSAGES.parent.parent in [Path(path) for path in settings.LOCALE_PATHS]
