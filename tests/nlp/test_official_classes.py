"""Officials: failure classes found on held-out styles, tested on sentences of our own (regional, police, courts,
TNI, DKPP, Aceh and Papua bodies, unlisted organisations, name particles, lists, quoted speakers)."""
import pytest

from nlp.institutions import find_institutions
from nlp.officials import find_officials
from nlp.sentences import split_sentences


def offs(text):
    sents = split_sentences(text)
    insts = find_institutions(text, sents)
    return {o.name: o for o in find_officials(text, sents, insts)}, {i.name for i in insts}


def inst_of(text, name):
    got, _ = offs(text)
    assert name in got, f"{name} not in {sorted(got)}"
    return got[name].institution


# --- position words for police, prosecutors, courts and the military ------------------------------------
@pytest.mark.parametrize("text,name,institution", [
    ("WAMENA - Kasat Reskrim Polres Jayawijaya AKP Sugeng Riyadi mengatakan dua pelaku ditahan.",
     "Sugeng Riyadi", "Polres Jayawijaya"),
    ('"Kami sudah periksa saksi," ujar Kasat Reskrim Polres Sorong Kota, AKP Arifin Lanang.',
     "Arifin Lanang", "Polres Sorong Kota"),
    ("Kabid Humas Polda Papua Kombes Pol Ignatius Benny Ady Prabowo mengatakan situasi kondusif.",
     "Ignatius Benny Ady Prabowo", "Polda Papua"),
    ("Kepala Kejaksaan Negeri (Kajari) Manggarai Barat, Yusuf Kolo, mengatakan berkas sudah lengkap.",
     "Yusuf Kolo", "Kejari Manggarai Barat"),
    ("Kajari Kupang Tabita Ndun mengatakan penyidik menemukan bukti baru.", "Tabita Ndun", "Kejari Kupang"),
    ('"Kami siap mengamankan tahapan," ujar Dandim 1702/Jayawijaya Letkol Inf Andri Wijaya.',
     "Andri Wijaya", "Kodim 1702/Jayawijaya"),
    ("Menurut Kapendam XVII/Cenderawasih Kolonel Kav Herman Taryaman, prajurit dilarang berpolitik.",
     "Herman Taryaman", "Kodam XVII/Cenderawasih"),
    ("Kapolresta Kupang Kota Kombes Pol Aldinan Manurung meninjau TPS di Oebobo.",
     "Aldinan Manurung", "Polresta Kupang Kota"),
])
def test_police_prosecutor_military_positions(text, name, institution):
    assert inst_of(text, name) == institution


def test_military_unit_keeps_its_number_and_rank_is_not_a_place():
    text = ("Kepala Penerangan Kodam IX/Udayana Kolonel Inf Agung Prasetyo mengatakan Kodam IX/Udayana "
            "membuka posko pengaduan netralitas prajurit.")
    got, insts = offs(text)
    assert got["Agung Prasetyo"].institution == "Kodam IX/Udayana"
    assert "Kodam IX/Udayana" in insts


# --- courts and DKPP panels -----------------------------------------------------------------------------
def test_court_panel_and_lowercase_member():
    text = ("Perkara diperiksa di Pengadilan Negeri (PN) Atambua. Sidang dipimpin Hakim Ketua Maria Goreti "
            "didampingi hakim anggota Yustinus Bria dan jaksa dari Kejari Belu.")
    got, insts = offs(text)
    assert got["Maria Goreti"].institution == "Pengadilan Negeri Atambua"
    assert got["Yustinus Bria"].institution == "Pengadilan Negeri Atambua"


def test_dkpp_panel_chair_is_dkpp_not_the_kpu_judged():
    text = ("DKPP memeriksa Ketua KPU Kabupaten Alor dalam sidang etik di Kupang. Sidang dipimpin Ketua "
            "Majelis Arif Setiawan didampingi Anggota Majelis Yosefina Ledo.")
    got, _ = offs(text)
    assert got["Arif Setiawan"].institution == "DKPP"
    assert got["Yosefina Ledo"].institution == "DKPP"


# --- Aceh and Papua bodies --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,name,institution", [
    ("Ketua Komisi Independen Pemilihan (KIP) Kota Banda Aceh, Yusri Razali, menyebutkan pleno digelar Senin.",
     "Yusri Razali", "KIP Kota Banda Aceh"),
    ("Ketua Panwaslih Kota Lhokseumawe Teuku Zulfikar menyatakan pihaknya menerima tiga laporan.",
     "Teuku Zulfikar", "Panwaslih Kota Lhokseumawe"),
    ("Ketua DPRK Aceh Besar, Zulfikar Aziz, meminta keuchik menjaga netralitas.", "Zulfikar Aziz",
     "DPRK Aceh Besar"),
    ("Ketua Majelis Rakyat Papua (MRP), Yoel Mulait, meminta pemilu berjalan damai.", "Yoel Mulait", "MRP"),
])
def test_aceh_and_papua_bodies(text, name, institution):
    assert inst_of(text, name) == institution


# --- regional government offices -------------------------------------------------------------------------
def test_sekda_serves_the_regional_government():
    text = ("Sekretaris Daerah (Sekda) Kabupaten Ende, Agustinus Ngasu, mengatakan Pemerintah Kabupaten "
            "(Pemkab) Ende menyiapkan sanksi. Sekda Kota Kupang, Fahrensy Funay, juga hadir.")
    got, insts = offs(text)
    assert got["Agustinus Ngasu"].institution == "Pemkab Ende"
    assert got["Fahrensy Funay"].institution == "Pemkot Kupang"
    assert not any(i.startswith("Setda") for i in insts)


def test_division_name_with_haji_is_not_an_honorific():
    text = ("Kepala Bidang Penyelenggaraan Haji dan Umrah Kanwil Kemenag NTT, Yohanes Lena, mengatakan "
            "kuota jemaah bertambah.")
    assert inst_of(text, "Yohanes Lena") == "Kanwil Kemenag NTT"


def test_head_title_and_body_short_name_are_one_body():
    text = ("Kapolda Nusa Tenggara Timur Irjen Pol Daniel Tahi memimpin apel. Polda NTT menyiagakan "
            "3.000 personel.")
    assert inst_of(text, "Daniel Tahi") == "Polda NTT"


# --- unlisted organisations (reported bugs: the body became the person's name) ------------------------
@pytest.mark.parametrize("text,name,institution", [
    ("Ketua KONI Garut, Agus Salim, mengatakan atlet siap bertanding.", "Agus Salim", "KONI Garut"),
    ("Kepala Dinas Perdagangan Demak, Yanti Lestari, mengatakan harga cabai naik.", "Yanti Lestari",
     "Dinas Perdagangan Demak"),
    ("Ketua Forum Rektor Nusantara, Budi Harsono, mengatakan kampus harus netral.", "Budi Harsono",
     "Forum Rektor Nusantara"),
    ("Kepala Dinas Perikanan Kabupaten Demak, Yanti Lestari, mengatakan harga ikan naik.", "Yanti Lestari",
     "Dinas Perikanan Kabupaten Demak"),
    ("Ketua Ikatan Keluarga Besar Flobamora (IKBF) Kota Sorong, Paulus Tefa, mengajak warga menjaga damai.",
     "Paulus Tefa", "IKBF Kota Sorong"),
    ("Direktur RSUD dr. Ben Mboi Kupang, Maria Kolo, menuturkan ruang isolasi ditambah.", "Maria Kolo",
     "RSUD dr. Ben Mboi Kupang"),
])
def test_unlisted_organisation_is_not_the_name(text, name, institution):
    got, insts = offs(text)
    assert set(got) == {name}
    assert got[name].institution == institution
    assert institution in insts


# --- names: particles, apostrophes, lists ---------------------------------------------------------------
def test_name_particles_and_apostrophes():
    text = ("Ketua Bawaslu Provinsi Nusa Tenggara Timur (NTT), Nonato da Purificacao Sarmento, mengatakan "
            "laporan meningkat. Kepala BKPSDM Kabupaten Ende, Yohanes de Rosari, memanggil ASN. "
            "Penjabat Gubernur Papua Barat Daya, Mohammad Musa'ad, meminta ASN netral.")
    got, _ = offs(text)
    assert {"Nonato da Purificacao Sarmento", "Yohanes de Rosari", "Mohammad Musa'ad"} <= set(got)


def test_two_name_list_after_a_plural_position():
    text = ("KIP Kabupaten Pidie memberhentikan ketuanya. Tiga anggota KIP Pidie lainnya, Safrizal dan "
            "Cut Mutia Sari, hanya diberi peringatan.")
    got, _ = offs(text)
    assert {"Safrizal", "Cut Mutia Sari"} <= set(got)
    assert got["Cut Mutia Sari"].institution == "KIP Kabupaten Pidie"


def test_single_position_before_dan_is_not_a_list():
    text = "Ketua KPU Garut, Budi Santoso dan Anggota Bawaslu Garut, Ahmad Yani hadir di Tarogong."
    got, _ = offs(text)
    assert got["Budi Santoso"].institution == "KPU Garut"
    assert got["Ahmad Yani"].institution == "Bawaslu Garut"


# --- speakers named after a verb ---------------------------------------------------------------------------
def test_speaker_before_position_and_region_short_name():
    text = ("Bawaslu Kabupaten Timor Tengah Utara (TTU) menerima laporan. \"Semua kami tindak lanjuti,\" kata "
            "Ketua Bawaslu TTU, Yulius Nakmofa, Jumat (29/11). \"Kami sudah serahkan,\" ujar Agustinus Bana, "
            "Ketua KPU TTU.")
    got, _ = offs(text)
    assert got["Yulius Nakmofa"].institution == "Bawaslu Kabupaten Timor Tengah Utara"
    assert got["Agustinus Bana"].institution.startswith("KPU")


def test_quoted_speaker_without_position_but_not_a_resident():
    text = ('DKPP membacakan putusan. "Teradu terbukti melanggar kode etik," ungkap Dewi Anggraini Lubis. '
            '"Harga naik terus," kata Ahmad Fauzi. Ahmad Fauzi, warga Desa Oesao, mengeluh.')
    got, _ = offs(text)
    assert "Dewi Anggraini Lubis" in got
    assert got["Dewi Anggraini Lubis"].institution is None
    assert "Ahmad Fauzi" not in got


# --- places not in the region list, party benches, village heads ----------------------------------------
@pytest.mark.parametrize("text,name,institution", [
    ("Kapolsek Wamena Kota Iptu Yosias Ronsumbre mengatakan situasi aman.", "Yosias Ronsumbre",
     "Polsek Wamena Kota"),
    ("Kapolsek Abepura, Iptu Yosias Ronsumbre, mengatakan situasi aman.", "Yosias Ronsumbre", "Polsek Abepura"),
    ("Kapolres Budi Santoso mengatakan situasi aman di wilayah Polres Kupang.", "Budi Santoso", "Polres Kupang"),
    ("Anggota Komisi II DPR RI dari Fraksi PDI Perjuangan, Komarudin Watubun, meminta KPU Papua profesional.",
     "Komarudin Watubun", "Komisi II DPR"),
])
def test_unlisted_places_and_party_benches(text, name, institution):
    got, _ = offs(text)
    assert set(got) == {name}
    assert got[name].institution == institution


def test_village_head_is_not_named_after_the_village():
    text = "Kepala Kampung Sei Bali, Matius Irab, sudah dipanggil Bawaslu Berau pekan lalu."
    got, _ = offs(text)
    assert set(got) == {"Matius Irab"}
    assert got["Matius Irab"].position == "Kepala Kampung"
    assert got["Matius Irab"].institution is None


@pytest.mark.parametrize("text,name,position,institution", [
    ("Rektor Universitas Nusa Cendana (Undana), Prof. Max Sanam, mengatakan kampus netral.", "Max Sanam",
     "Rektor", "Undana"),
    ("Camat Kota Raja, Yohanes Mese, mengatakan warga tertib.", "Yohanes Mese", "Camat", None),
    ("Budi Santoso (Ketua KPU Kota Kupang) mengatakan logistik tiba.", "Budi Santoso", "Ketua",
     "KPU Kota Kupang"),
    ("Ketua GMNI Cabang Kupang, Yosef Kaka, berorasi di depan kantor gubernur.", "Yosef Kaka", "Ketua", None),
])
def test_more_heads_places_and_bodies(text, name, position, institution):
    got, _ = offs(text)
    assert set(got) == {name}
    assert (got[name].position, got[name].institution) == (position, institution)


def test_derived_noun_is_not_a_name():
    text = "Ketua Tim Pemenangan pasangan calon nomor urut 2 membantah tuduhan itu."
    got, _ = offs(text)
    assert not got
