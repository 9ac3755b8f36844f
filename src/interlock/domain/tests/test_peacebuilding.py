"""Seats for regional organizations in a Peacebuilding Commission configuration, as plain rules."""

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.peacebuilding import Candidate, SeatCode, propose_seats

AU = Candidate(
    "AU", True, frozenset({"SDN", "BDI"}), frozenset({"014", "015"}), (), {"mediation": 0.85}
)
ECOWAS = Candidate("ECOWAS", True, frozenset({"SLE"}), frozenset({"011"}), ("lead",), {})
EU = Candidate("EU", True, frozenset({"FRA"}), frozenset({"155"}), (), {"rule-of-law": 0.9})
WB = Candidate(
    "WB", False, frozenset({"BDI"}), frozenset({"014"}), ("support",), {"development": 1}
)


def test_a_regional_organization_of_the_country_with_a_peacebuilding_capability_is_proposed():
    (seat,) = propose_seats([AU, EU, WB], country="BDI", region="014")
    assert seat.organization == "AU" and seat.rank == 1
    codes = {r.code: r.values for r in seat.reasons}
    assert codes[SeatCode.MEMBER_COUNTRY] == {"country": "BDI"}
    assert codes[SeatCode.COMPARATIVE_ADVANTAGE] == {"domain": "mediation", "effectiveness": 0.85}


def test_engaged_organizations_come_first_and_organizations_of_elsewhere_never():
    near = Candidate("MRU", True, frozenset({"LBR"}), frozenset({"011"}), (), {"mediation": 0.99})
    seats = propose_seats([near, ECOWAS, EU], country="SLE", region="011")
    assert [s.organization for s in seats] == ["ECOWAS", "MRU"]
    assert seats[0].reasons[1].code is SeatCode.ENGAGED
    assert seats[1].reasons[0].code is SeatCode.SAME_SUBREGION


def test_an_organization_of_the_place_neither_engaged_nor_able_is_not_proposed():
    idle = Candidate("IGAD", True, frozenset({"SDN"}), frozenset({"014"}))
    assert propose_seats([idle], country="SDN", region="014") == ()


candidates = st.lists(
    st.builds(
        Candidate,
        key=st.sampled_from(["A", "B", "C", "D", "E"]),
        regional=st.booleans(),
        members=st.frozensets(st.sampled_from(["SDN", "BDI", "SLE"])),
        regions=st.frozensets(st.sampled_from(["014", "011"])),
        engaged_roles=st.lists(st.sampled_from(["lead", "support"]), max_size=2).map(tuple),
        effectiveness=st.dictionaries(
            st.sampled_from(["mediation", "rule-of-law"]), st.floats(0, 1)
        ),
    ),
    max_size=6,
    unique_by=lambda c: c.key,
)


@given(candidates, st.sampled_from(["SDN", "BDI", "SLE"]), st.sampled_from(["014", "011", ""]))
def test_every_proposed_seat_is_regional_of_the_place_and_engaged_or_able(cands, country, region):
    seats = propose_seats(cands, country=country, region=region)
    by_key = {c.key: c for c in cands}
    assert [s.rank for s in seats] == list(range(1, len(seats) + 1))
    for seat in seats:
        c = by_key[seat.organization]
        assert c.regional and (country in c.members or (region and region in c.regions))
        assert c.engaged_roles or max(c.effectiveness.values(), default=0) > 0
    proposed = {s.organization for s in seats}
    for c in cands:
        of_place = country in c.members or (bool(region) and region in c.regions)
        able = bool(c.engaged_roles) or max(c.effectiveness.values(), default=0) > 0
        assert (c.key in proposed) == (c.regional and of_place and able)
    assert propose_seats(cands[::-1], country=country, region=region) == seats
