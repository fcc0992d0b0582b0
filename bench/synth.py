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
WORDS = [
    "amplang",
    "kue",
    "sambal",
    "kerupuk",
    "bingka",
    "es",
    "jamu",
    "kopi",
    "anyaman",
    "gelang",
    "kain",
    "cabai",
    "tomat",
    "kangkung",
    "mawar",
    "anggrek",
    "pisang",
    "jeruk",
]


def vendor(i: int) -> dict:
    word = WORDS[i % len(WORDS)]
    return {
        "name": f"Usaha {word.title()} {i}",
        "category": CATEGORIES[i % len(CATEGORIES)],
        "owner": f"Ibu Warga {i}",
        "description": f"Usaha {word} nomor {i}, buatan warga Gunung Sari Ilir.",
        "rt": i % 40 + 1,
        "rw": i % 8 + 1,
        "whatsapp": f"0812-{i // 10000:04d}-{i % 10000:04d}",
        "payment": ["tunai", "qris"],
        "programme": "kampung-bungas" if i % 5 == 0 else None,
        "products": [
            {
                "name": f"{WORDS[(i + k) % len(WORDS)].title()} {k} ({i})",
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
                "name": "Bazar Besar",
                "date": "2027-07-10",
                "location": "Lapangan Merdeka",
                "stalls": stalls,
            },
            sort_keys=False,
        ),
        "utf-8",
    )
    return target


if __name__ == "__main__":
    print(synthesise(int(sys.argv[1]), Path(sys.argv[2])))
