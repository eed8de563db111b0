"""Documentation that must not drift from the code."""
from pathlib import Path

from corroborate import schema, settings
from corroborate.settings import load_settings

REPO = Path(__file__).resolve().parents[1]


def test_schema_doc_is_generated_from_the_code():
    doc = (REPO / "docs" / "schema.md").read_text()
    assert doc == schema.markdown(), "run: python -m corroborate.schema > docs/schema.md"


def test_every_setting_is_documented_in_defaults_toml():
    text = (REPO / "src" / "corroborate" / "defaults.toml").read_text()
    s = load_settings()
    for section in settings._SECTION_CLASSES:
        assert f"[{section}]" in text
        for key in vars(s.section(section)):
            assert f"\n{key} = " in text, f"{section}.{key} is not in defaults.toml"
            # each key has a comment line right above it
            before = text.split(f"\n{key} = ")[0].rstrip().splitlines()[-1]
            assert before.startswith("#"), f"{section}.{key} has no comment"


def test_readme_names_the_two_setup_commands():
    readme = (REPO / "README.md").read_text()
    assert "corroborate demo" in readme and ".ci/run" in readme
