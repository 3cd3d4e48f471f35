"""``axiomdl mcp`` driven for real: a subprocess server and the official SDK's stdio client.

Each test starts ``python -m axiomdl mcp`` and talks MCP to it (initialize, list, call,
read, get prompt), so the schemas, the error mapping and the transport are all the real
ones. The non-UTF-8 test writes JSON-RPC lines by hand, because the SDK client refuses to
send such text at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio
import pytest

mcp = pytest.importorskip("mcp", reason="the `mcp` extra is not installed")
from mcp import ClientSession, StdioServerParameters, stdio_client  # noqa: E402

from tests.conftest import FIXTURES, ROOT  # noqa: E402

TOOLS = {
    "search",
    "assumption",
    "rests_on",
    "why",
    "impact",
    "unused",
    "lint",
    "falsify",
    "check_loss",
    "try",
    "build",
}
# A small module against the library: real Lean text, clean under the strict lint.
GOOD_SNIPPET = (FIXTURES / "mcp" / "GapLeOfPl.lean").read_text(encoding="utf-8")


def run_session(
    scenario: Callable[[ClientSession], Awaitable[Any]],
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    log: Path | None = None,
) -> Any:
    """Start ``axiomdl mcp ARGS``, initialize, run ``scenario``; the server's stderr → ``log``."""
    full_env = {"AXIOMDL_CACHE_DIR": os.environ["AXIOMDL_CACHE_DIR"], **(env or {})}
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "axiomdl", "mcp", *args],
        env=full_env,
        cwd=str(cwd or ROOT),
    )

    async def main() -> Any:
        with open(log or os.devnull, "w") as errlog:
            async with (
                stdio_client(params, errlog=errlog) as (read, write),
                ClientSession(read, write) as session,
            ):
                init = await session.initialize()
                assert init.server_info.name == "axiomdl"
                return await scenario(session)

    try:
        return anyio.run(main)
    except BaseExceptionGroup as group:  # show the assertion, not the task-group wrapping
        leaf: BaseException = group
        while isinstance(leaf, BaseExceptionGroup):
            leaf = leaf.exceptions[0]
        raise leaf from None


async def call(s: ClientSession, tool: str, **args: Any) -> dict[str, Any]:
    """A successful call's structured result (asserting it is not an error)."""
    r = await s.call_tool(tool, args)
    assert not r.is_error, r.content[0].text
    assert r.structured_content is not None
    assert json.loads(r.content[0].text) == r.structured_content
    return r.structured_content


async def fail(s: ClientSession, tool: str, **args: Any) -> str:
    """A failed call's one-line message (asserting it is a tool error, not a crash)."""
    r = await s.call_tool(tool, args)
    assert r.is_error, r.content
    text = r.content[0].text
    assert "Traceback" not in text and "internal error" not in text
    return text


def test_tools_are_listed_with_typed_schemas() -> None:
    async def scenario(s: ClientSession) -> None:
        listed = {t.name: t for t in (await s.list_tools()).tools}
        assert set(listed) == TOOLS
        for t in listed.values():
            assert t.description and t.output_schema, t.name
        search = listed["search"].input_schema
        assert search["required"] == ["query"]
        kind = search["properties"]["kind"]["anyOf"][0]
        assert "assumption" in kind["enum"] and "theorem" in kind["enum"]
        assert "requires" in listed["rests_on"].output_schema["properties"]
        assert "toolchain" in listed["try"].output_schema["properties"]
        assert listed["check_loss"].input_schema["properties"]["vars"]["type"] == "array"

    run_session(scenario)


def test_query_tools_answer_and_unknown_names_get_suggestions() -> None:
    async def scenario(s: ClientSession) -> None:
        hits = (await call(s, "search", query="PL"))["hits"]
        assert hits[0]["name"] == "AxiomDL.PolyakLojasiewicz" and hits[0]["match"] == "acronym"
        only = await call(s, "search", query="convergence", kind="conjecture")
        assert only["hits"] and {h["role"] for h in only["hits"]} == {"conjecture"}
        contested = await call(s, "search", query="a", status="contested", area="landscape")
        assert all(h["status"] == "contested" for h in contested["hits"])

        a = await call(s, "assumption", name="PolyakLojasiewicz")
        assert a["declaration"]["name"] == "AxiomDL.PolyakLojasiewicz"
        assert a["declaration"]["status"] == "plausible" and a["declaration"]["refs"]
        assert "structure PolyakLojasiewicz" in a["declaration"]["statement"]
        assert "AxiomDL.gd_linear_convergence" in a["required_by"]
        assert "AxiomDL.pl_of_strongConvex" in a["established_by_discharges"]
        assert "AxiomDL.pl_witness" in a["witnesses"]
        assert a["measured"] is None  # no probe results where this server runs

        r = await call(s, "rests_on", name="gd_linear_convergence")
        assert {"AxiomDL.PolyakLojasiewicz", "AxiomDL.Smooth"} <= set(r["requires"])
        w = await call(s, "why", name="gd_linear_convergence", assumption="Smooth")
        assert w["steps"][0]["position"] == "hypothesis"
        i = await call(s, "impact", assumption="AxiomDL.Smooth")
        assert "AxiomDL.gd_linear_convergence" in i["statement"]
        u = await call(s, "unused")
        assert "AxiomDL.EdgeOfStability" in u["unused"]

        assert "did you mean `AxiomDL.Smooth`" in await fail(s, "assumption", name="Smoth")
        assert "`AxiomDL.PolyakLojasiewicz`" in await fail(s, "assumption", name="PL")
        assert "not an assumption" in await fail(s, "assumption", name="gd_linear_convergence")
        assert "did you mean" in await fail(s, "rests_on", name="gd_linear_convergenc")
        assert "did you mean" in await fail(s, "impact", assumption="Smoothh")
        assert "did you mean" in await fail(
            s, "why", name="gd_linear_convergence", assumption="Smoth"
        )

    run_session(scenario)


def test_lint_falsify_and_check_loss_on_snippets() -> None:
    async def scenario(s: ClientSession) -> None:
        clean = await call(s, "lint", source=GOOD_SNIPPET)
        # No error; the one warning says no witness covers the snippet theorem's two hypotheses.
        assert [f["code"] for f in clean["findings"]] == ["unwitnessed"]
        assert clean["findings"][0]["severity"] == "warning"
        assert clean["identifiers_checked"] > 0
        bad = GOOD_SNIPPET.replace("h.pl x", "h.pl x\n\ntheorem oops : Foo.bar = 1 := by sorry")
        found = (await call(s, "lint", source=bad))["findings"]
        codes = {(f["code"], f["line"]) for f in found}
        assert ("unknown-name", 14) in codes and ("sorry", 14) in codes
        assert {f["file"] for f in found} == {"Snippet.lean"}

        cex = await call(s, "falsify", statement="(a b : Rat) (h : a ≤ b) : a < b")
        assert cex["results"][0]["status"] == "counterexample"
        assert cex["results"][0]["values"] == {"a": "0", "b": "0"}
        ok = await call(s, "falsify", statement="theorem t (x : Rat) : 0 ≤ x * x := by sorry")
        assert ok["results"][0]["status"] == "checked" and ok["results"][0]["instances"] > 100
        skipped = (await call(s, "falsify", statement=GOOD_SNIPPET))["results"][0]
        assert skipped["status"] == "skipped" and "PolyakLojasiewicz" in skipped["reason"]
        assert "already declared" in await fail(
            s, "falsify", statement="theorem AxiomDL.pl_witness : 1 = 1 := rfl"
        )

        loss = await call(s, "check_loss", expr="(w1 - 1)^2 + 2*w2^2", vars=["w1", "w2"])
        props = {p["name"]: p for p in loss["properties"]}
        assert (
            props["strongly_convex"]["holds"] is True
            and props["strongly_convex"]["constant"] == "2"
        )
        assert any(t["name"] == "AxiomDL.gd_linear_convergence" for t in loss["theorems"])
        boxed = await call(s, "check_loss", expr="w^4 - w^2", vars=["w"], box={"w": [1, 2]})
        assert boxed["theorems_scope"].startswith("box only")
        assert "cannot parse loss" in await fail(s, "check_loss", expr="w^", vars=["w"])
        assert "empty interval" in await fail(
            s, "check_loss", expr="w^2", vars=["w"], box={"w": [2, 1]}
        )
        assert "unknown variable" in await fail(s, "check_loss", expr="w*v", vars=["w"])

    run_session(scenario)


def _no_lean_env(tmp_path: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "ELAN_HOME": str(tmp_path / "no-elan"), "HOME": str(tmp_path)}


def test_try_and_build_without_lean_say_a_toolchain_is_needed(tmp_path: Path) -> None:
    async def scenario(s: ClientSession) -> None:
        t = await call(s, "try", source=GOOD_SNIPPET)
        assert t["toolchain"] == "missing" and t["ok"] is None and t["diagnostics"] == []
        assert "needs a Lean toolchain" in t["message"] and "elan" in t["message"]
        b = await call(s, "build")
        assert b["toolchain"] == "missing" and b["build"] is None
        assert "did you mean" in await fail(s, "build", path="AxiomDL/Landscape/PLL.lean")
        assert "empty" in await fail(s, "try", source="  \n")

    run_session(scenario, env=_no_lean_env(tmp_path))


STAND_IN_LAKE = r'''#!{python}
"""Stand-in for lake (tests only): `lake env lean --json FILE` reports one error in FILE."""
import json, sys
args = sys.argv[1:]
if args[:3] == ["env", "lean", "--json"]:
    name = args[3]
    text = open(name, encoding="utf-8").read()
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "Foo.bar" in ln)
    print(json.dumps({"fileName": name, "pos": {"line": line, "column": 15},
        "endPos": None, "severity": "error", "caption": "",
        "data": "unknown identifier 'Foo.bar'"}))
    sys.exit(1)
sys.exit(2)
'''
STAND_IN_LEAN = r"""#!{python}
print("Lean (version 4.35.0, x86_64-unknown-linux-gnu, commit 0000, Release)")
"""


def test_try_maps_lean_messages_to_the_snippet(tmp_path: Path) -> None:
    """With a toolchain on PATH, `try` runs `lake env lean --json` on the snippet file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("lake", STAND_IN_LAKE), ("lean", STAND_IN_LEAN)):
        p = bin_dir / name
        p.write_text(text.replace("{python}", sys.executable))
        p.chmod(0o755)
    env = {**_no_lean_env(tmp_path), "PATH": f"{bin_dir}:/usr/bin:/bin"}
    source = GOOD_SNIPPET.replace("h.pl x\n", "h.pl x\n\ntheorem oops : Foo.bar = 1 := rfl\n")

    async def scenario(s: ClientSession) -> None:
        t = await call(s, "try", source=source)
        assert t["toolchain"] == "found" and t["ok"] is False
        assert t["lean_version"] == "4.35.0"
        (d,) = t["diagnostics"]
        assert (d["file"], d["line"], d["severity"]) == ("Snippet.lean", 14, "error")
        assert d["declaration"] == "AxiomDL.oops" and "Foo.bar" in d["message"]

    run_session(scenario, env=env)


def test_resources_and_the_prompt(run_cli, tmp_path: Path) -> None:
    catalogue = tmp_path / "axioms.md"
    assert run_cli("docs", "-o", str(catalogue)).returncode == 0
    graph = json.loads(run_cli("graph", "-f", "json").stdout)

    async def scenario(s: ClientSession) -> None:
        uris = [str(r.uri) for r in (await s.list_resources()).resources]
        assert uris[:2] == ["axiomdl://catalogue", "axiomdl://graph"]
        per = [u for u in uris if u.startswith("axiomdl://assumption/")]
        assert "axiomdl://assumption/AxiomDL.PolyakLojasiewicz" in per
        text = (await s.read_resource("axiomdl://catalogue")).contents[0].text
        assert text == catalogue.read_text(encoding="utf-8")
        g = json.loads((await s.read_resource("axiomdl://graph")).contents[0].text)
        assert len(g["nodes"]) == len(graph["nodes"]) and len(g["edges"]) == len(graph["edges"])
        one = (await s.read_resource("axiomdl://assumption/AxiomDL.Smooth")).contents[0]
        assert one.mime_type == "text/markdown"
        assert "# `AxiomDL.Smooth`" in one.text and "structure Smooth" in one.text
        with pytest.raises(mcp.MCPError, match=r"did you mean `AxiomDL\.Smooth`"):
            await s.read_resource("axiomdl://assumption/AxiomDL.Smoth")

        (prompt,) = (await s.list_prompts()).prompts
        assert prompt.name == "prove_against_assumptions"
        got = await s.get_prompt(
            prompt.name, {"goal": "GD converges linearly under PL and L-smoothness"}
        )
        body = got.messages[0].content.text
        assert "`AxiomDL.PolyakLojasiewicz`" in body and "`AxiomDL.Smooth`" in body
        assert body.index("`lint`") < body.index("`falsify`") < body.index("`try`")
        return len(per)

    n = run_session(scenario)
    hyps = [x for x in graph["nodes"] if x["role"] in ("assumption", "conjecture")]
    assert n == len(hyps)


def test_server_survives_a_burst_of_bad_calls(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    bad_calls: list[tuple[str, dict[str, Any]]] = [
        ("no_such_tool", {}),
        ("search", {}),
        ("search", {"query": ""}),
        ("search", {"query": "x", "kind": "lemma"}),
        ("search", {"query": "x", "limit": 0}),
        ("assumption", {"name": 3}),
        ("rests_on", {"name": "nope.nothing"}),
        ("why", {"name": "gd_linear_convergence"}),
        ("impact", {"assumption": "gd_linear_convergence"}),
        ("lint", {"source": "x" * 10_000_000}),
        ("lint", {"source": "theorem a : True := trivial \ufffd"}),
        ("lint", {}),
        ("falsify", {"statement": "theorem AxiomDL.pl_witness : True := trivial"}),
        ("falsify", {"statement": "(x : Rat) : x = x", "instances": -1}),
        ("check_loss", {"expr": "__import__('os')", "vars": ["w"]}),
        ("check_loss", {"expr": "w", "vars": []}),
        ("check_loss", {"expr": "w", "vars": ["w"], "box": {"v": [0, 1]}}),
        ("try", {"source": "\n"}),
        ("build", {"path": "Nope.lean"}),
    ]

    async def scenario(s: ClientSession) -> None:
        for tool, args in bad_calls * 2:
            r = await s.call_tool(tool, args)
            assert r.is_error, (tool, args)
            assert "internal error" not in r.content[0].text, (tool, r.content[0].text)
        big = await s.call_tool("lint", {"source": "x" * 10_000_000})
        assert "10,000,000 bytes; the limit is 1,000,000" in big.content[0].text
        good = await call(s, "search", query="PL", limit=1)
        assert good["hits"][0]["name"] == "AxiomDL.PolyakLojasiewicz"

    run_session(scenario, log=log)
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_non_utf8_snippets_get_a_clear_error(tmp_path: Path) -> None:
    """Raw bytes that are not UTF-8, and a JSON lone-surrogate escape, as a client sends them."""
    from mcp_types.version import LATEST_PROTOCOL_VERSION

    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-m", "axiomdl", "mcp"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None

    def send(line: bytes) -> None:
        proc.stdin.write(line + b"\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]

    def answer() -> dict[str, Any]:
        return json.loads(proc.stdout.readline())  # type: ignore[union-attr]

    def tool_call(i: int, tool: str, args_json: bytes) -> bytes:
        return (
            b'{"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"%s","arguments":%s}}'
            % (i, tool.encode(), args_json)
        )

    try:
        init = {"protocolVersion": LATEST_PROTOCOL_VERSION, "capabilities": {}}
        init["clientInfo"] = {"name": "raw", "version": "0"}
        send(
            json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": init}).encode()
        )
        assert answer()["result"]["serverInfo"]["name"] == "axiomdl"
        send(b'{"jsonrpc":"2.0","method":"notifications/initialized"}')
        send(tool_call(2, "lint", b'{"source":"theorem caf\xe9 : True := trivial"}'))
        send(
            tool_call(3, "falsify", json.dumps({"statement": "(x : Rat) : x = x \udce9"}).encode())
        )
        send(tool_call(4, "unused", b"{}"))
        replies = {r["id"]: r["result"] for r in (answer(), answer(), answer())}
        for i in (2, 3):
            assert replies[i]["isError"] is True
            assert "not valid UTF-8" in replies[i]["content"][0]["text"]
        assert replies[4]["isError"] is False
        assert "AxiomDL.EdgeOfStability" in replies[4]["structuredContent"]["unused"]
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
        stderr = proc.stderr.read().decode()  # type: ignore[union-attr]
        assert "Traceback" not in stderr


def test_edits_are_seen_without_a_restart(tmp_path: Path) -> None:
    proj = tmp_path / "toy"
    shutil.copytree(FIXTURES / "graph" / "Toy", proj / "Toy")
    results = proj / "Toy" / "Results.lean"

    async def scenario(s: ClientSession) -> None:
        assert (await call(s, "unused"))["unused"] == ["Toy.Unused"]
        assert "unknown declaration `uses_unused`" in await fail(s, "rests_on", name="uses_unused")
        text = results.read_text(encoding="utf-8").rstrip()
        assert text.endswith("end Toy")
        results.write_text(
            text.removesuffix("end Toy")
            + "theorem uses_unused (f : Nat → Nat) (h : Unused f) : f 0 = f 0 := rfl\n\nend Toy\n",
            encoding="utf-8",
        )
        r = await call(s, "rests_on", name="uses_unused")
        assert r["requires"] == ["Toy.Unused"]
        assert (await call(s, "unused"))["unused"] == []

    run_session(scenario, "-C", str(proj))


def test_measured_probe_results_are_part_of_the_answer(run_cli, tmp_path: Path) -> None:
    results = tmp_path / "probe-results"
    probe = run_cli("probe", "min-norm", "--quick", "--results", str(results))
    assert probe.returncode == 0, probe.stderr
    verdicts = json.loads((results / "min-norm" / "result.json").read_text())["verdicts"]
    mine = next(v for v in verdicts if v["assumption"] == "MinNormBias")

    async def scenario(s: ClientSession) -> None:
        a = await call(s, "assumption", name="MinNormBias")
        m = a["measured"]
        assert (m["probe"], m["quick"], m["seed"]) == ("min-norm", True, 0)
        assert m["verdict"]["verdict"] == mine["verdict"]
        assert m["verdict"]["numbers"] == mine["numbers"]
        text = await s.read_resource(f"axiomdl://assumption/{a['declaration']['name']}")
        assert "**Measured:**" in text.contents[0].text

    run_session(scenario, "--evidence", str(results))


def test_without_the_sdk_the_command_names_the_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['mcp'] = None\nfrom axiomdl.cli import main\nmain(['mcp'])"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 2
    assert "pip install 'axiomdl[mcp]'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_a_bad_project_fails_before_serving(run_cli, tmp_path: Path) -> None:
    proc = run_cli("mcp", "-C", str(tmp_path / "missing"))
    assert proc.returncode == 2 and "no such file or directory" in proc.stderr
    proc = run_cli("mcp", "--evidence", str(tmp_path / "none"))
    assert proc.returncode == 2 and "no probe results there" in proc.stderr
