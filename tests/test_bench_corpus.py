"""The bench's page composer: decks (副题) drawn for TUNE articles from DECK_SEEDS on; other
papers' habits drawn for every page from HABIT_SEEDS on."""

from __future__ import annotations

from evaluation.corpus import CAPTION_SEEDS, DECK_SEEDS, DECKS, GROUPS, HABIT_SEEDS, LEAD_WORDS, compose


def _decked(split: str, seed: int) -> list[tuple[str, str]]:
    out = []
    for i in range(12):
        page = compose(split, i, seed, sizes=(2, 2), kind="i")
        out += [(a.title, p.deck) for a, p in zip(page.gold.articles, page.printed, strict=True) if p.deck]
    return out


def test_no_deck_before_the_deck_seeds_so_cached_pages_stay_as_drawn():
    assert _decked("tune", DECK_SEEDS - 1) == []


def test_tune_articles_print_a_deck_from_the_deck_seeds_on_and_the_gold_holds_it():
    got = _decked("tune", DECK_SEEDS)
    assert got
    for title, deck in got:
        assert deck in DECKS and title.endswith("\n" + deck)


def test_the_printed_source_carries_the_deck_as_its_last_title_line():
    for i in range(12):
        page = compose("tune", i, DECK_SEEDS, sizes=(2, 2), kind="i")
        for art, printed in zip(page.gold.articles, page.printed, strict=True):
            src = printed.source()
            assert src.title == art.title
            if printed.deck:
                assert src.title_roles[-1] == "deck" and len(src.title_roles) == len(src.title.split("\n"))
                return
    raise AssertionError("no deck drawn in twelve pages")


def test_held_out_pages_never_get_a_deck():
    assert _decked("held-out", DECK_SEEDS + 3) == []


def _habit_pages(seed: int, split: str = "tune") -> list:
    return [compose(split, i, seed) for i in range(24)]


def test_no_habits_before_the_habit_seeds_so_cached_pages_stay_as_drawn():
    for page in _habit_pages(HABIT_SEEDS - 1):
        assert page.house.habits == () and "habits" not in page.gold_dict()["page"]["house"]


def test_a_page_that_names_its_authors_in_the_notes_prints_no_byline_and_the_gold_keeps_the_names():
    named = 0
    for page in _habit_pages(HABIT_SEEDS):
        if "named-note" not in page.house.habits:
            continue
        for art, printed in zip(page.gold.articles, page.printed, strict=True):
            if printed.byline:
                continue
            named += 1
            assert art.bio.startswith("作者：" + "、".join(art.authors) + "，")
            assert printed.bio.strip("（）") == art.bio or page.house.bio_form == "intro"
    assert named >= 5


def test_habit_pages_hold_groups_running_heads_funding_notes_and_other_lead_words():
    pages = _habit_pages(HABIT_SEEDS) + _habit_pages(HABIT_SEEDS, "held-out")
    arts = [a for p in pages for a in p.gold.articles]
    assert any(a.authors[0] in GROUPS for a in arts)
    assert any("；本文系" in a.bio and a.bio.endswith("阶段性成果") for a in arts)
    assert any(
        p.furniture_top and any(t.endswith("版") for t in p.furniture_top)
        for p in pages
        if "running-head" in p.house.habits
    )
    leads = [p.gold.lead for p in pages if p.gold.lead is not None and "lead-words" in p.house.habits]
    assert leads and all(lead.heading in LEAD_WORDS for lead in leads)
    assert any(lead.paragraphs[-1] == "——编者" for lead in leads)


def test_captions_only_from_the_caption_seeds_on_text_pages_and_the_furniture_holds_them():
    before = [p for i in range(24) for p in (compose("tune", i, CAPTION_SEEDS - 1),)]
    assert not any(pr.caption for p in before for pr in p.printed)
    images = [compose("tune", i, CAPTION_SEEDS, sizes=(2, 2), kind="i") for i in range(24)]
    assert not any(pr.caption for p in images for pr in p.printed)
    pages = _habit_pages(CAPTION_SEEDS)
    captioned = [(p, pr) for p in pages for pr in p.printed if pr.caption]
    assert captioned
    for page, pr in captioned:
        assert pr.caption[0].startswith("图为") and "摄" in pr.caption[-1]
        assert all(t in page.furniture for t in pr.caption)
