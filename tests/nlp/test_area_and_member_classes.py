"""Officials and institutions: classes found on the fourth held-out set, checked on sentences of our own:
area words after place names, numbered territorial units, members listed after their head, joint-team seats,
stations of a national agency, sub-units named in full, a head whose body is not the nearest one."""
import pytest
from finder_helpers import run, names_of



@pytest.mark.parametrize("text,person,institution", [
    # a compass or area word after a place belongs to the place; it is never a person
    ("Kapolsek Samarinda Ulu, AKP Bambang Wijaya Purba, S.H. menegaskan anggotanya netral.",
     "Bambang Wijaya Purba", "Polsek Samarinda Ulu"),
    ("Kapolsek Bontang Selatan Iptu Dedi Kurniawan meminta warga melapor.", "Dedi Kurniawan",
     "Polsek Bontang Selatan"),
    ("Kepala Puskesmas Sentani Kota, Markus Yoku menyebut kasus diare naik.", "Markus Yoku",
     "Puskesmas Sentani Kota"),
    # a long region name written in lower case is still the region
    ("Ketua Bawaslu Provinsi Kepulauan bangka belitung, Desi Anggraini menyebut ada 12 laporan.",
     "Desi Anggraini", "Bawaslu Provinsi Kepulauan Bangka Belitung"),
    # a Danramil heads the Koramil with the same number and place; the rank before the name is no position
    ("Danramil 1311-03/Samarinda Seberang, Kapten Inf Agus Salim Harahap meminta prajurit tidak memihak.",
     "Agus Salim Harahap", "Koramil 1311-03/Samarinda Seberang"),
    # a member of a joint team, named after the seat held
    ("Sidang dipimpin Anggota DKPP Heddy Lugito didampingi anggota Tim Pemeriksa Daerah (TPD) Sulsel unsur "
     "masyarakat Andi Baso Ryadi dan unsur KPU, Wa Ode Nurjannah.", "Wa Ode Nurjannah", "TPD Sulsel"),
    # the first of two titles joined by "yang juga" is the person's
    ("Ketua Badan Anggaran DPRD Jawa Barat yang juga Wakil Ketua DPRD, Dedi Supriadi, menjelaskan belanja naik.",
     "Dedi Supriadi", "Badan Anggaran DPRD Jawa Barat"),
    # a head whose body is named earlier, with another body in between
    ("Inspektorat Provinsi Jawa Tengah masih memeriksa dua ASN. Kepala BKD Jawa Tengah Budi Santosa menyebut "
     "sanksi menunggu. Sementara itu Inspektur Dadang Somantri mengatakan pemeriksaan selesai pekan depan.",
     "Dadang Somantri", "Inspektorat Provinsi Jawa Tengah"),
])
def test_official_and_body(text, person, institution):
    offs, insts = run(text)
    assert person in offs, offs
    assert offs[person].position and person.split()[0] not in offs[person].position
    inst = next(i for i in insts.values() if offs[person].institution in names_of(i) | {i.name})
    assert institution.lower() in names_of(inst), insts


def test_area_word_is_never_a_person():
    offs, _ = run("Kapolsek Tarakan Timur, AKP Rudi Gunawan Sitompul menyebut patroli ditambah.")
    assert set(offs) == {"Rudi Gunawan Sitompul"}


@pytest.mark.parametrize("text,members", [
    ("Ketiga teradu yakni Ketua KPU Buton Selatan Ahmad Fauzan serta dua anggotanya, Wa Ode Nurjannah dan "
     "La Ode Muhammad Ikbal.", ["Wa Ode Nurjannah", "La Ode Muhammad Ikbal"]),
    ("Teradu lainnya adalah Ketua Bawaslu Muna Barat Hasan Basri serta anggota Sitti Rahma, Wa Ode Fitri dan "
     "La Ode Ikbal.", ["Sitti Rahma", "Wa Ode Fitri", "La Ode Ikbal"]),
])
def test_members_listed_after_their_head(text, members):
    offs, insts = run(text)
    head = next(o for o in offs.values() if o.position == "Ketua")
    for name in members:
        assert name in offs, offs
        assert offs[name].institution == head.institution


def test_agency_station_is_one_institution():
    _, insts = run("BMKG Stasiun Meteorologi Juwata memprakirakan hujan lebat hingga Jumat (10/1/2025). "
                   "Kepala Stasiun Meteorologi Juwata, Sulam Khilmi, meminta warga waspada.")
    assert list(insts) == ["BMKG Stasiun Meteorologi Juwata"]


def test_full_and_short_forms_both_given():
    _, insts = run("Majelis hakim Pengadilan Negeri Polewali menjatuhkan vonis. Kepala Dinas Kesehatan Kabupaten "
                   "Sikka, dr. Maria Ratu, mengatakan kasus naik.")
    forms = set().union(*(names_of(i) for i in insts.values()))
    assert {"pengadilan negeri polewali", "pn polewali"} <= forms
    assert {"dinas kesehatan kabupaten sikka", "dinkes kabupaten sikka"} <= forms
