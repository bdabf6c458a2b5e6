"""Start-up loading: the fast readers give exactly what the plain readings gave."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

import pytest

import newsx.data
from newsx.data import read_text
from newsx.extract import outlet, people

_DATA_FILES = ["abbreviations.txt", "cues.txt", "english_proper.txt", "english_words.txt",
               "first_names.tsv", "outlets.tsv", "people_lexicon.txt", "speaker_words.tsv",
               "surnames.txt"]


@pytest.mark.parametrize("name", _DATA_FILES)
def test_read_text_is_the_resources_text(name: str) -> None:
    expected = resources.files("newsx.data").joinpath(name).read_text(encoding="utf-8")
    assert read_text(name) == expected


def test_read_text_gives_text_mode_line_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    class Loader:
        def get_data(self, path: str) -> bytes:
            assert path.endswith("fixture.txt")
            return "# hé\r\nalpha\rbeta\ngamma\r\n".encode()

    monkeypatch.setattr(newsx.data, "__loader__", Loader())
    assert read_text("fixture.txt") == "# hé\nalpha\nbeta\ngamma\n"


def _old_norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("&", " and ")
    return " ".join(re.sub(r"[^\w+]+", " ", s).split())


def _old_is_abbreviation(form: str) -> bool:
    letters = re.sub(r"[^\w]", "", form)
    return letters.isupper() and len(letters) <= 5 and letters == form


_FORMS = ["AP", "PA", "Pa.", "VNA", "A.P.", "AFP ", "BBC News", "Đài Tiếng nói", "The Times & Co",
          "ÉCHO", "ÉCHOS", "ECHOES", "X_Y", "A-B", "AB1", "ab", "", " ", "NHK", "ŁÓDŹ", "Ⅻ",
          "straße", "ＡＢＣ", "a\u0301b", "I.N.C", "UPI\t", "K+", "Thanh Niên", "Tuổi Trẻ", "Dân trí"]


@pytest.mark.parametrize("form", _FORMS)
def test_norm_and_abbreviation_as_before(form: str) -> None:
    assert outlet._norm(form) == _old_norm(form)
    assert outlet._is_abbreviation(form) == _old_is_abbreviation(form)


def test_norm_and_abbreviation_as_before_on_every_registry_form() -> None:
    for line in read_text("outlets.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            for form in re.split(r"[\t;]", line):
                assert outlet._norm(form) == _old_norm(form)
                assert outlet._is_abbreviation(form.strip()) == _old_is_abbreviation(form.strip())


def test_registry_entries() -> None:
    table = outlet.registry()
    ap = table[outlet._CASED + "AP"]
    assert (ap.name, ap.abbr) == ("Associated Press", "AP")
    assert table["associated press"] is ap and table["apnews com"] is ap
    assert "ap" not in table  # an abbreviation only in its own case


def test_special_words_as_the_plain_formula() -> None:
    lex = people.lexicon()
    firsts = {k for k, g in lex.first_names.items() if g in ("m", "f")}
    plain = (lex.vn_surname | (firsts & (lex.org_word | lex.time_word))
             | {k for k in lex.time_word if len(k) <= 4})
    assert people._special() == plain


@pytest.mark.parametrize("name", ["Example Times (Ghana)", "Example Times", "Times (UK) Online",
                                  "News (a) (b)", "Post (", "A)", ""])
def test_display_as_the_plain_substitution(name: str) -> None:
    assert outlet._display(name) == re.sub(r"\s*\([^)]*\)$", "", name)
