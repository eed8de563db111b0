import pytest

from corroborate.errors import SettingsError
from corroborate.settings import load_settings


def test_defaults_are_loaded_from_the_packaged_file():
    s = load_settings()
    assert s.ingest.max_file_mb == 20.0 and "warc.gz" in s.ingest.extensions


def test_layers_toml_then_set(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[ingest]\nmin_words = 9\nbatch_size = 50\n")
    s = load_settings(cfg, ["ingest.batch_size=7"])
    assert (s.ingest.min_words, s.ingest.batch_size) == (9, 7)


def test_corroborate_toml_in_the_working_directory_is_read(tmp_path, monkeypatch):
    (tmp_path / "corroborate.toml").write_text("[paragraphs]\nmin_chars = 3\n")
    monkeypatch.chdir(tmp_path)
    assert load_settings().paragraphs.min_chars == 3


@pytest.mark.parametrize("override,message", [
    ("ingest.nope=1", "unknown setting ingest.nope"),
    ("nosection.x=1", "unknown settings section"),
    ("ingest.min_words=many", "must be int"),
    ("min_words=3", "section.key=value"),
])
def test_bad_settings_say_what_is_wrong(override, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(overrides=[override])


def test_digest_changes_with_the_section_only():
    a, b = load_settings(), load_settings(overrides=["ingest.min_words=2"])
    assert a.digest("paragraphs") == b.digest("paragraphs")
    assert a.digest("ingest") != b.digest("ingest")
