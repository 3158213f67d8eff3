"""Placeholder values for one story: invented people, a real region, dates and figures in Indonesian notation."""
from __future__ import annotations

import datetime as dt
import random

from warta.demosite import lexicon

PEOPLE_PER_STORY = 4
VOTE_DAY = dt.date(2024, 11, 27)  # Pilkada Serentak 2024 polling day


def format_int(value: int) -> str:
    """Indonesian thousands separator: 1234567 -> '1.234.567'."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float) -> str:
    """Indonesian decimal comma: 2.35 -> '2,35'."""
    return f"{value:.2f}".replace(".", ",")


def weekday_date(day: dt.date, with_year: bool = True) -> str:
    """'Selasa (3/12/2024)' or 'Selasa (3/12)'."""
    weekdays, _ = lexicon.calendar()
    tail = f"/{day.year}" if with_year else ""
    return f"{weekdays[day.weekday()]} ({day.day}/{day.month}{tail})"


def long_date(day: dt.date) -> str:
    """'3 Desember 2024'."""
    _, months = lexicon.calendar()
    return f"{day.day} {months[day.month]} {day.year}"


def count_words(value: int) -> str:
    """A small count as a word ('lima'), larger ones as digits."""
    return lexicon.number_words().get(value, format_int(value))


def invent_people(rng: random.Random, count: int = PEOPLE_PER_STORY) -> list[str]:
    """Distinct invented full names with distinct family names (later mentions use the family name)."""
    first, family = lexicon.word_list("first_names.txt"), lexicon.word_list("family_names.txt")
    surnames = rng.sample(family, count)
    return [f"{rng.choice(first)} {surname}" for surname in surnames]


def _election(rng: random.Random, region: lexicon.Region) -> str:
    local = "Pilbup" if region.kind == "Kabupaten" else "Pilwalkot"
    names = ["Pilkada 2024", "Pilkada Serentak 2024", f"Pilkada {region.name} 2024", f"{local} {region.name} 2024"]
    return rng.choice(names)


def _institutions(region: lexicon.Region) -> dict[str, str]:
    place = region.name
    is_regency = region.kind == "Kabupaten"
    return {
        "region": f"{region.kind} {place}",
        "place": place,
        "province": region.province,
        "bawaslu": f"Bawaslu {region.kind} {place}",
        "bawaslu_short": f"Bawaslu {place}",
        "kpu": f"KPU {region.kind} {place}",
        "kpu_short": f"KPU {place}",
        "pemda": f"Pemkab {place}" if is_regency else f"Pemkot {place}",
        "head_title": "Bupati" if is_regency else "Wali Kota",
        "polres": f"Polres {place}",
        "kejari": f"Kejaksaan Negeri {place}",
    }


def _figures(rng: random.Random) -> dict[str, str]:
    n = rng.choice([rng.randint(3, 12), rng.randint(13, 60), rng.randint(61, 480)])
    n_a = rng.randint(1, n - 1) if n > 1 else 1
    k = rng.randint(2, 9)
    few = rng.randint(2, 12)  # people counted in words: "lima kepala desa"
    return {
        "n": format_int(n),
        "n_word": count_words(few),
        "n_word_cap": count_words(few).title(),
        "n_a": format_int(n_a),
        "n_b": format_int(n - n_a),
        "m": format_int(n + rng.randint(5, 900)),
        "k": str(k),
        "k_word": count_words(k),
        "money": "Rp" + format_int(rng.choice([50, 100, 150, 200, 250, 300]) * 1000),
        "pct": format_decimal(rng.uniform(0.8, 3.4)),
        "pct2": format_decimal(rng.uniform(0.05, 0.9)),
        "voters": format_int(rng.randint(180_000, 2_400_000)),
        "tps": format_int(rng.randint(400, 5200)),
        "houses": format_int(rng.randint(40, 3500)),
        "evacuees": format_int(rng.randint(60, 4000)),
        "score_a": str(rng.randint(1, 4)),
        "score_b": str(rng.randint(0, 1)),
    }


def make_fillers(rng: random.Random, published: dt.date, region: lexicon.Region) -> dict[str, str]:
    """All placeholder values a story template may use; people p1..p4 with their family names p1_last..p4_last."""
    event_day = published - dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
    earlier_day = event_day - dt.timedelta(days=rng.randint(3, 12))
    others = [r for r in lexicon.regions() if r.name != region.name]
    values = _institutions(region) | _figures(rng)
    values |= {
        "date": weekday_date(event_day, with_year=rng.random() < 0.6),
        "date_short": weekday_date(event_day, with_year=False),
        "date_prev": weekday_date(earlier_day, with_year=True),
        "date_long": long_date(event_day),
        "vote_day": weekday_date(VOTE_DAY),
        "election": _election(rng, region),
        "village": "Desa " + rng.choice(lexicon.word_list("villages.txt")),
        "other_place": rng.choice(others).name,
    }
    for number, name in enumerate(invent_people(rng), start=1):
        values[f"p{number}"] = name
        values[f"p{number}_last"] = name.split()[-1]
    return values
