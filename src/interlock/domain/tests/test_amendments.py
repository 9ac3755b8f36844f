"""Proposals' modifications: the final text is the original with exactly the accepted changes."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.amendments import Change, Kind, Modification, ModificationError, apply, diff

ORIGINAL = ["To convene annually.", "To establish a standing committee.", "To name a liaison."]
words = st.text(alphabet="abcdefgh ", min_size=1, max_size=30).filter(str.strip)


def test_a_replacement_changes_only_its_paragraph() -> None:
    final = apply(ORIGINAL, [Modification(Kind.REPLACE, 2, "To establish a committee.")])
    assert final == ["To convene annually.", "To establish a committee.", "To name a liaison."]


def test_insertions_and_deletions_refer_to_the_original_numbering() -> None:
    final = apply(
        ORIGINAL,
        [
            Modification(Kind.DELETE, 1),
            Modification(Kind.INSERT, 0, "Preamble."),
            Modification(Kind.INSERT, 3, "To meet with the Council."),
        ],
    )
    assert final == [
        "Preamble.",
        "To establish a standing committee.",
        "To name a liaison.",
        "To meet with the Council.",
    ]


def test_a_modification_to_a_paragraph_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ModificationError) as error:
        apply(ORIGINAL, [Modification(Kind.REPLACE, 4, "x")])
    assert error.value.code == "no_such_paragraph"


def test_two_changes_to_the_same_paragraph_are_refused() -> None:
    with pytest.raises(ModificationError) as error:
        apply(ORIGINAL, [Modification(Kind.DELETE, 2), Modification(Kind.REPLACE, 2, "y")])
    assert error.value.code == "conflicting_modifications"


def test_a_replacement_needs_text() -> None:
    with pytest.raises(ModificationError) as error:
        apply(ORIGINAL, [Modification(Kind.REPLACE, 1, "  ")])
    assert error.value.code == "empty_text"


def test_the_diff_shows_the_words_that_changed() -> None:
    final = apply(ORIGINAL, [Modification(Kind.REPLACE, 2, "To establish a permanent committee.")])
    changed = [p for p in diff(ORIGINAL, final) if p.change is not Change.SAME]
    assert len(changed) == 1 and changed[0].old_number == changed[0].new_number == 2
    assert [(w.text, w.change) for w in changed[0].words if w.change is not Change.SAME] == [
        ("standing", Change.REMOVED),
        ("permanent", Change.ADDED),
    ]


@st.composite
def texts_and_modifications(draw: st.DrawFn) -> tuple[list[str], list[Modification]]:
    paragraphs = draw(st.lists(words, min_size=1, max_size=8))
    touched = draw(st.sets(st.integers(1, len(paragraphs))))
    modifications = [
        Modification(Kind.REPLACE, n, draw(words))
        if draw(st.booleans())
        else Modification(Kind.DELETE, n)
        for n in sorted(touched)
    ]
    modifications += draw(
        st.lists(
            st.builds(Modification, st.just(Kind.INSERT), st.integers(0, len(paragraphs)), words),
            max_size=3,
        )
    )
    return paragraphs, draw(st.permutations(modifications))


@given(texts_and_modifications())
def test_applying_keeps_every_untouched_paragraph_in_order(case) -> None:
    paragraphs, modifications = case
    final = apply(paragraphs, modifications)
    touched = {m.paragraph for m in modifications if m.kind is not Kind.INSERT}
    kept = [p for n, p in enumerate(paragraphs, start=1) if n not in touched]
    iterator = iter(final)
    assert all(any(p == q for q in iterator) for p in kept)  # a subsequence, in order
    deletions = sum(m.kind is Kind.DELETE for m in modifications)
    insertions = sum(m.kind is Kind.INSERT for m in modifications)
    assert len(final) == len(paragraphs) - deletions + insertions


@given(st.lists(words, max_size=8), st.lists(words, max_size=8))
def test_the_diff_rebuilds_both_versions(old: list[str], new: list[str]) -> None:
    result = diff(old, new)
    rebuilt_old = [
        " ".join(w.text for w in p.words if w.change is not Change.ADDED)
        for p in result
        if p.old_number
    ]
    rebuilt_new = [
        " ".join(w.text for w in p.words if w.change is not Change.REMOVED)
        for p in result
        if p.new_number
    ]
    assert rebuilt_old == [" ".join(p.split()) for p in old]
    assert rebuilt_new == [" ".join(p.split()) for p in new]
