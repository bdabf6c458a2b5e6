"""Speaker resolution: the words that name a speaker -> a ``people[].name``, an
organisation's fullest name in the article, or None.

One forward pass over the article's events in text order (person mentions, the
attributions' speaker words, sentence boundaries) keeps the salience state that
pronouns and bare person nouns need: the subject of the latest sentence that had a
person as its subject, the last speaker, and when each person was last mentioned.
Every lookup is a dictionary or a bisect; nothing scans all sentences or all names.

The words naming a speaker are read in this order (word classes in
``newsx/data/speaker_words.tsv``):

1. none: a continuation keeps the previous quote's speaker, else unknown;
2. a pronoun (`he`, `she`): the most salient gender-compatible person (the subject
   of the sentence so far, of the preceding sentences, the last speaker, the latest
   mention); `it`/`they` right after an organisation speaker: that organisation;
3. a person's mention heading the words, or a name form the article uses for a
   person (`Mr. Phuc`, `Lacroix`, `Ambassador Giang`); not a possessive or the object
   of a preposition (`Trump's spokesman`, `a spokesman for Trump`);
4. an indefinite speaker (`a source`, `another journalist`): unknown;
5. `representatives from X`: X;
6. a role fitting a person's title by its head (`the minister` ~ `Minister of Foreign
   Affairs`): the latest bearer already mentioned (a whole title may point ahead);
7. a document (`the message says`): its author; `an X University announcement`: X;
8. a definite person noun (`the victim`, `the woman`): salience, like a pronoun;
9. a vague group (`residents`): as written; data (`the survey`): unknown;
10. an organisation: its fullest name in the article (`State police` ->
    `Arkansas State Police`, `the force` -> `Metropolitan Police`, `TFD` -> `Tucson
    Fire Department`), else as written;
11. a definite role or epithet with no bearer (`the Premier`, `the Lagos-born
    forward`): the subject or last speaker; an anonymous role (`the spokesman`) or
    words that are a clause, not a name: unknown.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from newsx.data import read_lines
from newsx.document import Document, Span
from newsx.model import Attribution, Person
from newsx.segment import is_word_char

# --- lexicon --------------------------------------------------------------------------

_PLAIN: Final = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                        "’": "'", "‘": "'", "ß": "ss"})
_TOKEN: Final = re.compile(r"[^\W_][\w'’.&-]{0,60}")
# ASCII words of at most 61 letters or digits (one ``_TOKEN`` each) between single spaces
_SIMPLE: Final = re.compile(r"[A-Za-z0-9]{1,61}(?: [A-Za-z0-9]{1,61})*")
_STOP: Final = frozenset("of for the and to in at on with from by de".split())
_MAX_TOKENS: Final = 24  # longer "speaker words" are cut: they are never a name
_MAX_CHARS: Final = 300
_MAX_NAMES: Final = 2000  # distinct organisation names kept per head word
_MAX_OCCURRENCES: Final = 5000  # occurrences of a head word looked at


@lru_cache(maxsize=2048)
def fold(text: str) -> str:
    """Case-folded, accent-free, dot-free form used for every comparison."""
    if text.isascii():
        return text.casefold().replace(".", "")
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace(".", "")


@dataclass(frozen=True, slots=True)
class Lexicon:
    classes: dict[str, dict[str, str]]

    def get(self, cls: str, word: str) -> str | None:
        return self.classes.get(cls, {}).get(word)

    def has(self, cls: str, word: str) -> bool:
        return word in self.classes.get(cls, {})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """``newsx/data/speaker_words.tsv``, loaded once."""
    classes: dict[str, dict[str, str]] = {}
    for line in read_lines("speaker_words.tsv"):
        word, cls, value = (line.split("\t") + ["-", "-"])[:3]
        classes.setdefault(cls.strip(), {})[fold(word.strip())] = value.strip()
    return Lexicon(classes)


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, dict[str, str]]:
    """The lexicon's classes, every class the resolver reads present (maybe empty)."""
    classes = dict(lexicon().classes)
    for cls in ("determiner", "group", "document", "org_head", "person_noun", "evidence",
                "anonymous", "role", "generic_role"):
        classes.setdefault(cls, {})
    return classes


# --- the words naming a speaker ----------------------------------------------------------

@dataclass(slots=True)
class Words:
    """The speaker words as tokens: surface forms and folded forms, possessives cut."""

    surface: tuple[str, ...]
    folded: tuple[str, ...]
    starts: tuple[int, ...]  # token starts relative to the phrase

    def __init__(self, surface: tuple[str, ...], folded: tuple[str, ...], starts: tuple[int, ...]) -> None:
        # written out: see Span.__init__ (newsx/document.py)
        self.surface = surface
        self.folded = folded
        self.starts = starts

    @classmethod
    def of(cls, text: str) -> Words:
        return _words(text)


@lru_cache(maxsize=2048)
def _words(text: str) -> Words:
    """``Words.of``: the tokens of ``text`` (cached: speaker words and names repeat)."""
    if _SIMPLE.fullmatch(text):  # most names: no possessive, dot or accent to handle
        surface: list[str] = text.split(" ", _MAX_TOKENS)[:_MAX_TOKENS]
        starts: list[int] = [0]
        for word in surface[:-1]:
            starts.append(starts[-1] + len(word) + 1)
        return Words(tuple(surface), tuple(text.lower().split(" ", _MAX_TOKENS)[:_MAX_TOKENS]),
                     tuple(starts))
    surface = []
    folded: list[str] = []
    starts = []
    for m in _TOKEN.finditer(text):
        word = m.group().rstrip(".-&")
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        if not word:
            continue
        surface.append(word)
        folded.append(fold(word))
        starts.append(m.start())
        if len(surface) >= _MAX_TOKENS:
            break
    return Words(tuple(surface), tuple(folded), tuple(starts))


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# --- people index ------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def _title_parts(words: tuple[str, ...]) -> tuple[str, ...]:
    """Folded title words split at hyphens, abbreviations expanded, stop words dropped."""
    lex = lexicon()
    parts: list[str] = []
    for w in words:
        alias = lex.get("role_alias", w)
        for piece in (alias.split() if alias else w.split("-")):
            if piece and piece not in _STOP:
                parts.append(piece)
    return tuple(parts)


@lru_cache(maxsize=1024)
def _form_key(name: str) -> str:
    """A name as its folded words joined by spaces: the key of ``PeopleIndex.forms``."""
    return " ".join(_words(name).folded)


@lru_cache(maxsize=1024)
def _title_info(title: str) -> tuple[tuple[str, ...], str]:
    """A title's parts (``_title_parts``) and its head as words (``_head_words``)."""
    words = _words(title).folded
    parts = _title_parts(words)
    return parts, (_head_words(_head(words)) if parts else "")


@dataclass(slots=True)
class PeopleIndex:
    people: Sequence[Person]
    forms: dict[str, set[int]] = field(default_factory=dict)
    tokens: dict[str, set[int]] = field(default_factory=dict)
    # (person, title words, title head as space-separated words: "under secretary general")
    titles: list[tuple[int, tuple[str, ...], str]] = field(default_factory=list)
    title_parts: dict[str, list[int]] = field(default_factory=dict)  # part -> title numbers
    mention_starts: list[int] = field(default_factory=list)
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, person)
    longest: int = 0  # the longest mention's length

    @classmethod
    def build(cls, doc: Document, people: Sequence[Person]) -> PeopleIndex:
        index = cls(people)
        text = doc.text
        for i, person in enumerate(people):
            names = [person.name, *person.aliases]
            names += [s.data if isinstance(s.data, str) else text[s.start:s.end] for s in person.spans]
            for name in dict.fromkeys(names):  # a person's mentions repeat the same words
                key = _form_key(name)
                if key:
                    index.forms.setdefault(key, set()).add(i)
            for word in _words(person.name).folded:
                index.tokens.setdefault(word, set()).add(i)
            for title in person.titles:
                parts, head_words = _title_info(title)
                if parts:
                    for part in set(parts):
                        index.title_parts.setdefault(part, []).append(len(index.titles))
                    index.titles.append((i, parts, head_words))
            index.mentions += [(s.start, s.end, i) for s in person.spans]
        index.mentions.sort()
        index.mention_starts = [m[0] for m in index.mentions]
        index.longest = max([end - start for start, end, _ in index.mentions], default=0)
        return index

    def overlapping(self, text: str, span: Span) -> int | None:
        """The person the speaker words name by a mention inside them: the last mention
        of the first comma-separated part that has one (`Trump campaign manager Kellyanne
        Conway`), leaving out possessives and objects of a preposition (`Trump's
        spokesman`, `a spokesman for Trump`)."""
        hi = bisect_left(self.mention_starts, span.end)
        # mentions starting further back than the longest mention end before the span
        lo = bisect_left(self.mention_starts, span.start - min(200, self.longest))
        chosen: tuple[int, int] | None = None  # (part, person)
        first, last = span.start, span.end
        for start, end, person in self.mentions[lo:hi]:
            if end <= first or start >= last:
                continue
            if text[end:end + 1] in ("'", "’") and text[end + 1:end + 2] in ("s", "", " "):
                continue
            if start <= first:  # nothing of the span before the mention: no preposition, no comma
                part = 0
            else:
                before = text[max(first, start - 12):start].split()
                if before and before[-1].casefold() in _PREPOSITIONS:
                    continue
                part = text.count(",", first, start)
            if chosen is None or part == chosen[0]:
                chosen = (part, person)
        return chosen[1] if chosen is not None else None


# --- salience state ------------------------------------------------------------------

@dataclass(slots=True)
class Salience:
    """What the forward pass knows at the current position."""

    last_mention: dict[int, int] = field(default_factory=dict)  # person -> position
    last_subject: int | None = None
    last_speaker: int | None = None
    last_resolved: str | None = None  # the previous quote's speaker, person or not
    last_resolved_person: int | None = None
    last_org: str | None = None
    sentence: int = -1
    sentence_first: int | None = None  # first person mentioned in the current sentence
    sentence_speaker: int | None = None
    recent: dict[int, None] = field(default_factory=dict)  # persons by last mention, latest last
    inferred_gender: dict[int, str] = field(default_factory=dict)

    def close_sentence(self) -> None:
        subject = self.sentence_speaker if self.sentence_speaker is not None else self.sentence_first
        if subject is not None:
            self.last_subject = subject
        self.sentence_first = None
        self.sentence_speaker = None

    def mention(self, person: int, pos: int, in_quote: bool, subject: bool = True) -> None:
        """A mention; ``subject`` is False where it cannot be the sentence's subject
        (a possessive: `Echoing Thien's view, Ve said …`)."""
        self.last_mention[person] = pos
        self.recent.pop(person, None)
        self.recent[person] = None
        if not in_quote and subject and self.sentence_first is None:
            self.sentence_first = person

    def spoke(self, person: int, pos: int) -> None:
        # ``self.mention(person, pos, False)``, inlined (it runs for every quote)
        self.last_mention[person] = pos
        self.recent.pop(person, None)
        self.recent[person] = None
        if self.sentence_first is None:
            self.sentence_first = person
        self.last_speaker = person
        if self.sentence_speaker is None:
            self.sentence_speaker = person


# --- resolution -------------------------------------------------------------------------

def resolve_speakers(doc: Document, people: Sequence[Person],
                     found: Sequence[Attribution]) -> list[str | None]:
    """One resolved speaker per attribution, in the same order."""
    if not found:
        return []
    return _Resolver(doc, people, found).run()


class _Resolver:
    def __init__(self, doc: Document, people: Sequence[Person],
                 found: Sequence[Attribution]) -> None:
        self.doc = doc
        self.people = people
        self.found = found
        self.index = PeopleIndex.build(doc, people)
        self.state = Salience()
        self.lex = lexicon()
        quotes = sorted([(a.text.start, a.text.end) for a in found])
        self.quote_starts = [q[0] for q in quotes]
        self.quote_ends = [q[1] for q in quotes]
        self.sentence_starts = [s.start for s in doc.sentences]
        self.orgs = _Organisations(doc.text)
        self.role_cache: dict[tuple[str, ...], tuple[frozenset[int], frozenset[int]]] = {}
        self.form_cache: dict[str, set[int] | None] = {}
        self.classes = _word_classes()
        self.honorifics = self.lex.classes.get("honorific", {})
        self.pronouns = self.lex.classes.get("pronoun", {})

    # the forward pass
    def run(self) -> list[str | None]:
        mentions = self.index.mentions
        found = self.found
        events = [(m[0], 0, n) for n, m in enumerate(mentions)]
        events += [(att.speaker.start if att.speaker is not None else att.text.start, 1, k)
                   for k, att in enumerate(found)]
        events.sort()
        resolved: list[str | None] = [None] * len(found)
        text = self.doc.text
        state = self.state
        sentence_starts = self.sentence_starts
        quote_starts, quote_ends = self.quote_starts, self.quote_ends
        sentences, before = len(sentence_starts), 0  # sentences starting at or before pos
        # the speaker words of the previous event, if it was an attribution, and their result
        repeat: tuple[int, int] | None = None
        repeat_result: str | None = None
        for pos, kind, item in events:
            while before < sentences and sentence_starts[before] <= pos:  # events are in order
                before += 1
            sentence = before - 1
            if sentence != state.sentence:
                state.close_sentence()
                state.sentence = sentence
            if kind == 0:
                _start, end, person = mentions[item]
                after = text[end:end + 2]
                possessive = after[:1] in ("'", "’") and after[1:2] in ("s", "", " ")
                # inside a quote? (quote spans rarely nest; look back a few to be safe)
                i = bisect_right(quote_starts, pos) - 1
                in_quote = (i >= 0 and pos < quote_ends[i]) or (i >= 1 and pos < quote_ends[i - 1]) \
                    or (i >= 2 and pos < quote_ends[i - 2])
                state.mention(person, pos, in_quote, not possessive)
                repeat = None
            else:
                att = found[item]
                words = (att.speaker.start, att.speaker.end) if att.speaker is not None else None
                if words is not None and words == repeat:
                    # the same words again, right after (several quotes of one sentence):
                    # resolving them would give the same result and change no state, since
                    # the first resolution made its result the most salient choice
                    resolved[item] = repeat_result
                    continue
                resolved[item] = repeat_result = self._resolve(att, pos)
                repeat = words
        return resolved

    # one attribution
    def _resolve(self, att: Attribution, pos: int) -> str | None:
        s = self.state
        if att.speaker is None:
            if att.continues:
                return s.last_resolved
            person, other = None, None
        else:
            person, other = self._read(att.speaker, pos)
        s.last_resolved_person = person
        if person is not None:
            s.spoke(person, pos)
            s.last_resolved = self.people[person].name
        else:
            s.last_resolved = other
            if other is not None:
                s.last_org = other
        return s.last_resolved

    def _read(self, span: Span, pos: int) -> tuple[int | None, str | None]:
        """(person index, None) for a person; (None, name or None) otherwise."""
        text = self.doc.text[span.start:span.end][:_MAX_CHARS]
        words = _words(text)
        if not words.folded:
            return None, None
        if len(words.folded) == 1 and words.folded[0] in self.pronouns:
            return self._pronoun(self.pronouns[words.folded[0]] or "", pos)
        person = self.index.overlapping(self.doc.text, span)
        if person is None:
            person = self._by_form(text)
        if person is not None:
            return person, None
        return self._phrase(text, words, pos)

    def _phrase(self, text: str, words: Words, pos: int) -> tuple[int | None, str | None]:
        """A speaker phrase that names no person directly: role, group, organisation, …"""
        c = self.classes  # word class -> its words (a dict lookup, not a method call)
        if _clause_after_comma(text):
            return None, None
        text = _cut_apposition(text)
        words = _words(text)
        if not words.folded:
            return None, None
        determiner = c["determiner"].get(words.folded[0])
        skip = 1 if determiner else 0
        body, surface = words.folded[skip:], words.surface[skip:]
        if not body:
            return None, None
        written = text[words.starts[skip]:].strip(" \t\r\n.,;:")
        head = _head(body)
        if determiner == "indefinite" and not (
                head in c["group"] or head in c["document"] or head in c["org_head"]):
            return None, None  # a source, another journalist, a spokeswoman for …
        target = _represented(text)  # representatives from X: X speaks
        if target is not None:
            person, other = self._read_text(target, pos)
            if person is not None or other is not None:
                return person, other
        person = self._role(body, pos)
        if person is not None:
            return person, None
        if head in c["document"] and head == body[-1]:
            return self._document(surface[:-1], body[:-1], determiner, pos)
        if head in c["person_noun"] and determiner == "definite":
            return self._pronoun(c["person_noun"].get(head) or "-", pos)
        if head in c["group"]:
            return None, written
        if head in c["evidence"]:
            return None, None
        head_written = surface[_head_index(body)]
        if head in c["org_head"]:
            return None, self.orgs.fullest(surface, body, pos) or written
        if determiner == "definite" and head not in c["anonymous"] and (
                head in c["role"] or head in c["generic_role"]
                or _epithet(surface, head_written)):
            # the Premier, the Government leader, the former youth international
            return self._described(head), None
        if (head in c["role"] or head in c["generic_role"] or head in c["person_noun"]
                or head in c["anonymous"]):
            return None, None
        if any(_is_capitalised(w) for w in surface) and _name_like(surface):
            return None, self.orgs.fullest(surface, body, pos) or written
        return None, None

    def _described(self, head: str) -> int | None:
        """The person a definite description with no title bearer refers to: the subject
        of the preceding sentences or the last speaker. A role word (`the Premier`) goes
        only to someone the article gives no title; a generic one (`the leader`) to
        someone it gives a title; an epithet (`the veteran forward`) to either."""
        s = self.state
        for person in (s.last_subject, s.last_speaker):
            if person is None:
                continue
            titled = bool(self.people[person].titles)
            if self.lex.has("generic_role", head) and not titled:
                continue
            if self.lex.has("role", head) and titled:
                continue
            return person
        return None

    def _document(self, surface: Sequence[str], folded: Sequence[str], determiner: str | None,
                  pos: int) -> tuple[int | None, str | None]:
        """`an Auckland University statement`: the body named; `the message`: its author."""
        named = [i for i, w in enumerate(surface)
                 if _is_capitalised(w) or self.lex.has("org_head", folded[i])]
        if named:
            words = surface[named[0]:]
            person = self._by_form(" ".join(words))
            if person is not None:
                return person, None
            return None, self.orgs.fullest(words, folded[named[0]:], pos) or " ".join(words)
        if determiner == "definite":
            return self._previous()
        return None, None

    def _read_text(self, text: str, pos: int) -> tuple[int | None, str | None]:
        person = self._by_form(text)
        if person is not None:
            return person, None
        words = _words(text)
        if not words.folded or not any(_is_capitalised(w) for w in words.surface):
            return None, None
        return self._phrase(text, words, pos)

    def _previous(self) -> tuple[int | None, str | None]:
        """The previous quote's speaker, as a person or a name."""
        s = self.state
        if s.last_resolved_person is not None:
            return s.last_resolved_person, None
        if s.last_resolved is not None:
            return None, s.last_resolved
        return s.last_speaker, None

    # names
    def _by_form(self, text: str) -> int | None:
        """A person whose name form ends one of the comma-separated chunks of ``text``
        (not inside a prepositional phrase: `a spokesman for Ray Dunn`)."""
        if text in self.form_cache:
            persons = self.form_cache[text]
        else:
            persons = self.form_cache[text] = self._form_persons(text)
        return self._latest(persons) if persons else None

    def _form_persons(self, text: str) -> set[int] | None:
        """The persons ``_by_form`` chooses among (the latest mentioned wins)."""
        for chunk in text.split(","):
            words = _words(chunk).folded
            # the longest suffix that is a known form, then the longest suffix of name tokens
            for k in range(len(words)):
                hits = self.index.forms.get(" ".join(words[k:]))
                if hits:
                    if k and words[k - 1] in _PREPOSITIONS:
                        break  # the object of `a spokesman for Ray Dunn`
                    return hits
            for k in range(len(words)):
                tail = words[k:]
                if k and words[k - 1] in _PREPOSITIONS:
                    break
                if tail[0] in self.honorifics:
                    continue
                common: set[int] | None = None
                for w in tail:
                    found = self.index.tokens.get(w, _NO_PERSONS)
                    common = set(found) if common is None else common & found
                    if not common:
                        break
                if common:
                    return common
        return None

    def _latest(self, persons: set[int]) -> int:
        return max(persons, key=lambda i: (self.state.last_mention.get(i, -1), -i))

    # roles
    def _role(self, body: Sequence[str], pos: int) -> int | None:
        """The most recently mentioned person (mentioned before the quote) bearing a title
        that fits the role words."""
        key = tuple(body)
        if key not in self.role_cache:
            self.role_cache[key] = self._bearers(body)
        bearers, exact = self.role_cache[key]
        if not bearers:
            return None
        # a role refers back: its bearer is someone already mentioned, the latest first;
        # only a role that is a whole title (`the Prime Minister`) may name someone later
        for person in reversed(self.state.recent):
            if person in bearers:
                return person
        return min(exact) if exact else None

    def _bearers(self, body: Sequence[str]) -> tuple[frozenset[int], frozenset[int]]:
        """The persons whose titles fit the role words best (the head must fit), and
        those of them with a title holding every role word."""
        parts = _title_parts(tuple(body))
        if not parts:
            return frozenset(), frozenset()
        head = _head(body)
        head_text = " " + _head_words(head)
        generic = self.lex.has("generic_role", head)
        wanted = set(parts)
        best = 0
        bearers: set[int] = set()
        exact: set[int] = set()
        numbers = sorted({n for part in wanted for n in self.index.title_parts.get(part, ())})
        for person, title, title_head in (self.index.titles[n] for n in numbers):
            overlap = len(wanted & set(title))
            if (" " + title_head).endswith(head_text):
                score = overlap + 1
            elif generic and overlap >= 1:
                score = overlap
            else:
                continue
            if score > best:
                best, bearers, exact = score, {person}, set()
            if score == best:
                bearers.add(person)
                if wanted <= set(title):
                    exact.add(person)
        return frozenset(bearers), frozenset(exact)

    # pronouns and person nouns
    def _pronoun(self, gender: str, pos: int) -> tuple[int | None, str | None]:
        s = self.state
        if gender in ("plural", "neuter"):
            return (None, s.last_org) if s.last_org and s.last_resolved == s.last_org else (None, None)
        if gender not in ("male", "female", "-"):
            return None, None
        for candidate in self._salient(s):
            if self._compatible(candidate, gender):
                if gender in ("male", "female") and self.people[candidate].gender is None:
                    s.inferred_gender.setdefault(candidate, gender)
                return candidate, None
        return None, None

    def _salient(self, s: Salience) -> Iterator[int]:
        """Candidates for a pronoun, most salient first (repeats are harmless)."""
        if s.sentence_first is not None:
            yield s.sentence_first
        if s.last_subject is not None:
            yield s.last_subject
        if s.last_speaker is not None:
            yield s.last_speaker
        yield from reversed(s.recent)

    def _compatible(self, person: int, gender: str) -> bool:
        if gender == "-":
            return True
        known = self.people[person].gender or self.state.inferred_gender.get(person)
        return known is None or known == gender


_PREPOSITIONS: Final = frozenset("of for from at with in to on by".split())
_NO_PERSONS: Final[frozenset[int]] = frozenset()
_POSSESSIVES: Final = frozenset("his her its their our my your".split())


def _head(body: Sequence[str]) -> str:
    """The head noun: the last word before a preposition (`Minister of Foreign Affairs`)."""
    return body[_head_index(body)]


@lru_cache(maxsize=1024)
def _head_words(head: str) -> str:
    """A head word as the words it stands for: `pm` -> `minister`, `under-secretary-general`
    -> `under secretary general` (so that `secretary-general` fits it as a suffix)."""
    alias = lexicon().get("role_alias", head)
    if alias:
        return alias.split()[-1]
    return " ".join(w for w in head.split("-") if w)


def _head_index(body: Sequence[str]) -> int:
    for i, word in enumerate(body):
        if i and word in _PREPOSITIONS:
            return i - 1
    return len(body) - 1


def _epithet(surface: Sequence[str], head: str) -> bool:
    """A description of a person by a lowercase noun with a proper modifier or an age
    (`the Super Eagles' fringe forward`, `the 23-year-old`)."""
    if _is_capitalised(head):
        return False
    return head.endswith("-year-old") or any(_is_capitalised(w) for w in surface)


def _name_like(surface: Sequence[str]) -> bool:
    """Words that can be a name as written: short, mostly capitalised (not a clause)."""
    lex = lexicon()
    folded = [fold(w) for w in surface]
    if folded[0] in _PREPOSITIONS or any(lex.has("pronoun", w) or w in _POSSESSIVES for w in folded):
        return False  # `In his`, `Obviously, we`: a clause, not a name
    lower = sum(1 for w in surface if not _is_capitalised(w) and fold(w) not in _STOP)
    return len(surface) <= 8 and lower <= 2


def _clause_after_comma(text: str) -> bool:
    """`Obviously, we`: words before a comma and a pronoun are not a name."""
    _first, comma, rest = text.partition(",")
    if not comma:
        return False
    words = _words(rest).folded
    return bool(words) and lexicon().has("pronoun", words[0])


_BRACKETED: Final = re.compile(r"\s*\([^()]{0,40}\)")


def _cut_apposition(text: str) -> str:
    """``Rovio, the maker of …`` -> ``Rovio``; ``News Agency of Nigeria (NAN)`` -> the name."""
    if "(" in text:
        text = _BRACKETED.sub("", text)
    first, comma, rest = text.partition(",")
    if comma and _NAME_LIST.match(comma + rest):
        return text.strip()  # `Ministry of Agriculture, Food and Rural Affairs` is one name
    return first.strip() or text


_REPRESENTS: Final = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|representatives?|officials?)\s+(?:from|for|of|at)\s+(.{2,120})$",
    re.IGNORECASE)


def _represented(text: str) -> str | None:
    if text.isascii():  # the case-blind pattern's words must be there (a cheap test)
        low = text.lower()
        if "spokes" not in low and "representative" not in low and "official" not in low:
            return None
    m = _REPRESENTS.search(text)
    return m.group(1) if m else None


# --- organisations ---------------------------------------------------------------------

_CAP_WORD: Final = r"[A-Z][\w'’&-]{0,40}"
_FUNCTION: Final = r"(?:of|for|and|the|on|&|de)"
_SP: Final = r"[ \u00a0]{1,3}"  # names do not run over line ends
_COMPANY: Final = r"(?:Inc|Ltd|Corp|LLC|PLC|plc|Co|AG|SA|GmbH|Limited|Corporation)"
# the capitalised words before an organisation noun, and `of …`/`Inc` after it
_BEFORE: Final = re.compile(rf"(?:(?:{_CAP_WORD}|and|&){_SP}){{1,6}}\Z")
# ``_BEFORE`` read backwards over the reversed text: one anchored match instead of a
# search trying every start in the window (the greedy match ends where the leftmost
# ``_BEFORE`` match starts)
_BEFORE_REVERSED: Final = re.compile(rf"(?:{_SP}(?:[\w'’&-]{{0,40}}[A-Z]|dna|&)){{1,6}}")
# a list of capitalised fields inside a name: `of Agriculture, Food and Rural Affairs`
_CAPS: Final = rf"{_CAP_WORD}(?:{_SP}{_CAP_WORD}){{0,3}}"
_LIST_TAIL: Final = rf"(?:,{_SP}{_CAPS}){{0,3}},?{_SP}(?:and|&){_SP}{_CAPS}"
_AFTER: Final = re.compile(rf"(?:{_SP}(?:of|for){_SP}(?:the{_SP})?{_CAP_WORD}(?:{_SP}{_CAP_WORD}){{0,4}}"
                    rf"(?:{_LIST_TAIL})?)?"
                    rf"(?:,?{_SP}{_COMPANY}\b\.?)?")
_NAME_LIST: Final = re.compile(rf"\A(?:,{_SP}{_CAPS}){{1,3}},?{_SP}(?:and|&){_SP}{_CAPS}\s*\Z")
_BEFORE_WINDOW: Final = 300
_SPACES: Final = frozenset(" \u00a0")  # the characters of ``_SP``
_SPACES_OR_COMMA: Final = frozenset(" \u00a0,")
_CAPS_AFTER: Final = re.compile(rf"(?:{_SP}(?:{_CAP_WORD}|and|&)){{1,5}}")


def _before_start(text: str, lo: int, end: int) -> int:
    """Where ``_BEFORE.search(text, lo, end)`` starts (``end`` when it does not match)."""
    m = _BEFORE_REVERSED.match(text[lo:end][::-1])
    return end - m.end() if m else end


_NON_SPACE_RUN: Final = re.compile(r"\S+")


def _more_words(text: str, end: int) -> int:
    """Extend a name over following capitalised words up to the last organisation noun
    (`South Wales Fire` + ` and Rescue Service`); never over a person's name."""
    m = _CAPS_AFTER.match(text, end)
    if not m:
        return end
    lex = lexicon()
    last = end
    for w in _NON_SPACE_RUN.finditer(m.group()):
        if lex.has("org_head", fold(w.group())):
            last = end + w.end()
    return last


class _Organisations:
    """Organisation names in the text, found on demand and cached per call."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.acronyms: dict[str, str | None] = {}  # letters -> the name they stand for
        self.found: dict[tuple[str, ...], str | None] = {}
        self.names: dict[str, tuple[list[tuple[int, str, Sequence[str]]], dict[str, set[int]]]] = {}
        self.lowered: str | None = None  # the text lowercased, if ASCII (on first use)
        self.lowered_done = False

    def fullest(self, surface: Sequence[str], folded: Sequence[str], pos: int) -> str | None:
        """The fullest name in the text for the organisation words, or None."""
        key = ("np", *folded)
        if key not in self.found:
            self.found[key] = self._fullest(surface, folded, pos)
        return self.found[key]

    def _fullest(self, surface: Sequence[str], folded: Sequence[str], pos: int) -> str | None:
        if len(surface) == 1 and _is_acronym(surface[0]):
            return self._expand(surface[0])
        lex = lexicon()
        head = folded[-1]
        if not lex.has("org_head", head) and not all(_is_capitalised(w) for w in surface):
            return None
        others = [w for w in folded[:-1] if w not in _STOP]
        best: tuple[int, int, int, str] | None = None
        for form in self._head_forms(head):
            names, by_token = self._names(form)
            if others:
                ids = set(by_token.get(others[0], ()))
                for w in others[1:]:
                    ids &= by_token.get(w, set())
            else:
                ids = set(range(len(names)))
            for n in ids:
                start, name, tokens = names[n]
                if not _contains(tokens, folded):
                    continue
                rank = (len(tokens), int(start < pos), -start, name)
                if best is None or rank > best:
                    best = rank
        return best[3] if best is not None else None

    def _head_forms(self, head: str) -> tuple[str, ...]:
        return _head_forms(head)

    def _names(self, head: str) -> tuple[list[tuple[int, str, Sequence[str]]], dict[str, set[int]]]:
        """Distinct capitalised names containing ``head`` as a word (first occurrence each),
        and an index from their words to them."""
        if head in self.names:
            return self.names[head]
        names: list[tuple[int, str, Sequence[str]]] = []
        by_token: dict[str, set[int]] = {}
        seen: set[str] = set()
        bare: dict[str, str] = {}  # the head word alone, as _trim_name leaves it
        text = self.text
        if not self.lowered_done:
            self.lowered = text.lower() if text.isascii() else None
            self.lowered_done = True
        for seen_count, (at, end) in enumerate(_occurrences(text, head, self.lowered)):
            if seen_count >= _MAX_OCCURRENCES:
                break
            # both patterns start with a space (or a comma): most occurrences skip them
            first = _before_start(text, max(0, at - _BEFORE_WINDOW), at) if text[at - 1:at] in _SPACES else at
            last = end
            if text[end:end + 1] in _SPACES_OR_COMMA:
                last = _AFTER.match(text, end).end()  # type: ignore[union-attr]  # always matches
                if last == end:
                    last = _more_words(text, last)
            if first == at and last == end:
                word = text[at:end]
                if word not in bare:
                    bare[word] = _trim_name(word, 0)[0]
                name, start = bare[word], at
            else:
                name, start = _trim_name(text[first:last], first)
            if not name or name in seen:
                continue
            seen.add(name)
            tokens = _words(name).folded
            for w in set(tokens):
                by_token.setdefault(w, set()).add(len(names))
            names.append((start, name, tokens))
            if len(names) >= _MAX_NAMES:
                break
        self.names[head] = (names, by_token)
        return names, by_token

    def _expand(self, acronym: str) -> str | None:
        """The first name in the text whose words start with the acronym's letters."""
        letters = acronym.replace(".", "")
        if letters not in self.acronyms:
            self.acronyms[letters] = _acronym_name(self.text, letters)
        return self.acronyms[letters]


@lru_cache(maxsize=1024)
def _head_forms(head: str) -> tuple[str, ...]:
    """The organisation head words that stand for the same thing as ``head``."""
    lex = lexicon()
    canonical = lex.get("org_head", head)
    if canonical is None:
        return (head,)
    return tuple(w for w, c in lex.classes["org_head"].items() if c == canonical)


@lru_cache(maxsize=256)
def _acronym_pattern(letters: str) -> re.Pattern[str]:
    """Words starting with the acronym's letters in turn (function words allowed between).

    The pattern begins with the first letter, a literal the regex engine scans for
    quickly; the word boundary before it is checked after it, as ``(?<!\\w.)`` (no word
    character before the letter): a leading ``\\b`` would make the engine try every
    position of the text."""
    sep = rf"{_SP}(?:{_FUNCTION}{_SP}){{0,2}}"
    words = sep.join(rf"{c}[\w'’-]{{0,30}}" for c in letters)
    return re.compile(words[0] + r"(?<!\w.)" + words[1:] + r"\b")


_FUNCTION_WORDS: Final = ("of", "for", "and", "the", "on", "&", "de")  # ``_FUNCTION``, in order
_MAX_WORD_TAIL: Final = 30  # the ``{0,30}`` of ``_acronym_pattern``'s words


def _acronym_name(text: str, letters: str) -> str | None:
    """The first match of ``_acronym_pattern(letters)`` in ``text`` holding a space, found
    without compiling the pattern (a compile costs more than a search over the text):
    ``str.find`` proposes each place of the first letter, ``_acronym_end`` reads on."""
    pos = 0
    while True:
        at = text.find(letters[0], pos)
        if at < 0:
            return None
        end = _acronym_end(text, letters, at)
        if end < 0:
            pos = at + 1
            continue
        if " " in text[at:end]:
            return text[at:end]
        pos = end  # the next match starts after this one, as ``finditer`` reads on


def _acronym_end(text: str, letters: str, at: int) -> int:
    """Where the match of ``_acronym_pattern(letters)`` starting at ``at`` ends, or -1.

    The pattern matches in one way only: a word's tail (``[\\w'’-]{0,30}``) before a space
    must be its whole run (a shorter one is followed by no space), a run of spaces is
    taken whole (the next item never begins with a space), and a function word can never
    be read as the next letter (the letters are capitals, the function words are not).
    Only the last tail gives back characters, to end at a word boundary (``\\b``)."""
    if at > 0 and is_word_char(text[at - 1]):
        return -1  # the lookbehind after the first letter
    i = at + 1
    for letter in letters[1:]:
        tail = _run_end(text, i, i + _MAX_WORD_TAIL + 1)
        if tail - i > _MAX_WORD_TAIL:
            return -1
        i = _after_separator(text, tail)
        if i < 0 or not text.startswith(letter, i):
            return -1
        i += 1
    top = _run_end(text, i, i + _MAX_WORD_TAIL)
    for end in range(top, i - 1, -1):
        if is_word_char(text[end - 1]) != (end < len(text) and is_word_char(text[end])):
            return end
    return -1


def _after_separator(text: str, i: int) -> int:
    """The end of ``_SP(?:_FUNCTION _SP){0,2}`` at ``i``, or -1 where it cannot stand
    before a letter of the acronym."""
    i = _spaces_end(text, i)
    for _ in range(2):
        word = next((w for w in _FUNCTION_WORDS if text.startswith(w, i)), None)
        if word is None:
            break
        i = _spaces_end(text, i + len(word))
    return i


def _spaces_end(text: str, i: int) -> int:
    """The end of a run of one to three ``_SP`` characters at ``i`` (-1 when there is none
    or it runs on: no item after it can then match); -1 stays -1."""
    if i < 0:
        return -1
    n = 0
    while i + n < len(text) and text[i + n] in _SPACES:
        n += 1
    return i + n if 1 <= n <= 3 else -1


def _run_end(text: str, i: int, limit: int) -> int:
    """The end of the run of ``[\\w'’-]`` characters at ``i``, read up to ``limit``."""
    top = min(limit, len(text))
    while i < top and _is_name_char(text[i]):
        i += 1
    return i


@lru_cache(maxsize=256)
def _head_pattern(head: str) -> re.Pattern[str]:
    """The occurrences of an organisation head word, capitalised or not (what
    ``_occurrences`` finds, as a regex: for the rare empty head, and for tests)."""
    word = re.escape(head[:1].upper() + head[1:])
    lower = re.escape(head)
    return re.compile(rf"(?<![\w'’-])(?:{word}|{lower})(?![\w'’-])")


def _is_name_char(c: str) -> bool:
    """Whether ``c`` is one character of ``[\\w'’-]`` (``\\w`` is alphanumeric or ``_``)."""
    return c.isalnum() or c in "_'’-"


def _occurrences(text: str, head: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
    """The (start, end) of every match of ``_head_pattern(head).finditer(text)``, found
    without compiling a pattern per word (the compile cost more than the search):
    ``str.find`` proposes the places where the word (capitalised or not) starts, and
    the characters on either side are checked. ``lowered``, the text lowercased when it
    is ASCII (same offsets), finds both forms in one pass."""
    if not head:
        for m in _head_pattern(head).finditer(text):
            yield m.span()
        return
    word = head[:1].upper() + head[1:]
    forms = (word, head) if word != head else (head,)
    if lowered is not None:
        find, upper_form = lowered.find, head  # the places of any case of the word
    else:
        find, upper_form = text.find, word
    upper = find(upper_form)
    lower = find(head) if upper_form != head else -1
    end = 0
    while upper >= 0 or lower >= 0:  # the two words' places, merged in text order
        if lower < 0 or 0 <= upper < lower:
            at, upper = upper, find(upper_form, upper + 1)
        else:
            at, lower = lower, find(head, lower + 1)
        if at < end or (at and _is_name_char(text[at - 1])):
            continue
        for form in forms:  # the regex's alternatives, in its order
            stop = at + len(form)
            if text.startswith(form, at) and not (stop < len(text) and _is_name_char(text[stop])):
                end = stop
                yield at, stop
                break


def _contains(tokens: Sequence[str], wanted: Sequence[str]) -> bool:
    """``wanted`` occurs in ``tokens`` as a run; organisation heads match their synonyms
    (`the force` ~ `Metropolitan Police`)."""
    lex = lexicon()
    n = len(wanted)
    for i in range(len(tokens) - n + 1):
        for have, want in zip(tokens[i:i + n], wanted, strict=True):
            if have != want and (lex.get("org_head", have) is None
                                 or lex.get("org_head", have) != lex.get("org_head", want)):
                break
        else:
            return True
    return False


_LEADING: Final = frozenset("the a an on in at for and of by as after before when while with from to "
                     "this that these those its their his her our".split())
_DAYS: Final = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                  "march april may june july august september october november december".split())


def _trim_name(name: str, start: int) -> tuple[str, int]:
    """Drop leading function words, articles, days and months from a found name, and
    everything up to a possessive (`Vietnam's Foreign Ministry` -> `Foreign Ministry`)."""
    words = name.split()
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w.endswith(("'s", "’s", "s'", "s’")):
            cut = i + 1
    for w in words[cut:]:
        if fold(w) in _LEADING or fold(w) in _DAYS or not _is_capitalised(w):
            cut += 1
            continue
        break
    if cut == 0:
        return name, start
    kept = words[cut:]
    if not kept:
        return "", start
    offset = name.find(kept[0], sum(len(w) for w in words[:cut]))
    return name[offset:], start + offset
