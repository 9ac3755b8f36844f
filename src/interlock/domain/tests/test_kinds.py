"""The kinds' rule: worldwide from four regions, subregional within part of one, regional else."""

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.kinds import WORLDWIDE_FROM_REGIONS, kind_of_membership

SUBREGIONS = {
    "002": {"015", "011", "017", "014", "018"},  # Africa
    "019": {"029", "013", "005", "021"},  # the Americas
    "142": {"143", "030", "035", "034", "145"},  # Asia
    "150": {"151", "154", "039", "155"},  # Europe
    "009": {"053", "054", "057", "061"},  # Oceania
}

memberships = st.sets(st.sampled_from(sorted(SUBREGIONS)), min_size=1).flatmap(
    lambda regions: st.tuples(
        st.just(regions),
        st.tuples(*(st.sets(st.sampled_from(sorted(SUBREGIONS[r])), min_size=1) for r in regions)),
    )
)


def kind(regions: set[str], subregions: set[str]) -> str | None:
    return kind_of_membership(
        regions=regions, subregions=subregions, subregions_of_region=SUBREGIONS
    )


@given(memberships)
def test_members_in_four_regions_or_more_make_an_other_intergovernmental_organization(
    membership: tuple[set[str], tuple[set[str], ...]],
) -> None:
    regions, parts = membership
    subregions = set().union(*parts)
    result = kind(regions, subregions)
    assert (result == "other_intergovernmental") == (len(regions) >= WORLDWIDE_FROM_REGIONS)
    if len(regions) > 1:
        assert result != "subregional"


def test_members_in_part_of_one_region_make_a_subregional_organization() -> None:
    assert kind({"002"}, {"018", "014", "017"}) == "subregional"  # southern and eastern Africa


def test_members_across_a_whole_region_make_a_regional_organization() -> None:
    assert kind({"002"}, SUBREGIONS["002"]) == "regional"
    assert kind({"150", "019"}, {"155", "021"}) == "regional"  # across the Atlantic


def test_no_members_no_kind() -> None:
    assert kind(set(), set()) is None
