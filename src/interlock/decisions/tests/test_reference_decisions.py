"""The sixth meeting's decisions ship as reference data: the source's own words, each citing its
paragraph, and "not yet reported" since the source says nothing of their implementation."""

from pathlib import Path

import pytest

from interlock.decisions.models import Decision
from interlock.decisions.reference import DATA, DecisionDataError, rows
from interlock.decisions.selectors import progress_of_decision

pytestmark = pytest.mark.django_db
# The seed text as the repository keeps it (a copy of shared/seed/000_16cb9a840b50c70f.txt).
SEED = Path(__file__).resolve().parents[2] / "reference" / "data" / "seed-2005-conclusions.md"


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_every_decision_is_the_sources_own_words() -> None:
    seed = _plain(SEED.read_text(encoding="utf-8"))
    for row in rows():
        assert _plain(row["text"]) in seed, row["number"]


def test_the_measures_of_paragraph_seven_and_the_other_decisions_are_loaded_with_their_paragraphs() -> (
    None
):
    decisions = list(Decision.objects.filter(meeting__number=6).select_related("source"))
    assert len(decisions) == 14
    locators = {d.locator for d in decisions}
    for measure in ("first", "second", "third", "fourth", "fifth", "sixth"):
        assert f"Annex I, paragraph 7, {measure} measure" in locators
    assert {"Annex I, paragraph 4", "Annex I, paragraph 5", "Annex I, paragraph 6",
            "Annex I, paragraph 8", "Appendix, paragraph 4"} <= locators  # fmt: skip
    assert all(d.source.locator == d.locator for d in decisions)


def test_their_implementation_is_not_yet_reported(client) -> None:
    for decision in Decision.objects.filter(meeting__number=6).prefetch_related("actions"):
        assert progress_of_decision(decision).progress is None
    body = client.get("/decisions/").content.decode()
    assert body.count("Not yet reported") >= 14
    assert "HLM6/8" in body and "A standing committee" in body


def test_the_group_of_leading_personalities_is_kept_like_a_working_group(client) -> None:
    body = client.get("/groups/working-groups/leading-personalities/").content.decode()
    assert "Group of leading personalities" in body and "Appendix, paragraph 4" in body


def test_a_decision_row_without_a_source_refuses_the_file(tmp_path) -> None:
    bad = tmp_path / "decisions.csv"
    text = DATA.read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace("seed-p4", "", 1)
    bad.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(DecisionDataError, match="line 2: source_key is empty"):
        rows(bad)
