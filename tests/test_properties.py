"""Property tests over generated articles: no input breaks newsx or its offsets.

Articles are built from random page furniture (date headers, breadcrumbs, ``|`` lines,
captions, ``Read more`` trailers, bylines, datelines), sentences with direct, indirect,
mixed, split and nested quotes, random names, random Unicode noise, random line ends,
and random encodings. For every one: no exception, the record validates against
newsx/schema/record.json, it survives a JSON round trip, and every quote's offsets cut
its text out of the decoded input. Example counts are bounded so CI stays fast.
"""

from __future__ import annotations

import codecs
import json
from datetime import timedelta
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsx.batch import extract_text, process_bytes
from newsx.model import Article, Failure
from newsx.read import decode

SCHEMA = json.loads(resources.files("newsx").joinpath("schema", "record.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

PROFILE = settings(max_examples=60, deadline=timedelta(seconds=10), database=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIRST = ["Anna", "Bui Thanh", "Jean-Pierre", "Nguyen Van", "Mary", "O'Brien", "Đặng Thị", "José"]
LAST = ["Son", "Lacroix", "Smith", "Hạnh", "McDonald", "van der Berg", "Okafor", "Lê"]
TITLES = ["Minister", "Deputy Prime Minister", "Mr.", "Dr.", "police spokesman", "Gov.", "the coach"]
CUES = ["said", "added", "noted that", "told reporters", "affirmed", "stressed", "according to", "warned",
        "underlined that", "hoped", "wrote", ""]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("'", "'"), ("“", ""), ("", "”"), ("„", "“")]
FURNITURE = ["date 2023-01-17 Submit Release", "Politics & Law | Society", "Home | World | Asia",
             "Read more", "Read more: Another story here", "Share Tweet Email", "Photo: VNA",
             "— VNS", "PANO –", "Source: VOV", "November 26, 2022 | 19:53 (GMT+7)",
             "Updated: March 3, 2023 4:15 PM", "Published: 12 March 2023", "By Jane Doe and John Roe",
             "Reporting by A. Writer; Editing by B. Editor", "Translated by Minh Anh", "|", "||  |",
             "HANOI, Jan 19 (VNA) -", "WASHINGTON (Reuters) -", "(AP) —", "FOR IMMEDIATE RELEASE"]

words = st.sampled_from(["the", "plan", "will", "bridge", "U.N.", "No. 5", "Jan.", "U.S.-based", "3.5",
                         "percent", "VND", "ministry", "police", "he", "she", "they", "it", "—", "-", ","])
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@st.composite
def names(draw: st.DrawFn) -> str:
    name = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"
    if draw(st.booleans()):
        name = f"{draw(st.sampled_from(TITLES))} {name}"
    return name


@st.composite
def clauses(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(words, noise, names()), min_size=1, max_size=14))
    return " ".join(parts)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    opened, closed = draw(st.sampled_from(MARKS))
    who = draw(st.one_of(names(), st.sampled_from(["He", "She", "The minister", "Police", "They"])))
    cue = draw(st.sampled_from(CUES))
    a, b = draw(clauses()), draw(clauses())
    end = draw(st.sampled_from([".", "", "!", "?", ".”", "...", ". ", "…"]))
    return draw(st.sampled_from([
        f"{opened}{a},{closed} {who} {cue}.",
        f"{who} {cue} {a}{end}",
        f"{who} {cue}: {opened}{a}.{closed}",
        f"{opened}{a},{closed} {who} {cue}, {opened}{b}.{closed}",
        f"{opened}{a},{closed} {who} {cue}. {opened}{b}{end}{closed}",
        f"{a}, {who.lower()} {cue}{end}",
        f"According to {who}, {a}{end}",
        f"{who} {cue} the plan was {opened}{a}{closed}{end}",
        f"{opened}{a} {opened}{b}{closed} {cue}{closed}{end}",
        f"{a}{end}",
    ]))


@st.composite
def articles(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        lines.append(draw(st.sampled_from(FURNITURE)))
    lines.append(draw(clauses()))  # a headline-ish line
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            lines.append(draw(st.sampled_from(FURNITURE)))
        elif kind == 1:
            lines.append("")
        else:
            lines.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=4))))
    eol = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n \n"]))
    return eol.join(lines) + draw(st.sampled_from(["", eol]))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]


def check_record(rec: Article | Failure, text: str) -> None:
    assert isinstance(rec, Article), rec
    data = rec.to_dict()
    VALIDATOR.validate(data)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert json.loads(json.dumps(data)) == data
    for q in data["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)
        assert text[q["start"]:q["end"]] == q["text"]
    if data["headline"] is not None:  # as printed, but whitespace collapsed
        assert data["headline"] and data["headline"] == " ".join(data["headline"].split())
    for person in data["people"]:
        assert person["name"].strip() == person["name"]


@PROFILE
@given(articles())
def test_generated_articles_give_valid_records(text: str) -> None:
    check_record(extract_text(text, "generated.txt"), text)


@PROFILE
@given(articles(), st.sampled_from(ENCODINGS))
def test_any_encoding_gives_offsets_into_the_decoded_text(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    rec = process_bytes(data, "encoded.txt")
    if isinstance(rec, Failure):
        # Only input that is really binary may be refused (e.g. UTF-32 without text).
        assert "binary" in rec.error, rec.error
        return
    decoded, _ = decode(data)
    if encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        assert decoded == text
    check_record(rec, decoded)


@settings(PROFILE, max_examples=100)
@given(st.text(max_size=400))
def test_arbitrary_text_never_breaks_extraction(text: str) -> None:
    check_record(extract_text(text, "noise.txt"), text)


@settings(PROFILE, max_examples=100)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_a_record_or_a_clear_error(data: bytes) -> None:
    rec = process_bytes(data, "bytes.bin")
    if isinstance(rec, Failure):
        assert not rec.error.startswith("internal error"), rec.error
        VALIDATOR.validate(rec.to_dict())
        return
    check_record(rec, decode(data)[0])


def test_bom_is_not_part_of_the_offsets() -> None:
    text = "Headline\n\n“We will finish the bridge,” Minister An said.\n"
    rec = process_bytes(codecs.BOM_UTF8 + text.encode(), "bom.txt")
    check_record(rec, text)
    assert rec.headline == "Headline"
