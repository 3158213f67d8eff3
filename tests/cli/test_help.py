"""Every command answers --help, and docs/cli.md is what the commands' help says today."""
import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import cli

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_cli", DOCS / "generate_cli.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMMANDS = [path[1:] for path, _ in _generator().walk(cli, ["warta"])]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "warta")
def test_every_command_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_cli_docs_are_current():
    expected = _generator().render()
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == expected, "run: python docs/generate_cli.py"


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2
