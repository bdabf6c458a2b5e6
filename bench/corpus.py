"""Deterministic article generator for the benchmark (every text here is our own).

``article(rng, target)`` writes one plain-text news article of about ``target`` bytes in
one of several house styles: a Vietnamese outlet with a ``date ... Submit Release``
header and breadcrumbs, a Vietnam News Agency wire with a dateline, a Reuters or AP wire,
a US local story with a byline and ``Updated:`` line, a UK story, a defence-paper story
with a ``| 19:53 (GMT+7)`` date line, a sports report and a press release. Bodies mix
plain sentences with direct, indirect, mixed, split, nested and multi-paragraph quotes,
scare quotes, photo captions, ``|`` lines and ``Read more`` trailers.
"""

from __future__ import annotations

import random
from collections.abc import Callable

FIRST = ("Anna Brian Carla David Elena Frank Grace Henry Irene James Karen Luis Maria Nathan Olivia "
         "Peter Quinn Rachel Samuel Teresa Victor Wendy Yusuf Zoe Amara Kwame Priya Rahul Mei Kenji "
         "Aisha Tomas Ingrid Mateo Chloe Oliver Fatima Daniel Sofia Hugo").split()
LAST = ("Adams Baker Carter Dawson Evans Fischer Garcia Hughes Ibrahim Jensen Kowalski Lambert Moreno "
        "Nakamura Okafor Patel Quintero Rossi Schmidt Tanaka Underwood Vargas Walsh Xu Young Zimmerman "
        "Mensah Otieno Haddad Lindqvist O'Neill McAllister Fitzgerald Delacroix").split()
VN_FAMILY = "Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ho Ngo Duong Ly".split()
VN_MIDDLE = "Van Thi Duc Minh Thanh Quoc Hong Ngoc Xuan Huu".split()
VN_GIVEN = "An Binh Cuong Dung Giang Hai Hanh Hung Lan Long Mai Nam Phuong Quang Son Thao Trung Tuan".split()
TITLES = ("Minister of Planning and Investment", "Deputy Prime Minister", "police spokeswoman",
          "chief executive", "Mayor", "head coach", "Professor of economics", "Governor",
          "Director of the Department of Health", "chairwoman of the provincial People's Committee",
          "Ambassador", "Senator", "union leader", "principal", "fire chief")
HONORIFIC = ("Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Prof.", "Lt. Gen.")
ORGS = ("the Ministry of Planning and Investment", "the city council", "State police",
        "the World Bank", "the provincial People's Committee", "the Department of Transport",
        "the United Nations Development Programme", "the school board", "the football federation",
        "the Chamber of Commerce", "the health ministry", "the port authority")
SUBJECTS = ("the provincial authorities", "the new government", "local farmers", "the two countries",
            "the central bank", "investors from Japan and the Republic of Korea", "the city",
            "small businesses", "the national team", "hospitals in the region", "the U.N. mission",
            "residents of the district", "the company", "teachers", "the coastguard")
VERBS = ("will expand", "have agreed to finance", "are reviewing", "plan to rebuild", "must protect",
         "hope to double", "cannot afford", "will inspect", "want to modernise", "are ready to support",
         "have already completed", "will gradually reduce", "intend to upgrade", "should share")
OBJECTS = ("the irrigation network", "exports of rice and coffee", "the coastal highway",
           "ties in trade and investment", "public transport", "the training programme",
           "emergency shelters", "the digital transformation plan", "the old market",
           "vaccination coverage", "the tax on imported steel", "the peacekeeping force",
           "bus fares", "the river embankment", "the youth academy")
TIMES = ("before the rainy season", "by the end of the year", "over the next five years", "this month",
         "in the coming weeks", "as soon as funds arrive", "from January", "despite the delays",
         "after a review in No. 5 district", "within 18 months", "at a cost of $4.5 million",
         "by 12 percent a year", "in line with U.S.-based partners' advice")
SAY = ("said", "added", "noted", "stressed", "told reporters", "affirmed", "explained", "warned",
       "underlined", "emphasised", "insisted", "recalled", "announced", "wrote")
SCARE = ("green corridor", "yellow card", "smart city", "zero-dollar tours", "golden hour")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
PLACES = ("HANOI", "HO CHI MINH CITY", "WASHINGTON", "LONDON", "SYDNEY", "NAIROBI", "SINGAPORE",
          "DA NANG", "TOKYO", "BRUSSELS")
SECTIONS = ("Politics & Law", "Society", "Economy", "Sports", "World", "Life & Style", "Opinion")
QUOTES = (("“", "”"), ('"', '"'))


def cap(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` would lower the rest)."""
    return text[:1].upper() + text[1:]


class Writer:
    """One article's state: its people, date and quote marks, so pronouns and aliases agree."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = [self._person() for _ in range(rng.randint(2, 5))]
        self.year = rng.randint(2015, 2024)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.open, self.close = rng.choice(QUOTES)

    def _person(self) -> tuple[str, str, str, str]:
        """(full name, short form, pronoun, title)."""
        rng = self.rng
        if rng.random() < 0.4:
            given = rng.choice(VN_GIVEN)
            full = f"{rng.choice(VN_FAMILY)} {rng.choice(VN_MIDDLE)} {given}"
            short = given
        else:
            last = rng.choice(LAST)
            full = f"{rng.choice(FIRST)} {last}"
            if rng.random() < 0.2:
                full = f"{rng.choice(FIRST)} {rng.choice('ABCDEHJKLMRST')}. {last}"
            short = last
        return full, short, rng.choice(("he", "she")), rng.choice(TITLES)

    def clause(self) -> str:
        rng = self.rng
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TIMES)}"

    def who(self) -> str:
        rng = self.rng
        full, short, pronoun, title = rng.choice(self.people)
        return rng.choice((full, short, pronoun, f"{rng.choice(HONORIFIC)} {short}", f"the {title.lower()}",
                           f"{title} {full}"))

    def q(self, text: str) -> str:
        return f"{self.open}{text}{self.close}"

    def sentence(self) -> str:
        rng = self.rng
        c = self.clause()
        who = self.who()
        Who = who[0].upper() + who[1:]
        say = rng.choice(SAY)
        kind = rng.randrange(14)
        if kind == 0:
            return cap(c) + "."
        if kind == 1:
            return f"{self.q(cap(c) + ',')} {who} {say}."
        if kind == 2:
            return f"{Who} {say}: {self.q(cap(c) + '.')}"
        if kind == 3:
            c2 = self.clause()
            return f"{self.q(cap(c) + ',')} {who} {say}. {self.q(cap(c2) + '.')}"
        if kind == 4:
            return f"{self.q(cap(c) + ',')} {who} {say}, {self.q(self.clause() + '.')}"
        if kind == 5:
            return f"{Who} {say} that {c}."
        if kind == 6:
            return f"{cap(c)}, {who} {say}."
        if kind == 7:
            return f"According to {rng.choice(ORGS)}, {c}."
        if kind == 8:
            return f"{Who} {say} the plan was {self.q(rng.choice(OBJECTS) + ' ' + rng.choice(TIMES))}."
        if kind == 9:
            return (f"{self.q('They told us ‘' + c + '’ and then left,')} {who} {say}, adding that "
                    f"{self.clause()}.")
        if kind == 10:
            return f"The so-called {self.q(rng.choice(SCARE))} scheme means {c}."
        if kind == 11:
            return f"{Who} hoped {c}, while {rng.choice(ORGS)} {say} it was too early to judge."
        if kind == 12:
            return f"{Who} thanked {rng.choice(ORGS)} and praised {rng.choice(OBJECTS)}."
        return f"{cap(c)} on {MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {who} {say}."

    def paragraph(self) -> str:
        rng = self.rng
        if rng.random() < 0.05:  # a quotation running over two paragraphs
            full, _s, _p, title = rng.choice(self.people)
            return (f"{full}, {title}, said: {self.open}{cap(self.clause())}.\n\n"
                    f"{self.open}{cap(self.clause())}.{self.close}")
        return " ".join(self.sentence() for _ in range(rng.randint(1, 4)))

    def caption(self) -> str:
        full, _s, _p, title = self.rng.choice(self.people)
        credit = self.rng.choice(("VNA/VNS Photo", "Photo: VNA", "Photo courtesy of the ministry",
                                  "(Photo: Reuters)", "AP Photo/Staff"))
        return f"{cap(title)} {full} speaks at the meeting in {self.rng.choice(PLACES).title()}. {credit}"

    def headline(self) -> str:
        full, short, _p, _t = self.rng.choice(self.people)
        c = self.clause()
        return self.rng.choice((cap(c), f"{short}: {cap(c)}",
                                f"{full} says {c}", c.title()))

    def date_long(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.day}, {self.year}"

    def body(self, target: int, furniture: Callable[[int], str | None]) -> list[str]:
        out: list[str] = []
        size = 0
        i = 0
        while size < target:
            extra = furniture(i)
            if extra:
                out.append(extra)
                size += len(extra)
            para = self.paragraph()
            out.append(para)
            size += len(para.encode("utf-8")) + 1
            i += 1
        return out


def _vns(w: Writer, target: int) -> str:
    rng = w.rng
    head = [f"date {w.year}-{w.month:02d}-{w.day:02d} Submit Release",
            f"{rng.choice(SECTIONS)} | {rng.choice(SECTIONS)}", w.headline(), ""]

    def furniture(i: int) -> str | None:
        return w.caption() if i == 1 or rng.random() < 0.08 else None

    tail = ["— VNS", "", "Read more", f"{w.headline()}", "Share Tweet Email"]
    return "\n".join(head + w.body(target, furniture) + tail) + "\n"


def _vna(w: Writer, target: int) -> str:
    rng = w.rng
    first = f"{rng.choice(PLACES)}, {MON[w.month - 1]} {w.day} (VNA) - {w.paragraph()}"
    paras = w.body(target - len(first), lambda i: "Photo: VNA" if rng.random() < 0.05 else None)
    return "\n\n".join([w.headline(), first, *paras, "VNA"]) + "\n"


def _wire(w: Writer, target: int) -> str:
    rng = w.rng
    agency, dash = rng.choice((("Reuters", "-"), ("AP", "—"), ("AFP", "-")))
    byline = []
    if agency == "AP":
        byline = [f"By {rng.choice(FIRST).upper()} {rng.choice(LAST).upper()} Associated Press"]
    first = f"{rng.choice(PLACES)} ({agency}) {dash} {w.paragraph()}"
    paras = w.body(target - len(first), lambda i: None)
    tail = [f"Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; Editing by {rng.choice(FIRST)} "
            f"{rng.choice(LAST)}"] if agency == "Reuters" else []
    return "\n\n".join([w.headline(), *byline, first, *paras, *tail]) + "\n"


def _us_local(w: Writer, target: int) -> str:
    rng = w.rng
    hour = rng.randint(1, 12)
    head = [w.headline(),
            f"By {rng.choice(FIRST)} {rng.choice(LAST)} and {rng.choice(FIRST)} {rng.choice(LAST)}",
            f"Updated: {MON[w.month - 1]}. {w.day}, {w.year} {hour}:{rng.randint(10, 59)} PM",
            f"Published: {MON[w.month - 1]}. {w.day}, {w.year} {hour}:05 PM"]

    def furniture(i: int) -> str | None:
        if rng.random() < 0.06:
            return f"Read more: {w.headline()}"
        return None

    tail = ["Share this story | Facebook | Twitter | Email"]
    return "\n\n".join(head + w.body(target, furniture) + tail) + "\n"


def _uk(w: Writer, target: int) -> str:
    head = [w.headline(), f"Published {w.day} {MONTHS[w.month - 1]} {w.year}",
            f"Image caption, {w.caption()}"]
    return "\n\n".join(head + w.body(target, lambda i: None) + ["Related Topics", "Read more"]) + "\n"


def _pano(w: Writer, target: int) -> str:
    rng = w.rng
    stamp = f"{w.date_long()} | {rng.randint(6, 23)}:{rng.randint(10, 59)} (GMT+7)"
    first = f"PANO – {w.paragraph()}"
    paras = w.body(target - len(first), lambda i: w.caption() if rng.random() < 0.05 else None)
    tail = [f"Translated by {rng.choice(FIRST)} {rng.choice(LAST)}"]
    return "\n".join([stamp, w.headline(), first, *paras, *tail]) + "\n"


def _sports(w: Writer, target: int) -> str:
    rng = w.rng
    score = f"{rng.randint(0, 4)}-{rng.randint(0, 4)}"
    first = (f"{rng.choice(PLACES)} - The national team drew {score} on {rng.choice(MONTHS)} "
             f"{rng.randint(1, 28)}. {w.paragraph()}")
    return "\n\n".join([w.headline(), f"By {rng.choice(FIRST)} {rng.choice(LAST)} | Sports", first,
                        *w.body(target - len(first), lambda i: None), "— VNS"]) + "\n"


def _press(w: Writer, target: int) -> str:
    rng = w.rng
    head = ["FOR IMMEDIATE RELEASE", w.headline(), f"{rng.choice(PLACES).title()}, {w.date_long()} --"]
    tail = [f"Contact: {rng.choice(FIRST)} {rng.choice(LAST)} | press@example.org", "Source: VOV"]
    return "\n\n".join(head + w.body(target, lambda i: None) + tail) + "\n"


STYLES: dict[str, Callable[[Writer, int], str]] = {
    "vns": _vns, "vna": _vna, "wire": _wire, "us_local": _us_local, "uk": _uk, "pano": _pano,
    "sports": _sports, "press": _press,
}


def article(rng: random.Random, target: int, style: str | None = None) -> tuple[str, str]:
    """(style, text) of one article of about ``target`` bytes."""
    style = style or rng.choice(sorted(STYLES))
    text = STYLES[style](Writer(rng), target)
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    return style, text


def sizes(rng: random.Random, count: int, low: int = 1000, high: int = 20000) -> list[int]:
    """Log-uniform article sizes in bytes: many short stories, some long features."""
    import math

    return [int(math.exp(rng.uniform(math.log(low), math.log(high)))) for _ in range(count)]
