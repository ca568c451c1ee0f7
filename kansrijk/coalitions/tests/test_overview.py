from kansrijk.areas.models import Level
from kansrijk.coalitions.overview import coalition_overview, covered_areas, partner_groups
from kansrijk.testing.factories import AreaFactory, PartnerFactory


def test_covered_areas_count_the_wijken_under_each_municipality(coalition, municipality):
    other = AreaFactory(code="GM9998", name="Buurdorp")
    coalition.areas.add(other)
    for n in range(2):
        AreaFactory(code=f"WK99990{n}", level=Level.DISTRICT, parent=municipality)
    AreaFactory(code="BU99990001", level=Level.NEIGHBOURHOOD, parent=municipality)
    counts = {area.code: area.district_count for area in covered_areas(coalition)}
    assert counts == {"GM9999": 2, "GM9998": 0}


def test_partner_groups_follow_the_domain_order_and_skip_empty_domains(coalition):
    PartnerFactory(coalition=coalition, name="Welzijn", domain="other")
    PartnerFactory(coalition=coalition, name="Verloskundige", domain="medical")
    groups = partner_groups(coalition)
    assert [(g.domain, [p.name for p in g.partners]) for g in groups] == [
        ("medical", ["Verloskundige"]),
        ("other", ["Welzijn"]),
    ]


def test_the_overview_leaves_out_members_unless_asked(coalition, owner, member):
    assert coalition_overview(coalition).members == []
    assert len(coalition_overview(coalition, include_members=True).members) == 2
