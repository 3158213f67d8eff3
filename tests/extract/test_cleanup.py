"""The Indonesian cleanup layer (patterns in extract/data/)."""
import pytest

from extract.cleanup import clean_body

PARAGRAPH = "Bupati meninjau lokasi longsor di Desa Sukamaju dan meminta warga tetap waspada selama musim hujan."


@pytest.mark.parametrize("line", [
    "Baca juga: Polisi Tangkap Pelaku Pencurian Motor di Depok",
    "BACA JUGA : Harga Cabai Naik Lagi",
    "Lihat juga: Video Banjir Bandang di Garut",
    "Simak Video: Detik-detik Jembatan Ambruk",
    "Halaman selanjutnya",
    "ADVERTISEMENT",
    "SCROLL TO RESUME CONTENT",
    "[Gambas:Video CNN]",
    "(fyk/ash)",
    "(kpl/sry/tch)",
    "(FHM)",
    "Editor: Bambang Sutrisno",
    "Penulis : Ayu Lestari",
    "Pewarta: Andi Firmansyah",
    "Copyright © 2024 Warta Daerah. All rights reserved.",
    "© 2024 Harian Rakyat",
    "Foto: Warga memadati alun-alun saat perayaan hari jadi kota.",
    "Bagikan artikel ini",
    "Ikuti berita terkini di Google News",
    "Tag: pemilu, kpu, bawaslu",
    "0 Komentar",
])
def test_boilerplate_lines_are_removed(line):
    assert clean_body(f"{PARAGRAPH}\n{line}\n{PARAGRAPH}").text == f"{PARAGRAPH}\n\n{PARAGRAPH}"


@pytest.mark.parametrize("line", [
    "Baca juga buku panduan yang dibagikan dinas pendidikan, kata kepala sekolah itu, agar siswa siap ujian.",
    "Simak pula penjelasan Kepala BPBD yang menyebut status siaga masih berlaku hingga akhir bulan ini.",
    "Foto-foto kerusakan itu kemudian dikirim ke kantor gubernur sebagai bahan laporan resmi.",
    "Editor senior harian itu, Made Wirawan, menilai kebebasan pers di daerah masih rentan.",
    "Ia mengatakan, pembangunan jembatan akan dilanjutkan tahun depan. (H-4)",
])
def test_body_sentences_that_look_alike_are_kept(line):
    assert line in clean_body(f"{PARAGRAPH}\n{line}").text


def test_related_box_header_takes_its_headlines_along():
    raw = "\n".join([PARAGRAPH, "Jangan Lewatkan", "Harga Emas Naik Lagi", "Tips Mudik Aman Bersama Keluarga",
                     "Ia menambahkan, pengerjaan tanggul dilanjutkan pekan depan. (ant)", ])
    cleaned = clean_body(raw).text
    assert "Harga Emas" not in cleaned and "Tips Mudik" not in cleaned
    assert cleaned.endswith("pekan depan. (ant)")


def test_title_repeated_at_the_top_is_dropped():
    title = "Bupati Tinjau Lokasi Longsor di Sukamaju"
    assert clean_body(f"{title}\n{PARAGRAPH}", title).text == PARAGRAPH


def test_closing_signature_becomes_the_signature():
    cleaned = clean_body(f"{PARAGRAPH}\nANDI WIJAYA")
    assert cleaned.text == PARAGRAPH and cleaned.signature == "ANDI WIJAYA"
