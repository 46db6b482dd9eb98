"""The constructions of real press, one at a time, on sentences written for these tests (not
taken from any corpus): lists of delegates, verbs of taking part, posts written around a name,
membership lists, presidencies, agreements, hosting, headlines and `--explain`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hdkg.loaders.text import extract_text
from hdkg.loaders.text.explain import explain
from hdkg.loaders.text.read import document_from_text
from hdkg.loaders.text.sentences import split_sentences


def _records(text: str) -> list[dict]:
    return extract_text(text, "t.txt")


def _facts(text: str, predicate: str) -> set[tuple[str, str]]:
    return {(r["subject"]["name"], r["object"]["name"]) for r in _records(text)
            if r["kind"] == "fact" and r["predicate"] == predicate}


def _fact_records(text: str, predicate: str) -> list[dict]:
    return [r for r in _records(text) if r["kind"] == "fact" and r["predicate"] == predicate]


def _names(text: str, type_: str) -> set[str]:
    return {r["name"] for r in _records(text) if r["kind"] == "entity" and r["type"] == type_}


# --- participation --------------------------------------------------------------------------

def test_everyone_in_a_delegation_list_takes_part() -> None:
    text = ("Delegasi RI pada Sidang Komite Regional WHO ke-80 beranggotakan Duta Besar RI untuk "
            "Filipina, Agus Salim Wirawan; Direktur Jenderal Kesehatan Masyarakat, dr. Maya "
            "Lestari; dan Kepala Biro Kerja Sama Luar Negeri, Bima Santoso.")
    who = {s for s, o in _facts(text, "participated_in")}
    assert {"Agus Salim Wirawan", "Maya Lestari", "Bima Santoso"} <= who


def test_a_meeting_attended_by_a_list_of_delegations() -> None:
    text = ("Konferensi Tingkat Menteri Kesehatan Pasifik ke-3 di Suva dihadiri oleh delegasi "
            "dari Fiji, Samoa, dan Tonga.")
    facts = _facts(text, "participated_in")
    assert {("Fiji", ), ("Samoa", ), ("Tonga", )} <= {(s, ) for s, _o in facts}


def test_a_verb_of_the_actor_points_at_the_meeting_of_the_sentence_before() -> None:
    text = ("The 12th Asia Pacific Health Security Conference opened in Hanoi on 4 March 2024. "
            "Dr Laila Rahman, Director-General of Health of Malaysia, addressed the delegates.")
    facts = _fact_records(text, "participated_in")
    assert any(f["subject"]["name"] == "Laila Rahman" and
               "Health Security Conference" in f["object"]["name"] and
               f.get("date", "").startswith("2024") for f in facts)


def test_passive_opening_names_who_took_part() -> None:
    text = ("The 7th Regional Forum on Vaccine Safety took place in Bangkok on 2 May 2023. "
            "The forum was opened by Dr Anan Chaiwong, Chair of the Regional Vaccine Board.")
    assert ("Anan Chaiwong", "7th Regional Forum on Vaccine Safety") in \
        {(s, o) for s, o in _facts(text, "participated_in")}


def test_both_sides_of_a_meeting_take_part_only_when_the_meeting_is_named() -> None:
    named = ("Menteri Kesehatan RI Budi Santoso bertemu Menteri Kesehatan Laos Somphone "
             "Keomany dalam pertemuan bilateral di Vientiane, Senin (4/3/2024).")
    sides = {s for s, _o in _facts(named, "participated_in")}
    assert {"Budi Santoso", "Somphone Keomany"} <= sides
    unnamed = "Menteri Kesehatan RI Budi Santoso bertemu Menteri Kesehatan Laos Somphone Keomany."
    assert not _facts(unnamed, "participated_in")


def test_no_meeting_no_participation() -> None:
    text = "Dr Laila Rahman, Director-General of Health of Malaysia, addressed reporters."
    assert not _facts(text, "participated_in")


# --- posts ------------------------------------------------------------------------------------

def test_a_post_the_word_lists_do_not_know_runs_to_the_comma() -> None:
    text = "Hadir pula Direktur Jenderal P2PM, Prof. Gita Anggraini, dalam rapat itu."
    facts = _fact_records(text, "holds_position")
    assert facts and facts[0]["subject"]["name"] == "Gita Anggraini"
    assert facts[0]["role"] == "Direktur Jenderal P2PM"


def test_one_name_after_an_honorific_is_a_whole_name() -> None:
    text = "Kepala Pusat Krisis Kesehatan, dr. Suharyono, memimpin rapat."
    assert "Suharyono" in _names(text, "Person")


def test_post_in_a_relative_clause() -> None:
    text = ("The board elected Dr. Amara Nwosu, who was then Nigeria's health minister, as "
            "its chair.")
    facts = _fact_records(text, "holds_position")
    assert facts and facts[0]["subject"]["name"] == "Amara Nwosu"
    assert "Nigeria" in facts[0]["object"]["name"]


def test_post_in_parentheses_after_the_name() -> None:
    text = ("Pembicara antara lain Rudi Hartono (Dirjen Pelayanan Kesehatan, Kemenkes RI) dan "
            "Sari Dewi (Universitas Andalas).")
    facts = _fact_records(text, "holds_position")
    assert any(f["subject"]["name"] == "Rudi Hartono" for f in facts)


def test_ministers_of_a_portfolio_the_lists_lack_close_at_their_state() -> None:
    text = "MoU diteken Menteri Perikanan dan Kelautan Fiji Josefa Tikoduadua di Suva."
    facts = _fact_records(text, "holds_position")
    assert facts and facts[0]["subject"]["name"] == "Josefa Tikoduadua"
    assert "Fiji" in facts[0]["object"]["name"]


def test_accented_names_are_names() -> None:
    text = "Deputy Minister Nguyễn Thị Hương met delegates in Hanoi, Deputy Minister Hương said."
    assert "Nguyễn Thị Hương" in _names(text, "Person")


def test_chair_of_a_body_by_post_is_chair_of() -> None:
    text = "Rapat dipimpin Ketua Komisi IX DPR RI, Felicia Tanjung, di Senayan."
    assert ("Felicia Tanjung", "Komisi IX DPR RI") in _facts(text, "chair_of")


# --- membership ----------------------------------------------------------------------------------

def test_members_listed_after_a_body() -> None:
    text = "CARICOM, which is made up of Jamaica, Barbados, Guyana and Belize, met in May."
    assert {("Jamaica", "CARICOM"), ("Barbados", "CARICOM")} <= _facts(text, "member_of")


def test_members_namely_after_a_body_and_misspelt_states() -> None:
    text = ("Forum BIMST (Brunei Darussalam, Indonesai, Malaysia, Singapura dan Thailand) "
            "bertemu di Jakarta.")
    members = {s for s, o in _facts(text, "member_of")}
    assert {"Brunei Darussalam", "Malaysia", "Thailand"} <= members
    assert any(n in members for n in ("Indonesia", "Indonesai"))


def test_a_definite_description_names_the_body_before() -> None:
    text = ("The Global Vaccine Fund was set up in 2021. Among the countries that make up the "
            "fund are Kenya, Peru, Nepal and Chile.")
    assert ("Kenya", "Global Vaccine Fund") in _facts(text, "member_of")


def test_people_named_after_a_committee_are_its_members() -> None:
    text = ("Sejumlah anggota Komisi IX DPR RI, antara lain Rahmat Hidayat (PKS) dan Dewi "
            "Anggraini (PDIP), menolak usulan itu.")
    assert ("Rahmat Hidayat", "Komisi IX DPR RI") in _facts(text, "member_of")


# --- chairs and presidencies --------------------------------------------------------------------

def test_presidency_around_a_body_name() -> None:
    text = "Pertemuan itu berlangsung di bawah G20 Presidensi Brasil pada 2024."
    facts = _fact_records(text, "chair_of")
    assert any(f["subject"]["name"] in ("Brasil", "Brazil") and f["object"]["name"] == "G20"
               and f.get("start") == "2024" for f in facts)


def test_chairmanship_passed_from_one_state_to_another() -> None:
    text = "The ASEAN chairmanship was passed from Laos to Malaysia, which leads it in 2025."
    chairs = {s for s, o in _facts(text, "chair_of")}
    assert {"Laos", "Malaysia"} <= chairs


# --- agreements and hosting -----------------------------------------------------------------------

def test_agreement_by_both_sides_with_its_year() -> None:
    text = ("Indonesia dan Mongolia memperkuat kerja sama kesehatan. Kedua negara "
            "menandatangani MoU Kerja Sama Kesehatan pada 2016.")
    facts = _fact_records(text, "agreement_with")
    assert any({f["subject"]["name"], f["object"]["name"]} == {"Indonesia", "Mongolia"} and
               f.get("date", "").startswith("2016") for f in facts)


def test_signing_said_in_the_sentence_after_the_agreement() -> None:
    text = ("MoU ketiga menyangkut karantina kesehatan. Penandatanganan dilakukan Menteri "
            "Kesehatan Budi Santoso bersama Menteri Kesehatan Samoa Valasi Toogamaga.")
    assert _facts(text, "agreement_with")


def test_a_draft_gives_no_agreement() -> None:
    text = "Indonesia dan Mongolia membahas rancangan MoU Kerja Sama Kesehatan."
    assert not _facts(text, "agreement_with")


def test_hosting_to_host() -> None:
    text = ("Vanuatu had been chosen to host the 9th Pacific Health Ministers Meeting, which "
            "opened on 2 August 2023.")
    assert ("Vanuatu", "9th Pacific Health Ministers Meeting") in _facts(text, "hosts")


# --- reading the page ---------------------------------------------------------------------------

def test_a_headline_gives_no_new_people() -> None:
    text = ("Menkes Ratna Tandatangani Nota Kerja Sama di Dili\n"
            "Menteri Kesehatan Ratna Wulandari menandatangani nota kerja sama di Dili.")
    assert _names(text, "Person") == {"Ratna Wulandari"}


def test_a_degree_ends_a_sentence_before_a_capital() -> None:
    text = "Rapat dibuka Menteri Kesehatan, dr. Ratna Wulandari, MPH. Forum itu berlanjut."
    assert len(split_sentences(text)) == 2


def test_explain_prints_mentions_triggers_facts_and_abstentions() -> None:
    text = ("Sidang Komite Regional ke-80 di Manila pada 3 Oktober 2024 dihadiri oleh Menteri "
            "Kesehatan Fiji, Dr. Mere Naivalu.\nPertemuan lain menghasilkan MoU.")
    lines = list(explain(document_from_text(text, "t.txt")))
    joined = "\n".join(lines)
    assert "mention   Person 'Mere Naivalu'" in joined
    assert "trigger   participated_in/list_after 'dihadiri oleh'" in joined
    assert "fact      participated_in(Mere Naivalu -> " in joined
    assert "rule=attendance-list" in joined
    assert "abstained agreement_with: 'MoU' but its two parties are not named" in joined


def test_extract_explain_from_the_command_line(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("Menteri Kesehatan Fiji, Dr. Mere Naivalu, membuka Sidang Komite Regional "
                   "ke-80 di Manila.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "hdkg.cli", "extract", "--explain",
                          str(doc)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "participated_in(Mere Naivalu -> Sidang Komite Regional ke-80" in run.stdout
    missing = subprocess.run([sys.executable, "-m", "hdkg.cli", "extract", str(doc)],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "-o/--output" in missing.stderr


def test_soft_line_breaks_of_copied_pages_stay_inside_a_sentence() -> None:
    text = ("Duta Besar itu menggarisbawahi empat prioritas kerja sama Indonesia terhadap\n"
            "Kuba.\nKedua menteri menandatangani nota kesepahaman bidang kesehatan antara kedua\n"
            "negara pada 3 Mei 2022.\nJudul Berita Tanpa Titik\nMenteri Kesehatan hadir.")
    spans = [" ".join(text[a:b].split()) for a, b in split_sentences(text)]
    assert spans == [
        "Duta Besar itu menggarisbawahi empat prioritas kerja sama Indonesia terhadap Kuba.",
        "Kedua menteri menandatangani nota kesepahaman bidang kesehatan antara kedua negara "
        "pada 3 Mei 2022.",
        "Judul Berita Tanpa Titik",
        "Menteri Kesehatan hadir."]


def test_the_people_an_unnamed_meeting_is_named_by_take_part() -> None:
    text = ("Kerja sama itu lahir dari pertemuan kenegaraan Presiden Ana Lopes dengan Perdana "
            "Menteri Samoa Fiame Tuilaepa di Apia, Selasa (2/4/2024).")
    assert {"Ana Lopes", "Fiame Tuilaepa"} <= {s for s, _o in _facts(text, "participated_in")}


def test_the_actors_after_a_meeting_set_as_the_scene_act_at_it() -> None:
    text = ("Dalam KTT Gerakan Non-Blok ke-19 di Kampala, Indonesia dan Kuba menyuarakan "
            "sikap serupa.")
    assert {"Indonesia", "Kuba"} <= {s for s, _o in _facts(text, "participated_in")}


def test_signers_at_a_meeting_take_part_in_it() -> None:
    text = ("Pertemuan Pertama Kelompok Kerja Kesehatan Indonesia-Laos digelar di Vientiane. "
            "Di penghujung pertemuan, Rencana Aksi diteken oleh Sekretaris Jenderal Kemenkes, "
            "dr. Rina Kusuma, bersama Permanent Secretary Bounmy Phommachanh.")
    assert "Rina Kusuma" in {s for s, _o in _facts(text, "participated_in")}


def test_membership_verbs_with_both_and_an_acronym_in_the_list() -> None:
    text = ("Indonesia dan Ekuador memperingati 40 tahun hubungan diplomatik. Keduanya sama-sama "
            "tergabung dalam Gerakan Non-Blok (GNB) dan G-77.")
    facts = _facts(text, "member_of")
    assert {("Indonesia", "Non-Aligned Movement"), ("Ekuador", "Group of 77")} <= facts


def test_a_person_joining_a_body_is_no_member() -> None:
    text = "Dr Rina Kusuma bergabung dengan WHO sebagai penasihat senior."
    assert not _facts(text, "member_of")


def test_a_ministry_unit_in_common_words_is_a_named_part_of_its_ministry() -> None:
    text = ("Konferensi itu didukung Direktorat Jenderal Pelayanan Kesehatan Primer "
            "Kementerian Kesehatan sebagai mitra.")
    assert ("Direktorat Jenderal Pelayanan Kesehatan Primer", "Kementerian Kesehatan") in \
        _facts(text, "part_of")


def test_agreement_between_parties_behind_their_heads_titles() -> None:
    text = ("Pada kesempatan itu ditandatangani Joint Statement antara para Menkes ASEAN dan "
            "Menkes Jepang di Bangkok, Selasa (3/9/2019).")
    facts = _fact_records(text, "agreement_with")
    assert any({f["subject"]["name"], f["object"]["name"]} == {"ASEAN", "Jepang"} for f in facts)


def test_agreement_between_the_two_organisations_named_before() -> None:
    text = ("Sekretaris Jenderal ASEAN bersama perwakilan UNICEF hadir di Jakarta. Keduanya "
            "meneken nota kesepahaman antara kedua organisasi tersebut pada 2 Mei 2022.")
    facts = _fact_records(text, "agreement_with")
    assert any({f["subject"]["name"], f["object"]["name"]} == {"ASEAN", "UNICEF"} for f in facts)


def test_a_kind_of_body_in_indonesian_stands_for_the_one_body_of_that_kind_named() -> None:
    text = ("The 3rd Meeting of the Steering Committee on Health of ASEAN opened in Jakarta. "
            "Sidang diikuti delegasi lima negara anggota Komite Pengarah, yakni: Indonesia, "
            "Laos, Kamboja, Filipina, Vietnam.")
    members = {s for s, o in _facts(text, "member_of") if "Steering Committee" in o}
    assert {"Laos", "Kamboja"} <= members


def test_a_career_summary_gives_the_post_its_period() -> None:
    text = ("Sesudah itu, dari 2009 sampai 2015, Rina Kusuma Wardhani mengemban jabatan "
            "Direktur Jenderal Kesehatan Masyarakat. Ia lahir pada 1961.")
    facts = _fact_records(text, "holds_position")
    assert facts and (facts[0].get("start"), facts[0].get("end")) == ("2009", "2015")


def test_a_public_health_minister_heads_the_ministry_of_public_health() -> None:
    text = ("Thailand joined the treaty on Monday. It was signed by Public Health Minister "
            "Somchai Wongsawat in Bangkok.")
    facts = _fact_records(text, "holds_position")
    assert facts and facts[0]["object"]["name"].startswith("Ministry of Public Health")
