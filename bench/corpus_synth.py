"""Synthetic Indonesian election news with matching facts, for the corpus benchmarks (realistic sizes, our words)."""
from __future__ import annotations

import datetime as dt
import random

REGIONS = ["Kabupaten Sleman", "Kota Medan", "Kabupaten Jember", "Kota Makassar", "Kabupaten Garut",
           "Kota Surabaya", "Kabupaten Bogor", "Kota Padang", "Kabupaten Banyumas", "Kota Pontianak",
           "Kabupaten Lombok Timur", "Kota Kupang", "Kabupaten Gowa", "Kota Palembang", "Kabupaten Cirebon",
           "Kota Ambon", "Kabupaten Deli Serdang", "Kota Balikpapan", "Kabupaten Klaten", "Kota Manado",
           "Provinsi Jawa Barat", "Provinsi Sumatera Utara", "Provinsi Sulawesi Selatan", "Provinsi Bali"]
BODIES = ["Bawaslu", "KPU", "DKPP", "Sentra Gakkumdu", "Polres"]
FIRST = ["Arif", "Siti", "Dwi", "Budi", "Rina", "Agus", "Wahyu", "Nur", "Eka", "Hendra", "Yuni", "Fajar", "Lestari",
         "Bambang", "Dewi", "Irfan", "Maya", "Rudi", "Sari", "Teguh"]
LAST = ["Nurcahyo", "Rahmawati", "Handayani", "Santoso", "Wulandari", "Saputra", "Pratama", "Hidayat", "Kusuma",
        "Siregar", "Nasution", "Lubis", "Simanjuntak", "Wibowo", "Setiawan", "Purnomo", "Utami", "Halim"]
POSITIONS = ["Ketua", "Anggota", "Koordinator Divisi Penanganan Pelanggaran", "Kepala Sekretariat", "Komisioner"]
VIOLATIONS = [("netralitas ASN", "dugaan pelanggaran netralitas ASN"), ("politik uang", "laporan dugaan politik uang"),
              ("kampanye di luar jadwal", "temuan kampanye di luar jadwal"),
              ("alat peraga kampanye", "alat peraga kampanye yang melanggar"),
              ("pelanggaran administrasi", "pelanggaran administrasi")]
ELECTIONS = ["Pemilu 2024", "Pilkada 2024"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
OUTLETS = ["kabarnusa.id", "wartasumut.co.id", "jatimterkini.id", "suarapantura.com", "berita-celebes.id",
           "harianpriangan.com", "lenteraborneo.id", "kabarbali.net", "metrosumbar.id", "ntt-today.com",
           "jogjapos.id", "manadoekspres.id"]
# Filler sentences are put together from parts, so the vocabulary spreads like real news instead of repeating.
SUBJECTS = ["Rapat koordinasi", "Sosialisasi aturan kampanye", "Apel siaga pengawasan", "Patroli pengawasan",
            "Bimbingan teknis petugas", "Uji petik data pemilih", "Simulasi pemungutan suara", "Diskusi publik",
            "Rekapitulasi tingkat kecamatan", "Distribusi logistik", "Pelantikan pengawas TPS", "Debat kandidat"]
VERBS = ["digelar", "dilaksanakan", "berlangsung", "dijadwalkan ulang", "diikuti ratusan peserta", "ditunda"]
PLACES = ["di aula kantor kecamatan", "di gedung serbaguna", "di halaman balai desa", "di hotel pusat kota",
          "di posko pengawasan", "di gudang logistik", "di kampus negeri setempat", "di lapangan alun-alun"]
TAILS = ["dengan menghadirkan perwakilan partai politik.", "bersama tokoh agama dan tokoh pemuda.",
         "dengan pengamanan dari kepolisian.", "sebelum masa tenang dimulai.", "sesuai jadwal tahapan.",
         "meski sempat diguyur hujan deras.", "dengan protokol yang diperketat.", "tanpa kendala berarti.",
         "di bawah pantauan pemantau independen.", "dengan melibatkan relawan demokrasi."]
EXTRA = ["Warga diimbau melapor melalui posko pengaduan yang dibuka hingga pukul {h}.00 WIB.",
         "Sebanyak {n} pengawas kelurahan dan desa diminta aktif memantau kegiatan di wilayahnya.",
         "Penyelenggara mencatat {n} TPS berada di lokasi rawan banjir dan longsor.",
         "Kotak suara untuk {n} TPS mulai didistribusikan ke kecamatan pekan depan.",
         "Data pemilih tetap diperbarui setelah {n} nama ganda dicoret dari daftar."]


class ArticleMaker:
    """Builds (article dict, facts dict) pairs; offsets in the facts point into the generated text."""

    def __init__(self, seed: int = 7, start: dt.date = dt.date(2023, 6, 1), days: int = 580):
        self.rng = random.Random(seed)
        self.start, self.days = start, days

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def make(self, n: int, version: str = "0.1.0") -> tuple[dict, dict]:
        rng = self.rng
        region, body = rng.choice(REGIONS), rng.choice(BODIES[:2] if rng.random() < 0.8 else BODIES)
        institution = f"{body} {region}"
        official, position = self._name(), rng.choice(POSITIONS)
        violation, phrase = rng.choice(VIOLATIONS)
        election = rng.choice(ELECTIONS)
        count = rng.randint(1, 180)
        published = self.start + dt.timedelta(days=rng.randrange(self.days))
        event = published - dt.timedelta(days=rng.randint(1, 20))
        event_text = f"{event.day} {MONTHS[event.month - 1]} {event.year}"
        sentences, facts = [], {"officials": [], "institutions": [], "dates": [], "figures": [], "flag_reasons": []}
        pos = 0

        def add(sentence: str) -> int:
            nonlocal pos
            sentences.append((pos, pos + len(sentence), sentence))
            pos += len(sentence) + 1
            return len(sentences) - 1

        def span(idx: int, needle: str) -> dict:
            s_start, _, sentence = sentences[idx]
            start = s_start + sentence.index(needle)
            return {"sentence": idx, "start": start, "end": start + len(needle)}

        i0 = add(f"{institution} mencatat {count} {phrase} selama tahapan {election} hingga {event_text}.")
        i1 = add(f"{position} {institution} {official} mengatakan seluruh temuan sedang ditindaklanjuti sesuai "
                 "ketentuan yang berlaku.")
        for _ in range(rng.randint(20, 36)):  # bodies of 2.5-4.5k characters, like regional news
            if rng.random() < 0.3:
                add(rng.choice(EXTRA).format(h=rng.randint(14, 22), n=rng.randint(3, 900)))
            else:
                add(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(PLACES)} {rng.choice(TAILS)}")
        i2 = add(f"Menurut {official.split()[0]}, jumlah itu naik dibandingkan pekan sebelumnya.")
        text = " ".join(s[2] for s in sentences)
        fig = span(i0, f"{count} {phrase}")
        facts["figures"].append({"value": count, "text": f"{count} {phrase}", "unit": phrase.split()[0],
                                 "violation": violation, "election": election, "approx": False, **fig})
        facts["institutions"].append({"name": institution, "aliases": [],
                                      "mentions": [span(i0, institution), span(i1, institution)]})
        facts["officials"].append({"name": official, "position": position, "institution": institution,
                                   "mentions": [span(i1, official), span(i2, official.split()[0])]})
        facts["dates"].append({"text": event_text, "value": event.isoformat(), **span(i0, event_text)})
        flag = rng.random() < 0.4
        if flag:
            facts["flag_reasons"].append({"cue": violation, **span(i0, phrase)})
        facts.update(flag=flag, sentences=[[s, e] for s, e, _ in sentences], extractor_version=version, error=None)
        outlet = OUTLETS[n % len(OUTLETS)]
        article = {"url": f"https://{outlet}/daerah/{published:%Y/%m/%d}/berita-{n}", "title":
                   f"{body} {region.split(' ', 1)[1]} Catat {count} Kasus {violation.title()}",
                   "published": published.isoformat(), "author": self._name(), "text": text, "language": "id",
                   "is_article": True, "error": None}
        return article, facts


def page_html(article: dict, pad_kib: int = 0) -> bytes:
    """An article page: the body in <p>s plus navigation padding up to roughly `pad_kib` KiB."""
    paragraphs = "".join(f"<p>{p}</p>" for p in article["text"].split(". "))
    padding = "<nav>" + "<a href='/kanal'>Kanal berita daerah</a>" * (pad_kib * 1024 // 40) + "</nav>"
    return f"<html><head><title>{article['title']}</title></head><body>{padding}<article>{paragraphs}</article>" \
           "</body></html>".encode("utf-8")
