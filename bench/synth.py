"""Synthesise a catalogue of N vendors in the public content format (for benchmarks).

Five products each and one event with a stall per vendor, spread over the sample's
categories and RTs; deterministic, so runs compare like with like.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["makanan", "minuman", "kerajinan", "fesyen", "jasa", "buah", "bunga", "sayuran"]
# Names as vendors here write them: emoji (ZWJ sequences, flags, skin tones, variation
# selectors), accents, long words. Every page, PDF, chart, search index and open-data file
# made from this catalogue carries them.
NAMES = [
    "Wadai Acil Imah 🍡👩\u200d👩\u200d👧",
    "Kue Bingka Kentang Khas Banjar",
    "Café Ñoño",
    "Amplang Ikan Pipih Hj. Masitah 🐟",
    "Warung Kopi Mang Ucup ☕️",
    "Sambal Raja Bu Dé 🌶🌶",
    "Jamu Gendong Mbok Sri 🌿",
    "Keripik Pisang Kepok Nenek 🍌",
    "Anyaman Rotan Pak Jumadi 🧺",
    "Kebun Anggrek Hitam Kutai 🌸🇮🇩",
    "Jahit & Permak Kak Noël ✂️",
    "Es Cendol Durian Bu Zoë 🥥",
]
OWNERS = [
    "Acil Imah",
    "Hj. Siti Rahmah",
    "Gusti Ayu Kadek Dwi Ratnadewi",
    "Noël Ñoño",
    "Muhammad Rizqi Al-Farabi",
    "Nenek Nurul‘Aini 👵🏽",
]
DESCRIPTIONS = [
    "#KueBingkaKentangKhasBanjarAsliBalikpapan, manisnya pas 👍🏽",  # a 40-letter word
    "Pedas 🔥, petik pagi, langsung dari kebun 🇮🇩",
    "Renyah, gurih, tanpa pengawet — oleh-oleh khas Balikpapan",
    "Pesan H-1 lewat WA ya 🙏, bisa diantar ke rumah ❤️",
    "Café au lait & crème brûlée ☕️ setiap Sabtu",
]
PRODUCTS = [
    "Amplang Kepiting 🦀",
    "Kue Bingka Kentang",
    "Sambal Ganjur 🌶",
    "Kerupuk Ikan Haruan",
    "Crème Pandan",
    "Es Kelapa Muda 🥥",
    "Jamu Kunyit Asam",
    "Kopi Liberika Kutai ☕️",
    "Anyaman Purun 🧺",
    "Gelang Manik Dayak",
    "Kain Sasirangan",
    "Cabai Rawit 🌶",
    "Tomat Cherry 🍅",
    "Kangkung Segar",
    "Mawar Merah 🌹",
    "Anggrek Bulan 🌸",
    "Pisang Kepok 🍌",
    "Jeruk Siam Banjar 🍊",
]


def vendor(i: int) -> dict:
    return {
        "name": f"{NAMES[i % len(NAMES)]} {i}",
        "category": CATEGORIES[i % len(CATEGORIES)],
        "owner": OWNERS[i % len(OWNERS)],
        "description": f"{DESCRIPTIONS[i % len(DESCRIPTIONS)]} — nomor {i}, buatan warga "
        "Gunung Sari Ilir.",
        "rt": i % 40 + 1,
        "rw": i % 8 + 1,
        "whatsapp": f"0812-{i // 10000:04d}-{i % 10000:04d}",
        "payment": ["tunai", "qris"],
        "programme": "kampung-bungas" if i % 5 == 0 else None,
        "products": [
            {
                "name": f"{PRODUCTS[(i + k) % len(PRODUCTS)]} {k} ({i})",
                "price": 1000 * (k + 1),
                "unit": "bungkus",
                "season": [k + 1, k + 2],
            }
            for k in range(5)
        ],
    }


def synthesise(n: int, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    (target / "vendors").mkdir(parents=True)
    (target / "events").mkdir()
    shutil.copyfile(ROOT / "content" / "catalogue.yml", target / "catalogue.yml")
    for i in range(n):
        data = {k: v for k, v in vendor(i).items() if v is not None}
        (target / "vendors" / f"usaha-{i}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
        )
    stalls = [
        {
            "stall": f"{chr(65 + i // 100 % 26)}{i % 100 + 1}{'' if i < 2600 else i}",
            "vendor": f"usaha-{i}",
        }
        for i in range(n)
    ]
    (target / "events" / "bazar-besar.yml").write_text(
        yaml.safe_dump(
            {
                "name": "Bazar Besar Ramadan 🌙",
                "date": "2027-07-10",
                "location": "Lapangan Merdeka, depan Café Ñoño",
                "stalls": stalls,
            },
            allow_unicode=True,
            sort_keys=False,
        ),
        "utf-8",
    )
    return target


if __name__ == "__main__":
    print(synthesise(int(sys.argv[1]), Path(sys.argv[2])))
