"""The bench's page composer: decks (副题) drawn for TUNE articles from DECK_SEEDS on."""

from __future__ import annotations

from evaluation.corpus import DECK_SEEDS, DECKS, compose


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
