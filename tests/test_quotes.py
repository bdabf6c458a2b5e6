"""Quote detection: one case per rule of issue 5, with exact spans, kinds, cues, speakers."""

from __future__ import annotations

import time

import pytest

from newsx.document import Document, Span
from newsx.extract.quotes import (
    _cue_candidates,
    _cue_sentences,
    _has_cue_word,
    _word_count,
    find_attributions,
    lowercase,
    mark_candidates,
    scan_quotes,
    tokenize,
)
from newsx.segment import segment


def found(text: str) -> list[tuple[str, str, str | None, str | None, bool]]:
    doc = segment(Document(text))
    return [(doc.cut(a.text), a.kind, doc.cut(a.cue) if a.cue else None,
             doc.cut(a.speaker) if a.speaker else None, a.continues)
            for a in find_attributions(doc)]


def texts(text: str) -> list[str]:
    return [f[0] for f in found(text)]


# ----------------------------------------------------------------------- direct
@pytest.mark.parametrize(("opening", "closing"), [
    ('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"), ("„", "“"), ("″", "″"),
])
def test_direct_quote_in_every_mark_style(opening: str, closing: str) -> None:
    text = f"{opening}The bridge will open next spring,{closing} the mayor said."
    assert found(text) == [("The bridge will open next spring,", "direct", "said", "the mayor", False)]


def test_attribution_before_with_colon() -> None:
    text = "Ms Lan told reporters: “We have finished the first phase of the work.”"
    assert found(text) == [
        ("We have finished the first phase of the work.", "direct", "told", "Ms Lan", False)]


def test_short_quote_with_attribution() -> None:
    assert found('"We won," she said.') == [("We won,", "direct", "said", "she", False)]


def test_attribution_inverted_after() -> None:
    assert found("“Prices are falling fast,” said the finance minister.") == [
        ("Prices are falling fast,", "direct", "said", "the finance minister", False)]


def test_quote_split_by_attribution_then_new_sentence_is_two_quotes() -> None:
    # the second sentence names nobody: no speaker words, it continues the first speaker
    text = "“The team played well,” he said. “We will win the next match.”"
    assert found(text) == [
        ("The team played well,", "direct", "said", "he", False),
        ("We will win the next match.", "direct", None, None, True),
    ]


def test_quote_split_by_attribution_with_comma_is_two_quotes() -> None:
    text = "“The harvest was good,” the farmer said, “but prices were low this year.”"
    assert found(text) == [
        ("The harvest was good,", "direct", "said", "the farmer", False),
        ("but prices were low this year.", "direct", "said", "the farmer", False),
    ]


def test_quote_running_over_paragraphs() -> None:
    text = ("Coach Minh said: “We trained hard all winter and it showed today.\n\n"
            "“Next week we travel to Da Nang and we are ready for it.”")
    assert found(text) == [
        ("We trained hard all winter and it showed today.", "direct", "said", "Coach Minh", False),
        ("Next week we travel to Da Nang and we are ready for it.", "direct", None, None, True),
    ]


def test_speaker_in_previous_sentence_ending_with_colon() -> None:
    text = "Martino told reporters after the hearing:\n\n“The judge made the right decision for everyone.”"
    assert found(text) == [
        ("The judge made the right decision for everyone.", "direct", "told", "Martino", False)]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = ("The so-called “green card” scheme began in May. "
            "She reviewed the novel “The Quiet River Flows” for the paper.")
    assert found(text) == []


# ----------------------------------------------------------------------- indirect
@pytest.mark.parametrize(("text", "expected"), [
    ("The governor said that the new road will be finished by June.",
     ("the new road will be finished by June", "indirect", "said", "The governor")),
    ("She said the factory would hire 300 workers.",
     ("the factory would hire 300 workers", "indirect", "said", "She")),
    ("The budget will rise by 5 percent next year, the minister said.",
     ("The budget will rise by 5 percent next year", "indirect", "said", "the minister")),
    ("The mayor told reporters that the water was safe to drink.",
     ("the water was safe to drink", "indirect", "told", "The mayor")),
    ("The envoy told the visiting delegation that the port would reopen.",
     ("the port would reopen", "indirect", "told", "The envoy")),
    ("Exports rose 5 percent, the Ministry of Industry, Trade and Energy said.",
     ("Exports rose 5 percent", "indirect", "said", "the Ministry of Industry, Trade and Energy")),
    ("Ana Lima, head of the fund, which owns the plant, said the plant would grow.",
     ("the plant would grow", "indirect", "said", "Ana Lima")),
    ("The company said in a statement that it had recalled 2,000 cars.",
     ("it had recalled 2,000 cars", "indirect", "said", "The company")),
    ("According to the ministry, 40 officers were injured in the clashes.",
     ("40 officers were injured in the clashes", "indirect", "According to", "the ministry")),
    ("Police said the driver was taken to hospital.",
     ("the driver was taken to hospital", "indirect", "said", "Police")),
    ("The Water Agency (WA) reports that the dam is full.",
     ("the dam is full", "indirect", "reports", "The Water Agency (WA)")),
    ("The bridge was closed on Monday, said Hanoi City Police.",
     ("The bridge was closed on Monday", "indirect", "said", "Hanoi City Police")),
    ("Nguyen Van Nam, director of the port, said that exports rose.",
     ("exports rose", "indirect", "said", "Nguyen Van Nam")),
    ("City police on Friday said the suspect had fled.",
     ("the suspect had fled", "indirect", "said", "City police")),
    ("The coach praised the team and said the players were ready.",
     ("the players were ready", "indirect", "said", "The coach")),
    ("The senator says he’ll vote against the bill.",
     ("he’ll vote against the bill", "indirect", "says", "The senator")),
    ("He hoped the two countries will deepen their cooperation.",
     ("the two countries will deepen their cooperation", "indirect", "hoped", "He")),
    ("The envoy underlined that trade between the two sides has doubled.",
     ("trade between the two sides has doubled", "indirect", "underlined", "The envoy")),
    ("He expressed his belief that the talks would succeed.",
     ("the talks would succeed", "indirect", "expressed his belief", "He")),
])
def test_indirect_speech(text: str, expected: tuple[str, str, str, str]) -> None:
    assert found(text) == [(*expected, False)]


@pytest.mark.parametrize("verb", [
    "noted", "stressed", "emphasised", "affirmed", "warned", "explained", "added",
    "insisted", "announced", "confirmed", "proposed",
])
def test_statement_verbs_with_that_clause(verb: str) -> None:
    assert found(f"The chairman {verb} that the plan is ready.") == [
        ("the plan is ready", "indirect", verb, "The chairman", False)]


def test_clause_before_named_speaker_with_adverbials() -> None:
    text = "The country is ready to send more troops, Minister Tran Van An affirmed at a meeting in Hanoi."
    assert found(text) == [("The country is ready to send more troops", "indirect", "affirmed",
                            "Minister Tran Van An", False)]


def test_two_reported_clauses_in_one_sentence() -> None:
    text = "He said the hospital was full, adding that more beds would arrive soon."
    assert texts(text) == ["the hospital was full", "more beds would arrive soon"]


@pytest.mark.parametrize("text", [
    "He thanked the UN for its support.",
    "The minister praised the initiatives of the local teams.",
    "She expressed her delight at the result.",
    "He stressed the importance of the new trade agreement.",
    "The director noted the efforts of the staff.",
    "She asked the units to continue their work.",
    "He did not say whether the plan would go ahead.",
    "Lawmakers debated the State budget on Monday.",
    "They met to maintain the peace in the region.",
    "Mr Binh made the remarks during a visit to the port.",
    "Tran Van Binh, director of the firm, denied the accusations.",
])
def test_speech_verb_with_noun_phrase_object_is_not_a_quote(text: str) -> None:
    assert found(text) == []


# ----------------------------------------------------------------------- mixed
def test_mixed_quote() -> None:
    text = "The spokeswoman said the company had “always kept its promises to customers.”"
    assert found(text) == [("the company had “always kept its promises to customers.”", "mixed", "said",
                            "The spokeswoman", False)]


def test_mixed_quote_with_short_fragment() -> None:
    text = 'The premier said the city was "well on track" to reopen soon.'
    assert found(text) == [('the city was "well on track" to reopen soon', "mixed", "said",
                            "The premier", False)]


# ----------------------------------------------------------------------- offsets, speed
def test_offsets_index_the_text() -> None:
    text = "Intro line.\n\n“It is cold today,” the forecaster said.\n\nPolice said the road was closed."
    doc = segment(Document(text))
    for a in find_attributions(doc):
        assert doc.text[a.text.start:a.text.end] == doc.cut(a.text)
    assert [doc.cut(a.text) for a in find_attributions(doc)] == ["It is cold today,", "the road was closed"]


@pytest.mark.parametrize("unit", ['"a," ', "“, ", 'He said that "x, ', "Mr. Smith said, ", "“A.” ",
                                  '"We won," he said. '])
def test_adversarial_line_is_fast(unit: str) -> None:
    doc = segment(Document(unit * (1_000_000 // len(unit))))
    started = time.perf_counter()
    find_attributions(doc)
    assert time.perf_counter() - started < 10


def test_headline_speaker_label() -> None:
    text = "Mayor Lee: The bridge will reopen in May\n\nThe city council met on Friday."
    assert found(text) == [("The bridge will reopen in May", "indirect", ":", "Mayor Lee", False)]


def test_headline_topic_label_is_not_a_speaker() -> None:
    assert found("Storm weather: Floods hit homes and roads\n\nRain fell all night.") == []


def test_quoted_show_title_after_preposition_is_not_a_quote() -> None:
    assert found("The senator said so on “Morning Report,” a radio show.") == []


def test_conjunction_is_not_part_of_the_speaker() -> None:
    assert found("And he said the vote would be held in June.") == [
        ("the vote would be held in June", "indirect", "said", "he", False)]


def test_participle_after_a_phrase_takes_the_sentence_subject() -> None:
    text = "The governor visited Hue, making a pitch to farmers, saying the dam would be rebuilt."
    assert found(text) == [("the dam would be rebuilt", "indirect", "saying", "The governor", False)]


def test_speaker_with_appositive_between_dashes() -> None:
    assert found("Le Thi Mai — a nurse from Hue — says she voted early.") == [
        ("she voted early", "indirect", "says", "Le Thi Mai", False)]


def test_emphatic_did_say() -> None:
    assert found("He did say the talks had stalled.") == [
        ("the talks had stalled", "indirect", "say", "He", False)]


def test_mixed_quote_ending_with_comma_inside_the_marks() -> None:
    text = "The clerk had put the papers in a “burn bag,” the newspaper reported."
    assert found(text) == [("The clerk had put the papers in a “burn bag,”", "mixed", "reported",
                            "the newspaper", False)]


# ----------------------------------------------------------------------- cue-word test
@pytest.mark.parametrize(("text", "cuts", "expected"), [
    # a sentence starting inside a run of letters: `said` is a whole run of that sentence
    ("Presaid it. Then", [(0, 3), (3, 11), (12, 16)], [1]),
    # a sentence ending inside a run of letters: `say` is a whole run of that sentence
    ("He says so", [(0, 6), (7, 10)], [0]),
    # `resaid` is not a cue word; `said` after a hyphen is
    ("It was resaid. It was re-said.", [(0, 14), (15, 30)], [1]),
    # lowercasing changes the length (İ becomes two characters): each sentence alone
    ("İzmir officials said. Rain fell.", [(0, 21), (22, 32)], [0]),
])
def test_cue_sentences_match_searching_each_sentence_alone(
        text: str, cuts: list[tuple[int, int]], expected: list[int]) -> None:
    sents = [Span(a, b) for a, b in cuts]
    assert _cue_sentences(text, Span(0, len(text)), sents) == expected
    assert [i for i, s in enumerate(sents) if _has_cue_word(text, s.start, s.end)] == expected


# ----------------------------------------------------------------------- tokens
@pytest.mark.parametrize("text", [
    "The U.S.-based firm’s chief, Dr. Ann Lee, said: “It’s done.”",
    "ǅemal Kelvin\u212a and ÉCOLE staff warned — again.",  # a titlecase letter, the Kelvin sign
])
def test_tokens_of_the_lowercased_text_are_those_of_the_text(text: str) -> None:
    low = lowercase(text)
    assert low is not None
    fast, plain = tokenize(text, 0, len(text), low), tokenize(text, 0, len(text))
    assert fast.starts == plain.starts
    assert fast.lows == plain.lows
    assert [fast.end(k) for k in range(len(fast))] == [plain.end(k) for k in range(len(plain))]
    assert fast.caps == plain.caps == [fast.cap(k) for k in range(len(fast))]


@pytest.mark.parametrize(("text", "words"), [
    ("The U.S.-based firm’s chief said: “It’s done.”",
     ["The", "U.S", ".", "-", "based", "firm’s", "chief", "said", ":", "“", "It’s", "done", ".", "”"]),
    ("AT&T's re-run -- x_y-_z 'quoted' 12.5%",
     ["AT&T's", "re-run", "-", "-", "x_y-_z", "'", "quoted", "'", "12.5", "%"]),
    # a word takes at most 12 inner marks; the rest starts a new word
    ("a-b-c-d-e-f-g-h-i-j-k-l-m-n-o", ["a-b-c-d-e-f-g-h-i-j-k-l-m", "-", "n-o"]),
    ("end- -start ’’ \u00a0é-ü", ["end", "-", "-", "start", "’", "’", "é-ü"]),
])
def test_tokens_are_words_with_inner_marks_or_single_characters(text: str, words: list[str]) -> None:
    tk = tokenize(text, 0, len(text))
    assert [tk.word(k) for k in range(len(tk))] == words
    assert all(text.startswith(w, s) for w, s in zip(words, tk.starts, strict=True))


@pytest.mark.parametrize("text", ["İzmir officials said so.", "ΟΔΟΣ:Α said so."])
def test_lowercase_refuses_a_text_it_would_not_lowercase_letter_by_letter(text: str) -> None:
    assert lowercase(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("", 0), ("  — ", 0), ("one two three", 3), ("U.N. staff", 3),
    ("one two three four five six seven", 7), ("a b c d e f g h", 8), ("a b c d e f g h i j k", 8),
])
def test_word_count_stops_at_eight(text: str, count: int) -> None:
    assert _word_count(text, 0, len(text)) == count


def test_cue_candidates_skip_words_inside_quotations_of_three_words() -> None:
    text = "He said “we said it was fine” and “she said” and added."
    tk = tokenize(text, 0, len(text))
    quotes = scan_quotes(text, Span(0, len(text)))
    assert [tk.lows[k] for k in _cue_candidates(tk, quotes)] == ["said", "said", "added"]
    assert [tk.starts[k] for k in _cue_candidates(tk, quotes)] == [3, 39, 49]


def test_attribution_in_the_sentence_after_a_quotation_without_a_cue() -> None:
    # the quotation is a sentence of its own, without a cue word: its speaker is read from
    # the next sentence, and the sentences without a cue word are not read for one
    text = ("The sea was rough. “The ferry will not run tomorrow or on the weekend.” "
            "The captain said it twice.")
    assert found(text) == [
        ("The ferry will not run tomorrow or on the weekend.", "direct", "said", "The captain", False),
        ("it twice", "indirect", "said", "The captain", False),
    ]
    text = "“The ferry will not run tomorrow or on the weekend.”  The captain stayed home."
    assert found(text) == [("The ferry will not run tomorrow or on the weekend.", "direct", None, None, True)]


@pytest.mark.parametrize("text", [
    "“Why?” asked Zoë — ‘twice’ — and «non» said ‹oui›; it’s 5″ long, don't „ja“ ‚nein‘ ‟so”.",
    "İzmir’s mayor said: “Café prices rose?” He said 'no' and \"yes\".",
    "No marks at all, only é, ü and — dashes…",
])
def test_marks_found_from_their_candidates_are_those_of_the_text(text: str) -> None:
    candidates = mark_candidates(text)
    assert len(candidates) == len(text)
    para = Span(0, len(text))
    assert [(q.open, q.close) for q in scan_quotes(text, para, candidates)] == [
        (q.open, q.close) for q in scan_quotes(text, para)]
    # every mark is a candidate; a candidate that is no mark is a character beyond ASCII or `?`
    for i, c in enumerate(text):
        assert (candidates[i] == ord('"')) == (c in "\"'?" or not c.isascii())


@pytest.mark.parametrize(("text", "clause"), [
    # a dateline before the reported clause is not part of it
    ("HANOI (VNA) — The new bridge will open in the spring, the minister said.",
     "The new bridge will open in the spring"),
    ("PANO – The harbour will reopen next week, officials said.", "The harbour will reopen next week"),
    # a dash after a capitalised name is no dateline
    ("Jason Sims — a teacher — thinks the school will reopen next week, the principal said.",
     "Jason Sims — a teacher — thinks the school will reopen next week"),
    # an outlet credit after the sentence is not part of the clause
    ("The mayor said the harbour will reopen next week. — VNS", "the harbour will reopen next week"),
    ("The mayor said the harbour - once closed - will reopen next week.",
     "the harbour - once closed - will reopen next week"),
])
def test_datelines_and_outlet_credits_around_a_reported_clause(text: str, clause: str) -> None:
    assert texts(text) == [clause]
