"""`lean --json` messages: parsing, placement in declarations, statuses, annotations.

Inputs are the hand-written fixtures in tests/fixtures/lean_backend/ (documented
format, see their headers) and the fixture project they describe.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from axiomdl.errors import AxiomdlError
from axiomdl.lean.messages import (
    DeclIndex,
    github_annotations,
    is_sorry,
    parse_messages,
    place,
    statuses,
    text_report,
)
from axiomdl.lean.models import BuildResult, Diagnostic, LeanMessage
from axiomdl.session import load

FIX = Path(__file__).resolve().parent / "fixtures" / "lean_backend"
PROJ = FIX / "proj"
MESSAGES = FIX / "demo.lean-json.jsonl"


@pytest.fixture(scope="module")
def session():
    return load(PROJ, quiet=True, use_cache=False)


@pytest.fixture(scope="module")
def index(session):
    return DeclIndex(session.project, PROJ, PROJ)


def test_fixture_messages_parse_with_lean_field_names():
    msgs, other = parse_messages(MESSAGES.read_text(encoding="utf-8"), str(MESSAGES))
    assert len(msgs) == 2  # the isSilent one is dropped, as lean itself does
    assert other and other[0].startswith("# Hand-written fixture")
    warn, err = msgs
    assert warn.file_name == "Demo/Basic.lean"
    assert (warn.pos.line, warn.pos.column) == (30, 8)
    assert warn.end_pos is not None and warn.end_pos.column == 24
    assert warn.severity == "warning" and is_sorry(warn)
    assert err.severity == "error" and not is_sorry(err)
    assert err.data.startswith("type mismatch\n")


def test_older_lean_messages_without_kind_or_silent_flag():
    line = json.dumps(
        {
            "fileName": "/abs/Foo.lean",
            "pos": {"line": 3, "column": 4},
            "endPos": None,
            "severity": "information",
            "caption": "",
            "data": "Nat : Type",
        }
    )
    msgs, _ = parse_messages(line)
    assert msgs[0].kind is None and msgs[0].end_pos is None
    assert msgs[0].severity == "information"


@pytest.mark.parametrize(
    "text",
    ["declaration uses 'sorry'", "declaration uses `sorry`"],
)
def test_sorry_warning_in_both_quote_styles(text):
    m = LeanMessage.model_validate(
        {"fileName": "F.lean", "pos": {"line": 1, "column": 0}, "severity": "warning", "data": text}
    )
    assert is_sorry(m)


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ('{"fileName": "F.lean", "pos": {"line": 1}', "not a JSON object"),
        (
            '{"fileName": "F.lean", "pos": {"line": 1, "column": 0}, "severity": "fatal", "data": ""}',
            "severity",
        ),
        ('{"pos": {"line": 1, "column": 0}, "data": "x"}', "fileName"),
        ('{"fileName": "F.lean", "pos": {"line": -1, "column": 0}, "data": "x"}', "pos.line"),
    ],
)
def test_malformed_message_lines_are_one_line_errors_with_position(bad, why):
    with pytest.raises(AxiomdlError) as ei:
        parse_messages("plain text first\n" + bad, source="out.jsonl")
    e = ei.value
    assert e.file == "out.jsonl" and e.line == 2
    assert why in e.message
    assert "\n" not in e.one_line()


def test_messages_map_to_their_declarations(session, index):
    msgs, _ = parse_messages(MESSAGES.read_text(encoding="utf-8"))
    diags = place(msgs, index)
    assert [(d.declaration, d.severity, d.sorry) for d in diags] == [
        ("Demo.bounded_of_grows", "warning", True),
        ("Demo.broken", "error", False),
    ]
    st = {d.name: d.status for d in statuses(session.project, index, diags, ["Demo/Basic.lean"])}
    assert st["Demo.bounded_of_grows"] == "sorry"
    assert st["Demo.broken"] == "error"
    assert st["Demo.main_result"] == "compiled"
    assert st["Demo.Grows"] == "compiled"


def test_absolute_file_names_and_lines_between_declarations(session, index):
    abs_name = str((PROJ / "Demo" / "Basic.lean").resolve())
    m = LeanMessage.model_validate(
        {"fileName": abs_name, "pos": {"line": 2, "column": 0}, "severity": "error", "data": "x"}
    )
    (d,) = place([m], index)
    assert d.file == "Demo/Basic.lean"  # reported relative to the Lake root
    assert d.declaration is None  # line 2 is `set_option`, outside every declaration


def test_error_outside_declarations_fails_the_whole_file(session, index):
    # e.g. a failed import: nothing in the file was elaborated reliably
    d = Diagnostic(file="Demo/Basic.lean", line=1, severity="error", message="unknown module")
    st = statuses(session.project, index, [d], ["Demo/Basic.lean"])
    basic = [s for s in st if s.file == "Demo/Basic.lean"]
    assert basic and all(s.status == "error" for s in basic)


def test_message_outside_the_project_is_kept_without_declaration(index):
    m = LeanMessage.model_validate(
        {"fileName": "/elsewhere/X.lean", "pos": {"line": 5, "column": 1}, "data": "boom"}
    )
    (d,) = place([m], index)
    assert d.declaration is None and d.file == "/elsewhere/X.lean"


def test_github_annotations_escape_and_use_one_based_columns():
    diags = [
        Diagnostic(
            file="lean/A, B.lean",
            line=39,
            column=2,
            end_line=39,
            end_column=20,
            severity="error",
            message="type mismatch\n  50% off: x",
            declaration="Demo.broken",
        ),
        Diagnostic(
            file="lean/A.lean", line=30, severity="warning", message="declaration uses 'sorry'"
        ),
        Diagnostic(file="lean/A.lean", line=0, severity="information", message="note"),
    ]
    out = github_annotations(diags).splitlines()
    assert out[0] == (
        "::error file=lean/A%2C B.lean,line=39,col=3,endLine=39,endColumn=21,"
        "title=Lean%3A Demo.broken::type mismatch%0A  50%25 off: x"
    )
    assert out[1].startswith("::warning file=lean/A.lean,line=30,col=1,title=Lean::")
    assert out[2].startswith("::notice file=lean/A.lean,line=1,")  # GitHub lines start at 1


def test_text_report_lists_messages_then_a_summary(session, index):
    msgs, _ = parse_messages(MESSAGES.read_text(encoding="utf-8"))
    diags = place(msgs, index)
    decls = statuses(session.project, index, diags, ["Demo/Basic.lean"])
    from axiomdl.lean.messages import count

    r = BuildResult(
        project="p",
        ok=False,
        checked_files=["Demo/Basic.lean"],
        diagnostics=diags,
        declarations=decls,
        counts=count(decls),
    )
    text = text_report(r)
    assert "Demo/Basic.lean:39:2: error: type mismatch" in text
    assert (
        text.rstrip()
        .splitlines()[-1]
        .startswith("build FAILED: 6 compiled, 1 with errors, 1 with sorry")
    )


# -- through the CLI, as CI runs it ----------------------------------------------------


def test_cli_build_replays_saved_messages_in_every_format(run_cli):
    base = ("build", str(PROJ), "--messages", str(MESSAGES))
    r = run_cli(*base)
    assert r.returncode == 1, r.stderr
    assert "[Demo.broken]" in r.stdout
    gh = run_cli(*base, "-f", "github")
    assert gh.returncode == 1
    lines = gh.stdout.splitlines()
    # relative to the repository root, so GitHub attaches them to the PR's file
    where = "file=tests/fixtures/lean_backend/proj/Demo/Basic.lean"
    assert lines[0].startswith(f"::warning {where},line=30,")
    assert lines[1].startswith(f"::error {where},line=39,")
    js = run_cli(*base, "-f", "json")
    data = json.loads(js.stdout)
    assert data["counts"] == {"compiled": 6, "error": 1, "sorry": 1}
    assert {d["name"]: d["status"] for d in data["declarations"]}["Demo.broken"] == "error"


def test_cli_build_bad_messages_file_is_exit_2_one_line(run_cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"fileName": "X.lean"}\n', encoding="utf-8")
    r = run_cli("build", str(PROJ), "--messages", str(bad))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and f"{bad}:1:" in r.stderr
    assert "Traceback" not in r.stderr
    missing = run_cli("build", str(PROJ), "--messages", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
