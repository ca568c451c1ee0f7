"""Recorded-shape CBS tables for the import tests (values invented, shapes real)."""

from kansrijk.testing.fake_cbs import FakeTable

BIRTHS_TABLE = "37230ned"
REGIONS = {
    "NL01  ": "Nederland",
    "GM0363": "Amsterdam",
    "GM0457": "Weesp",
    "GM0355": "Zeist",
    "GM0344": "Utrecht",
}
MONTHLY_BIRTHS = {"GM0363": 800, "GM0457": 16, "GM0355": 50, "GM0344": 300, "NL01  ": 14000}


def births_properties():
    return [
        {
            "odata.type": "Cbs.OData.GeoDimension",
            "ID": 0,
            "Position": 0,
            "ParentID": None,
            "Type": "GeoDimension",
            "Key": "RegioS",
            "Title": "Regio's",
            "MapYear": "2024",
        },
        {
            "odata.type": "Cbs.OData.TimeDimension",
            "ID": 1,
            "Position": 1,
            "ParentID": None,
            "Type": "TimeDimension",
            "Key": "Perioden",
            "Title": "Perioden",
        },
        {
            "odata.type": "Cbs.OData.Topic",
            "ID": 2,
            "Position": 2,
            "ParentID": None,
            "Type": "Topic",
            "Key": "BevolkingAanHetBeginVanDePeriode_1",
            "Title": "Bevolking aan het begin van de periode",
            "Unit": "aantal",
            "Datatype": "Long",
        },
        {
            "odata.type": "Cbs.OData.Topic",
            "ID": 3,
            "Position": 3,
            "ParentID": None,
            "Type": "Topic",
            "Key": "LevendGeborenKinderen_2",
            "Title": "Levend geboren kinderen",
            "Unit": "aantal",
            "Datatype": "Long",
        },
    ]


def births_rows(years=range(2019, 2024), yearly_until=2022):
    rows, next_id = [], 0
    for region, monthly in MONTHLY_BIRTHS.items():
        for year in years:
            if region == "GM0457" and year >= 2022:
                continue  # Weesp went into Amsterdam on 1 January 2022
            extra = MONTHLY_BIRTHS["GM0457"] if region == "GM0363" and year >= 2022 else 0
            for month in range(1, 13):
                rows.append(
                    {
                        "ID": next_id,
                        "RegioS": region,
                        "Perioden": f"{year}MM{month:02d}",
                        "BevolkingAanHetBeginVanDePeriode_1": 100000,
                        "LevendGeborenKinderen_2": monthly + extra,
                    }
                )
                next_id += 1
            if year <= yearly_until:
                rows.append(
                    {
                        "ID": next_id,
                        "RegioS": region,
                        "Perioden": f"{year}JJ00",
                        "BevolkingAanHetBeginVanDePeriode_1": 100000,
                        "LevendGeborenKinderen_2": 12 * (monthly + extra),
                    }
                )
                next_id += 1
    return rows


def births_periods(years=range(2019, 2024)):
    periods = []
    for year in years:
        status = "Voorlopig" if year == 2023 else "Definitief"
        periods.append({"Key": f"{year}JJ00", "Title": str(year), "Status": status})
        for month in range(1, 13):
            periods.append(
                {"Key": f"{year}MM{month:02d}", "Title": f"{year} {month}", "Status": status}
            )
    return periods


def births_table(modified="2024-06-28T02:00:00", rows=None):
    return FakeTable(
        id=BIRTHS_TABLE,
        title="Bevolkingsontwikkeling; regio per maand",
        modified=modified,
        properties=births_properties(),
        rows=births_rows() if rows is None else rows,
        dimensions={
            "RegioS": [{"Key": k, "Title": v, "Description": None} for k, v in REGIONS.items()],
            "Perioden": births_periods(),
        },
    )


LIVE_BIRTHS_MAPPING = {
    "tables": [{"id": BIRTHS_TABLE}],
    "region_dimension": "RegioS",
    "period_dimension": "Perioden",
    "levels": ["nl", "gemeente"],
    "numerator": "LevendGeborenKinderen",
    "months_to_years": True,
}
