"""Each folder under cases/invalid/ is laid over the fixture catalogue and must be
refused with exactly the messages in its expected.txt (`--update-golden` rewrites them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load import load_content
from generator.problems import ContentInvalid

CASES = Path(__file__).parent / "cases" / "invalid"


def problems_for(case: Path, content: Path) -> list[str]:
    for source in sorted(case.rglob("*")):
        if source.is_file() and source.name != "expected.txt":
            target = content / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    with pytest.raises(ContentInvalid) as caught:
        load_content(Path("content"))
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()), ids=str)
def test_invalid_case(case: str, content: Path, update_golden: bool) -> None:
    expected_file = CASES / case / "expected.txt"
    actual = problems_for(CASES / case, content)
    if update_golden:
        expected_file.write_text("\n".join(actual) + "\n", encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8").splitlines()


def test_fixture_itself_is_valid(content: Path) -> None:
    loaded = load_content(Path("content"))
    assert sorted(loaded.vendors) == ["amplang-uji", "kebun-uji", "kue-tanpa-rt"]


def test_python_tag_never_runs(content: Path, tmp_path: Path) -> None:
    problems_for(CASES / "python-tag", content)
    assert not Path("/tmp/pwned").exists()


def test_example_on_the_join_page_is_a_valid_vendor(content: Path) -> None:
    """Volunteers copy this example; it must pass the checks it describes."""
    page = (Path(__file__).parent / "golden" / "bergabung.md").read_text("utf-8")
    example = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    (content / "vendors" / "contoh.yml").write_text(example, encoding="utf-8")
    loaded = load_content(Path("content"))
    assert loaded.vendors["contoh"].products[1].price == 35000
