"""Word lists the rules share: titles, degrees, posts, heads of body and event names.

These are the language of the genre, not of any one document: an analyst extending the
extractor to a new kind of text starts here.
"""

from __future__ import annotations

import re

# Honorifics and academic titles written before a name.
TITLE = (r"(?:(?:Prof|Dr|dr|drg|Drs|Dra|Ir|Hj|H|Mr|Mrs|Ms|Sir|Dame)\.\s*"
         r"|(?:Dr|Prof|Mr|Mrs|Ms|dr|drg)\s+"
         r"|(?:His|Her)\s+(?:Royal\s+)?(?:Excellency|Highness)\s+|H\.\s?E\.\s*|(?:The\s+)?Hon(?:ourable|orable|\.)\s+"
         r"|Yang\s+Mulia\s+|Shri\s+|Smt\.?\s+"
         r"|(?:Letjen|Mayjen|Brigjen|Jenderal|Laksamana|Marsekal)\s+(?:TNI\s+)?(?:\(Purn\.?\)\s+)?"
         r"|Duta\s+Besar\s+(?=[A-Z][a-z]+\s+[A-Z]))")
TITLES = rf"(?:{TITLE})*"

# Degrees written after a name and a comma ("Acep Somantri, SIP, MBA").
DEGREE = (r"(?:Sp\.?\s?[A-Z][\w.()\-]*|M\.\s?[A-Z][a-z]{1,4}\.?|Ph\.?\s?D\.?"
          r"|S\.\s?[A-Z][a-z]{1,4}\.?|Dr\.?\s?PH|MPH|SIP|MBA|MSc|MKM|SKM|MARS|DrPH|MD|PhD|MA|MM|MH|SH|MPP|MHA|FRCP\w*|DTM&H|DTCE"
          r"|FINASIM|FISR|MKes|MSi|K)")
DEGREES = rf"(?:,\s*{DEGREE}(?=[\s,.;)]|$))*"

# Not "di": in Indonesian text it is the preposition "at" ("... Tikoduadua di Suva").
PARTICLES = frozenset("bin binti da de del dos das do van von der den al el la le".split())

# Letters of names: Latin with the accents of Vietnamese, Turkish, Polish ... ("Nguyễn Văn
# Thuấn", "Đào Hồng Lan"), upper case first.
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LO = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
NAME_WORD = (rf"(?:[{_UP}][{_LO}]+(?:[A-Z][{_LO}]+)*"
             rf"(?:-[{_UP}]?[{_LO}]+|['’](?!s\b)[A-Z]?[{_LO}]+)*"
             rf"|[A-Z]\.(?:[A-Z]\.)*"
             rf"|[A-Z](?=\s+[A-Z][{_LO}]))")
NAME = (rf"{NAME_WORD}(?:\s+(?:(?:{'|'.join(sorted(PARTICLES))})\s+)*(?:Al\s+)?{NAME_WORD})*")

# Capitalised words that begin posts; a person's name follows the post.
POST_HEADS_ID = (
    "Wakil Menteri|Menteri Koordinator|Menteri Negara|Menteri|Sekretaris Jenderal|Sekretaris "
    "Eksekutif|Asisten Sekretaris Jenderal|Direktur Jenderal|Direktur Regional|Direktur "
    "Eksekutif|Direktur Utama|Direktur|Asisten Direktur|Kepala|Duta Besar|Konsul Jenderal|Juru "
    "Bicara|Wakil Presiden|Presiden|Perdana Menteri|Raja|Ratu|Putra Mahkota|Gubernur|Ketua "
    "Umum|Wakil Ketua|Ketua|Staf Khusus|Penasihat|Koordinator|Inspektur Jenderal|Deputi|"
    "Panglima|Kapolri|Jaksa Agung|Staf Ahli|Rektor|Dekan|Wali Kota|Walikota|Bupati|"
    "Anggota Komisi|Ketua Komisi|Ketua DPR|Ketua MPR|Sekretaris|"
    "Menkes|Wamenkes|Sekjen|Dirjen|Dubes|Menlu|Wamenlu|Menkeu|Wapres|Kabiro|Karo|Dirut|Menko")
POST_HEADS_EN = (
    "Coordinating Minister|Deputy Minister|Vice Minister|Union Minister|Minister of State|"
    "Public Health Minister|Minister|Health "
    "Minister|Finance Minister|Foreign Minister|Prime Minister|Vice-President|Vice President|"
    "President|Deputy Secretary|Secretary-General|Secretary General|Under-Secretary|Secretary|"
    "Director-General|Director General|Deputy Director-General|Regional Director|Director|"
    "Ambassador|Head|Chief|Medical Officer|Officer|King|Queen|Crown Prince|Governor|Chair|"
    "Chairman|Chairperson|Chairs|Co-Chairs|co-Chairs|co-chairs|co-Chair|co-chair|"
    "Adviser|Advisor|Spokesperson|Coordinator|Commissioner|Envoy|"
    "Permanent Secretary|Additional Secretary|Joint Secretary|Assistant Director-General|"
    "Assistant Director General|Executive Director|Special Adviser|Special Envoy|"
    "Health Secretary|Vice-Minister|Vice-Chair|Vice Chair|Co-Chair|Co-chair|Rector|Dean|Mayor")
SHORT_POSTS = {
    "Menkes": "Menteri Kesehatan", "Wamenkes": "Wakil Menteri Kesehatan",
    "Sekjen": "Sekretaris Jenderal", "Dirjen": "Direktur Jenderal", "Dubes": "Duta Besar",
    "Menlu": "Menteri Luar Negeri", "Wamenlu": "Wakil Menteri Luar Negeri",
    "Menkeu": "Menteri Keuangan", "Wapres": "Wakil Presiden", "Kabiro": "Kepala Biro",
    "Karo": "Kepala Biro", "Dirut": "Direktur Utama", "Menko": "Menteri Koordinator",
}

# Words that make up posts and portfolios, never names.
POST_WORDS = frozenset("""
Wakil Menteri Koordinator Negara Sekretaris Jenderal Eksekutif Asisten Direktur Regional
Utama Kepala Duta Besar Konsul Juru Bicara Presiden Perdana Raja Ratu Putra Mahkota Gubernur
Ketua Umum Staf Khusus Penasihat Deputi Inspektur Bidang Kesehatan Luar Negeri Dalam Keuangan
Perlindungan Sosial Kesejahteraan Olahraga Urusan Perempuan Masyarakat Pengembangan Usaha
Kecil Menengah Kerja Sama Kerjasama Internasional Pencegahan Pengendalian Penyakit Pelayanan
Biro Divisi Pembangunan Manusia Kebudayaan Pendidikan Perdagangan Perindustrian Pertahanan
Agama Hukum Tenaga Komunikasi Informatika Pariwisata Lingkungan Hidup Kehutanan Pertanian
Perhubungan Energi Sumber Daya Mineral Riset Teknologi Republik Kerajaan Federal Pemerintah
Kementerian Badan Pusat Direktorat Sekretariat Kantor Program Farmasi Alat Kefarmasian
Kesehatan Masyarakat Primer Rujukan Kebijakan Publik Informasi Hubungan Antar Lembaga
Coordinating Deputy Vice Minister State Secretary General Director Regional Ambassador Head
Chief Medical Officer King Queen Crown Prince Governor Chair Chairman Chairperson Adviser
Advisor Spokesperson Coordinator Commissioner Envoy Health Finance Foreign Affairs Public
Human Services Development Culture Welfare Sport Treasury Trade Defence Defense Home Interior
Social Women Education Research Technology International Cooperation Department Ministry of
Prime President Vice Under Executive Special Senior Permanent Representative Minister's
Menkes Wamenkes Sekjen Dirjen Dubes Menlu Wamenlu Menkeu Wapres Kabiro Karo Dirut
""".split())

# Capitalised words that start sentences or dates: never part of a name or a body.
STOP_CAPS = frozenset("""
The A An In On At For Of By As And Or But If This That These Those It Its He She They We
I You His Her Their Our After Before During While When Where Which Who Whose With Without
From To Into Under Over Between Among Also Some Many Most All Both Each Every Other Such
Dalam Pada Di Dengan Untuk Sebagai Selain Saat Sejak Setelah Sebelum Menurut Kedua Para Ini
Itu Hal Namun Tetapi Sedangkan Sementara Adapun Bahkan Yang Dan Atau Oleh Dari Ke Bagi Agar
Kami Kita Ia Dia Mereka Beliau Hadir Turut Lebih Sekitar Sebanyak Salah Satu Sebelumnya
Selanjutnya Kemudian Usai Seusai Menjelang Hingga Sampai Melalui Terkait Tentang Mengenai
Senin Selasa Rabu Kamis Jumat Sabtu Minggu Monday Tuesday Wednesday Thursday Friday Saturday
Sunday Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
January February March May June July August October December
Kalangan Sesi Penandatanganan Naskah Delegasi Delegates Delegation According Speaking Reaching
Pertama Ketiga Keempat Kelima Pimpin Terpilih Menjadi Teken Perkuat Sepakat Percepat Hadiri
Buka Tutup Dorong Bahas Tandatangani Resmikan Terima Kunjungi Dukung Ajak Serahkan Raih
""".split())

# Words that never belong to a person's name (besides STOP_CAPS): places, plural nouns.
NAME_STOP = STOP_CAPS | frozenset("""
Jakarta Bali Bogor Yogyakarta Surabaya Bandung Nusa Dua Jenewa Geneva Lombok Dili Jimbaran
Astana Bogota Frankfurt Delhi New Officials Ministers Members Representatives Indonesian
Health Minister Menkes Pertemuan Sidang Konferensi Kunjungan Asia Tenggara Pasifik Afrika Eropa
Kawasan Wilayah Region Timur Tengah Barat Selatan Utara
Mr Mrs Ms Miss Shri Smt Sir Dame Dr Prof Bapak Ibu Pak Bu Madame Monsieur
Nota Kesepahaman Memorandum Minutes Agreed Agreement Statement Declaration Plan Action Charter
Protocol Deklarasi Piagam Perjanjian Factors Critical Success Partai Party
Western Eastern Southern Northern Pacific Mediterranean Atlantic Jawa Java Sumatera Kalimantan
Sulawesi Papua Maluku
""".split())

ORDINALS_ID = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
               "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10}
_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
          "seventh": 7, "eighth": 8, "ninth": 9}
_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
          "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
          "nineteenth": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TENTHS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
           "seventieth": 70, "eightieth": 80, "ninetieth": 90}


def ordinal_value(word: str) -> int | None:
    """The number of an ordinal: 'ke-15', 'kedua', '43rd', 'Sixty-fifth', 'Thirtieth'."""
    w = word.lower().strip()
    m = re.fullmatch(r"ke-?\s?(\d+)|(\d+)(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1) or m.group(2))
    if w in ORDINALS_ID:
        return ORDINALS_ID[w]
    if w in _UNITS:
        return _UNITS[w]
    if w in _TEENS:
        return _TEENS[w]
    if w in _TENTHS:
        return _TENTHS[w]
    m = re.fullmatch(r"([a-z]+)-([a-z]+)", w)
    if m and m.group(1) in _TENS and m.group(2) in _UNITS:
        return _TENS[m.group(1)] + _UNITS[m.group(2)]
    return None


EN_ORDINAL = (r"(?:\d+(?:st|nd|rd|th)|(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|"
              r"Ninety)-)?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth)|"
              r"Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|"
              r"Seventeenth|Eighteenth|Nineteenth|Twentieth|Thirtieth|Fortieth|Fiftieth|"
              r"Sixtieth|Seventieth|Eightieth|Ninetieth)")
ID_ORDINAL = r"(?:ke-?\s?\d+|pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan)"

# Heads of body names. Indonesian names put the head first ("Biro Kerja Sama ..."),
# English ones last ("... Steering Group") or first with a complement ("Centre for ...").
BODY_HEADS_ID = {
    "Kementerian": "Organization", "Kemenko": "Organization", "Biro": "Organization",
    "Badan": "Organization", "Direktorat Jenderal": "Organization",
    "Direktorat": "Organization", "Sekretariat": "Organization",
    "Pusat": "Organization", "Universitas": "Organization", "Institut": "Organization",
    "Kantor": "Organization", "Konsulat Jenderal": "Organization",
    "Kedutaan Besar": "Organization", "Yayasan": "Organization", "Lembaga": "Organization",
    "PT": "Organization", "Partai": "Organization", "RSUPN": "Organization", "RSUP": "Organization",
    "RSPI": "Organization", "RSUD": "Organization", "Rumah Sakit": "Organization",
    "Komite": "Forum", "Dewan": "Organization", "Kelompok Kerja": "Forum", "Forum": "Forum",
    "Kerja Sama": "Forum", "Kerjasama": "Forum", "Cluster": "Forum", "Klaster": "Forum",
    "Gugus Tugas": "Forum", "Organisasi": "Organization", "Asosiasi": "Organization",
    "Ministry": "Organization", "Department": "Organization", "Centre": "Organization",
    "Center": "Organization", "Office": "Organization", "Bureau": "Organization",
    "Ikatan": "Organization", "Himpunan": "Organization", "Perhimpunan": "Organization",
    "Persatuan": "Organization", "Fakultas": "Organization", "Mahkamah": "Organization",
    "Komisi": "Organization", "Majelis": "Organization", "Angkatan": "Organization",
    "Gerakan": "Forum", "KBRI": "Organization", "KJRI": "Organization",
    "PTRI": "Organization", "Perwakilan Tetap": "Organization", "Kabinet": "Organization",
}
BODY_HEADS_EN = {
    "Board": "Organization", "Committee": "Forum", "Group": "Forum", "Secretariat":
    "Organization", "Centre": "Organization", "Center": "Organization", "Programme":
    "Organization", "Program": "Organization", "Forum": "Forum", "Fund": "Organization",
    "Initiative": "Forum", "Company": "Organization", "University": "Organization",
    "Hospital": "Organization", "Institute": "Organization", "Foundation": "Organization",
    "Relief": "Organization", "Track": "Forum", "Package": "Forum", "Task Force": "Forum",
    "Office": "Organization", "Agency": "Organization", "Council": "Organization",
    "Commission": "Organization", "Alliance": "Forum", "Partnership": "Forum",
    "Network": "Forum", "Organisation": "Organization", "Organization": "Organization",
    "Association": "Organization", "Union": "Organization", "Bank": "Organization",
    "Ministry": "Organization", "Department": "Organization", "Bureau": "Organization",
    "Corporation": "Organization", "Authority": "Organization", "Agenda": "Forum",
    "Trust": "Organization", "School": "Organization", "Embassy": "Organization",
    "Mission": "Organization", "Movement": "Forum", "Consulting": "Organization",
}
EVENT_HEADS_ID = ("Pertemuan|Sidang|Konferensi|KTT|Rapat|Webinar|Seminar|Simposium|"
                  "Lokakarya|Lokalatih|Dialog|Kongres|Musyawarah|Resepsi|Upacara|Perayaan")
EVENT_HEADS_EN = ("Ministerial Meeting|Meeting|Summit|Session|Conference|Assembly|"
                  "Roundtable|Round Table|Side Event|Dialogue|Symposium|Congress|Webinar|"
                  "Workshop|Forum")
# Lower-case event phrases that name a single occasion in this genre.
GENERIC_EVENTS = ("pertemuan bilateral|pertemuan awal|kunjungan kenegaraan|kunjungan kerja|"
                  "kunjungan resmi|kunjungan kehormatan|pertemuan kenegaraan|sesi pembukaan resmi|"
                  "sesi pembukaan|bilateral meeting|bilateral working session|working session|"
                  "courtesy call|bertemu secara bilateral|state visit|official visit|working visit|"
                  "rapat kerja|rapat dengar pendapat|rapat koordinasi|rapat terbatas")

# Words that say what a body is, not which one: a name made only of these is no name.
GENERIC_BODY_WORDS = frozenset("""
Joint Working Group Action Plan Task Force Steering Committee Board Executive Regional Global
National International Coordinating Technical Expert Advisory High Level High-Level Senior
Officials Meeting Cooperation Partnership Network Forum Initiative Framework Programme Program
Project Projects Unit Team Sub Subcommittee Panel Council General Special Bilateral Multilateral
Tim Kelompok Gugus Tugas Teknis Ahli Pengarah Bersama Kemitraan Jaringan Rencana Aksi Proyek
""".split())

# Words of roles that stand before a body's name and are no part of it.
ROLE_WORDS = frozenset("""
Ketua Wakil Anggota Presidensi Keketuaan Kepemimpinan Chair Co-chair Co-Chair Member Members
Tuan Rumah Delegasi Kepala Head Sebagai Sidang Pertemuan Pertama Kedua Ketiga
""".split())

# English heads whose modifiers may be a list ("Planning, Budget and Administration Committee").
LEFT_LIST_HEADS = frozenset("Committee Board Group Council Commission Forum Programme Program "
                            "Task Force Initiative Agenda Authority Agency".split())

# Words of places where things happen, not of bodies ("Bali Nusa Dua Convention Center").
VENUE_WORDS = frozenset("Convention Hotel Hall Gedung Istana Ruang Stadium Airport Bandara "
                        "Auditorium Balai".split())

# Heads whose names may hold a list ("Kementerian Kesehatan, Kesejahteraan dan Olahraga").
LIST_HEADS = frozenset("Kementerian Ministry Kemenko Direktorat Jenderal Kerja Sama Kerjasama "
                       "Biro Badan Pusat Centre Center Department Forum Cluster Komite Dewan "
                       "Committee Programme Program Board Group".split())

# The kinds of body in Indonesian and English, for a short name that stands for the one body
# of that kind the text names ("Komite Pengarah" after "Steering Committee on Health").
KIND_TRANSLATIONS = {
    "Komite Pengarah": "Steering Committee", "Kelompok Kerja": "Working Group",
    "Dewan Eksekutif": "Executive Board", "Komite Regional": "Regional Committee",
    "Kantor Regional": "Regional Office", "Dewan Pengurus": "Governing Board",
    "Dewan Direksi": "Board of Directors", "Komite Eksekutif": "Executive Committee",
    "Gugus Tugas": "Task Force", "Kelompok Pengarah": "Steering Group",
}
