"""Whatever comes in, `extract_text` returns valid records and `hdkg extract` keeps going."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hdkg.loaders.text import extract_text

TYPES = {"Country", "Person", "Organization", "Forum", "Event"}
PREDICATES = {"chair_of", "member_of", "holds_position", "part_of", "agreement_with",
              "participated_in", "hosts"}

# Random text with the words the rules react to, so that the rules actually run.
WORDS = st.sampled_from(["Indonesia", "Menteri", "Kesehatan", "RI", "Ketua", "anggota", "WHO",
                         "MoU", "dengan", "(", ")", ",", ".", "Dr.", "Budi", "Santoso", "ke-2",
                         "Pertemuan", "2020-2022", "tuan rumah", "Sekretariat", "GHSA", "dan",
                         "Jerman", "Executive Board", "chaired by", "Meeting", "\n", "“", "”"])
TEXT = st.one_of(st.text(max_size=400),
                 st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=80).map(" ".join))


def check_records(records: list[dict], text: str) -> None:
    json.dumps(records)
    names = {(r["type"], r["name"]) for r in records if r["kind"] == "entity"}
    for r in records:
        assert r["doc"] == "x.txt"
        if r["kind"] == "entity":
            assert r["type"] in TYPES and r["name"]
            assert all(m in text for m in r["mentions"])
            if r["type"] == "Country":
                assert len(r["iso3"]) == 3
        else:
            assert r["kind"] == "fact" and r["predicate"] in PREDICATES
            for end in ("subject", "object"):
                assert (r[end]["type"], r[end]["name"]) in names
            a, b = r["span"]
            assert 0 <= a <= b <= len(text) and text[a:b] == r["evidence"]
            assert 0.0 <= r["confidence"] <= 1.0
            for k in ("start", "end", "date"):
                if k in r:
                    assert len(r[k]) in (4, 7, 10) and r[k][:4].isdigit()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_random_text_gives_valid_records(text: str) -> None:
    from hdkg.loaders.text.read import normalise

    check_records(extract_text(text, "x.txt"), normalise(text))


def _extract(tmp_path: Path, *paths: Path) -> subprocess.CompletedProcess:
    out = tmp_path / "out.jsonl"
    return subprocess.run([sys.executable, "-m", "hdkg.cli", "extract",
                           *map(str, paths), "-o", str(out)],
                          capture_output=True, text=True, timeout=120)


def _records(tmp_path: Path) -> list[dict]:
    return [json.loads(x) for x in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]


SENTENCE = "Indonesia menjadi tuan rumah Sekretariat GHSA.\n"


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = _extract(tmp_path, tmp_path / "empty.txt")
    assert run.returncode == 0, run.stderr
    assert [r["kind"] for r in _records(tmp_path)] == ["document"]


def test_five_megabyte_single_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(("Kerja sama kesehatan terus berjalan dengan baik " * 110000)[:5_000_000],
                   encoding="utf-8")
    run = _extract(tmp_path, big)
    assert run.returncode == 0, run.stderr


def test_binary_file_is_skipped_and_others_extracted(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (docs / "b.txt").write_bytes(bytes(range(256)) * 40)
    (docs / "c.txt").write_text(SENTENCE, encoding="utf-8")
    run = _extract(tmp_path, docs)
    assert run.returncode == 2
    assert "b.txt" in run.stderr
    got = {r["doc"] for r in _records(tmp_path)}
    assert got == {"a.txt", "c.txt"}


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    run = _extract(tmp_path, tmp_path / "nowhere.txt")
    assert run.returncode == 1
    assert "nowhere.txt" in run.stderr


def test_bom_and_windows_1252(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))
    (tmp_path / "cp.txt").write_bytes(
        "Menteri Kesehatan RI, dr. José Müller, membuka “Webinar Kesehatan” ini.\n"
        .encode("cp1252"))
    run = _extract(tmp_path, tmp_path / "bom.txt", tmp_path / "cp.txt")
    assert run.returncode == 0, run.stderr
    recs = _records(tmp_path)
    docs = {r["doc"]: r for r in recs if r["kind"] == "document"}
    assert docs["bom.txt"]["chars"] == len(SENTENCE)
    people = [r["name"] for r in recs if r["kind"] == "entity" and r["type"] == "Person"]
    assert "José Müller" in people
    assert any(r["kind"] == "fact" and r["doc"] == "bom.txt" for r in recs)


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    html = """<html><head><title>Berita</title><script>var x = "Indonesia";</script>
    <style>p { color: red }</style></head><body><nav>Menu Beranda Indonesia</nav>
    <article><h1>Kerja sama kesehatan</h1><p>Indonesia menjadi <b>tuan rumah</b>
    Sekretariat GHSA.</p><p>Baca juga: Jerman dan Belanda teken MoU</p>
    <div class="ads">Advertisement</div></article><footer>Hak cipta</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    run = _extract(tmp_path, tmp_path / "page.html")
    assert run.returncode == 0, run.stderr
    recs = _records(tmp_path)
    names = {r["name"] for r in recs if r["kind"] == "entity"}
    assert "Indonesia" in names and "Jerman" not in names
    assert any(r["kind"] == "fact" and r["predicate"] == "hosts" for r in recs)


def test_jobs_give_the_same_output(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(6):
        (docs / f"{i}.txt").write_text(SENTENCE * (i + 1), encoding="utf-8")
    one = tmp_path / "one.jsonl"
    two = tmp_path / "two.jsonl"
    for out, jobs in ((one, "1"), (two, "2")):
        run = subprocess.run([sys.executable, "-m", "hdkg.cli", "extract", str(docs),
                              "-o", str(out), "--jobs", jobs], capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 0, run.stderr
    assert one.read_text("utf-8") == two.read_text("utf-8")
