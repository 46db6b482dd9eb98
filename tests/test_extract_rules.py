"""One rule at a time, on sentences written for these tests (not taken from any corpus)."""

from __future__ import annotations

from hdkg.loaders.text import extract_text
from hdkg.loaders.text.dates import find_dates, find_periods
from hdkg.loaders.text.sentences import split_sentences


def _facts(text: str, predicate: str | None = None) -> list[dict]:
    return [r for r in extract_text(text, "t.txt") if r["kind"] == "fact"
            and (predicate is None or r["predicate"] == predicate)]


def _entities(text: str, type_: str | None = None) -> list[dict]:
    return [r for r in extract_text(text, "t.txt") if r["kind"] == "entity"
            and (type_ is None or r["type"] == type_)]


def _pairs(facts: list[dict]) -> set[tuple]:
    return {(f["subject"]["name"], f["object"]["name"], f.get("start"), f.get("end"))
            for f in facts}


# --- splitting and dates ------------------------------------------------------------------

def test_sentences_keep_titles_and_degrees_together() -> None:
    text = "Acara dibuka oleh Prof. Dr. dr. Rina Kusuma, Sp.A(K), di Medan. Rapat selesai."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Acara dibuka oleh Prof. Dr. dr. Rina Kusuma, Sp.A(K), di Medan.", "Rapat selesai."]


def test_dates_in_indonesian_forms() -> None:
    assert [d.value for d in find_dates("Kamis (14/3/2019)")] == ["2019-03-14"]
    assert [d.value for d in find_dates("pada 8 Januari 2020")] == ["2020-01-08"]
    assert [d.value for d in find_dates("pada 3-5 Oktober 2018")] == ["2018-10-03"]
    assert [d.value for d in find_dates("Rabu (2/10)", 2019)] == ["2019-10-02"]
    assert [p[2:] for p in find_periods("periode 2015-2017 dan 2021")] == [
        ("2015", "2017"), ("2021", "2021")]


# --- people and posts -----------------------------------------------------------------------

def test_post_before_name_with_titles_and_degrees() -> None:
    text = ("Sekretaris Jenderal Kementerian Kesehatan, dr. Rina Kusuma Wardhani, MPH, "
            "membuka rapat koordinasi di Medan.")
    people = _entities(text, "Person")
    assert [p["name"] for p in people] == ["Rina Kusuma Wardhani"]
    facts = _facts(text, "holds_position")
    assert facts and facts[0]["object"]["name"] == "Kementerian Kesehatan"
    assert facts[0]["role"] == "Sekretaris Jenderal"


def test_foreign_minister_implies_that_countrys_ministry() -> None:
    text = "Menteri Kesehatan Kenya, Dr. Wanjiru Kamau, tiba di Jakarta."
    facts = _facts(text, "holds_position")
    assert facts and facts[0]["subject"]["name"] == "Wanjiru Kamau"
    assert facts[0]["object"]["name"] == "Kementerian Kesehatan Kenya"


def test_ambassador_belongs_to_the_sending_country() -> None:
    text = "Pertemuan itu dihadiri Duta Besar Peru untuk Indonesia, Lucia Fernandez Rojas."
    facts = _facts(text, "holds_position")
    assert facts and facts[0]["object"]["name"] == "Peru"
    assert facts[0]["role"] == "Duta Besar"


def test_english_apposition_post() -> None:
    text = ("The talks were opened by Maria Jensen, Deputy Secretary of the Danish Ministry "
            "of Health, on Monday.")
    facts = _facts(text, "holds_position")
    assert facts and facts[0]["subject"]["name"] == "Maria Jensen"
    assert facts[0]["role"] == "Deputy Secretary"


def test_short_later_mention_is_the_same_person() -> None:
    text = ("Wakil Menteri Kesehatan RI Rahmat Hidayat Saputra membuka forum. "
            "Wamenkes Rahmat menegaskan pentingnya kerja sama. \"Kita siap,\" kata Rahmat.")
    people = _entities(text, "Person")
    assert len(people) == 1
    assert "Rahmat" in people[0]["mentions"]


def test_future_post_is_a_post() -> None:
    text = ("Acara itu menjadi perpisahan bagi Kepala Biro Kerja Sama Luar Negeri, Yusuf "
            "Pratama, yang akan bertugas sebagai Duta Besar RI di Nairobi.")
    roles = {f["role"] for f in _facts(text, "holds_position")}
    assert any(r.startswith("Kepala") for r in roles)
    assert "Duta Besar" in roles


# --- bodies -------------------------------------------------------------------------------

def test_body_of_an_organisation_is_part_of_it() -> None:
    text = "Indonesia terpilih menjadi anggota Executive Board WHO 2024-2027."
    assert ("WHO Executive Board", "World Health Organization", None, None) in _pairs(
        _facts(text, "part_of"))
    assert ("Indonesia", "WHO Executive Board", "2024", "2027") in _pairs(
        _facts(text, "member_of"))


def test_enumeration_carries_its_subject_and_each_period() -> None:
    text = ("Peran Indonesia di forum global antara lain sebagai anggota Steering Group GHSA "
            "2014-2016 dan 2022-2026, serta Ketua Foreign Policy and Global Health 2019.")
    members = _pairs(_facts(text, "member_of"))
    assert ("Indonesia", "GHSA Steering Group", "2014", "2016") in members
    assert ("Indonesia", "GHSA Steering Group", "2022", "2026") in members
    assert ("Indonesia", "Foreign Policy and Global Health", "2019", "2019") in _pairs(
        _facts(text, "chair_of"))


def test_member_list_in_parentheses() -> None:
    text = ("Indonesia memimpin Forum MIKTA (Meksiko, Indonesia, Korea Selatan, Turki, "
            "dan Australia).")
    members = {f["subject"]["name"] for f in _facts(text, "member_of")}
    assert len(members) == 5


def test_hosting() -> None:
    text = "Indonesia menjadi tuan rumah Sekretariat GHSA."
    assert ("Indonesia", "GHSA Secretariat", None, None) in _pairs(_facts(text, "hosts"))


def test_offer_to_host_is_no_fact() -> None:
    text = "Indonesia siap menjadi tuan rumah Sekretariat GHSA."
    assert not _facts(text, "hosts")


def test_english_chaired_by() -> None:
    text = ("The 9th Regional Health Ministers Meeting, hosted by Malaysia on 4 May 2023, "
            "was chaired by Malaysian Health Minister Zaliha Mustafa.")
    chairs = _facts(text, "chair_of")
    assert chairs and chairs[0]["subject"]["name"] == "Zaliha Mustafa"
    assert ("Malaysia", "9th Regional Health Ministers Meeting", None, None) in _pairs(
        _facts(text, "hosts"))


def test_presidency_with_year() -> None:
    text = "Brazil opened its 2024 G20 Presidency with a health track."
    assert ("Brazil", "G20", "2024", "2024") in _pairs(_facts(text, "chair_of"))


# --- agreements -----------------------------------------------------------------------------

def test_agreement_with_parties_kind_and_date() -> None:
    text = ("Kemenkes menandatangani Nota Kesepahaman (MoU) kerja sama kesehatan dengan "
            "Kenya pada Kamis (14/3/2019).")
    facts = _facts(text, "agreement_with")
    assert facts and {facts[0]["subject"]["name"], facts[0]["object"]["name"]} == {
        "Kementerian Kesehatan", "Kenya"}
    assert facts[0]["date"] == "2019-03-14"
    assert facts[0]["agreement"]["kind"] == "MoU"


def test_count_without_partners_is_no_fact() -> None:
    text = "Kini Kemenkes memiliki 30 MoU kesehatan dengan negara sahabat."
    assert not _facts(text, "agreement_with")


def test_english_signed_between() -> None:
    text = ("On 2 June 2021 the two ministers signed a Memorandum of Understanding on health "
            "between Indonesia and Norway.")
    facts = _facts(text, "agreement_with")
    assert facts and {facts[0]["subject"]["name"], facts[0]["object"]["name"]} == {
        "Indonesia", "Norway"}
    assert facts[0]["date"] == "2021-06-02"


def test_evidence_span_points_into_the_text() -> None:
    text = "Pembukaan.\nIndonesia menjadi tuan rumah Sekretariat GHSA. Penutup."
    for f in _facts(text):
        a, b = f["span"]
        assert text[a:b] == f["evidence"]
        assert 0 <= f["confidence"] <= 1 and f["rule"]


def test_acronym_in_parentheses_inside_a_body_name() -> None:
    """A parenthesised acronym inside a gazetteer name does not hide the name."""
    from hdkg.loaders.text import extract_text

    rows = extract_text("Malaysia terpilih sebagai anggota Programme Coordinating Board (PCB) "
                        "UNAIDS untuk periode 2022-2024.", "t.txt")
    facts = [(r["predicate"], r["subject"]["name"], r["object"]["name"], r.get("start"),
              r.get("end")) for r in rows if r["kind"] == "fact"]
    assert ("member_of", "Malaysia", "UNAIDS Programme Coordinating Board", "2022",
            "2024") in facts


def test_leading_a_delegation_is_taking_part_not_chairing() -> None:
    from hdkg.loaders.text import extract_text

    rows = extract_text("Delegasi RI pada Pertemuan Menteri Kesehatan se-Asia ke-9, Kamis "
                        "(12/3/2015), dipimpin oleh Menteri Kesehatan RI, dr. Sari Wulandari "
                        "Hakim.", "t.txt")
    facts = {(r["predicate"], r["subject"]["name"]) for r in rows if r["kind"] == "fact"}
    assert not any(p == "chair_of" for p, _ in facts), facts
    assert ("participated_in", "Sari Wulandari Hakim") in facts


def test_english_delegation_led_by_is_taking_part() -> None:
    from hdkg.loaders.text import extract_text

    rows = extract_text("The Indonesian delegation to the 61st World Health Assembly on 19 May "
                        "2008 was led by the Minister of Health, Dr. Ratna Sari Dewi.", "t.txt")
    facts = {(r["predicate"], r["subject"]["name"]) for r in rows if r["kind"] == "fact"}
    assert not any(p == "chair_of" for p, _ in facts), facts


def test_enumerated_roles_belong_to_their_owner_not_to_the_previous_body() -> None:
    from hdkg.loaders.text import extract_text

    rows = extract_text("Malaysia's roles in multilateral forums include member of the WHO "
                        "Executive Board in 2015-2018, member of the UNAIDS Programme "
                        "Coordinating Board in 2019-2021, and chair of the ASEAN Health "
                        "Ministers Meeting in 2020.", "t.txt")
    facts = {(r["predicate"], r["subject"]["name"], r["object"]["name"])
             for r in rows if r["kind"] == "fact" and r["predicate"] != "part_of"}
    assert all(s == "Malaysia" for _, s, _ in facts), facts
    assert ("member_of", "Malaysia", "WHO Executive Board") in facts
    assert ("chair_of", "Malaysia", "ASEAN Health Ministers Meeting") in facts
