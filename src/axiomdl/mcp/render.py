"""Markdown for the per-assumption resource and the "prove against assumptions" prompt."""

from __future__ import annotations

from axiomdl.mcp import tools
from axiomdl.mcp.models import AssumptionInfo
from axiomdl.mcp.state import ProjectState
from axiomdl.search import relevant, summary


def _names(xs: list[str]) -> str:
    return ", ".join(f"`{x}`" for x in xs) if xs else "none"


def assumption_md(a: AssumptionInfo) -> str:
    """One assumption as Markdown: statement, metadata, evidence, dependents."""
    d = a.declaration
    lines = [
        f"# `{d.name}`",
        "",
        f"*{d.role}* · status **{d.status or 'unstated'}** · area {d.area or '—'} · "
        f"`{d.file}:{d.line}`",
        "",
    ]
    if a.summary:
        lines += [a.summary, ""]
    lines += ["```lean", d.statement, "```", ""]
    lines += [f"- **Evidence:** {d.evidence or '—'}", f"- **Refs:** {d.refs or '—'}"]
    if d.probe:
        lines.append(f"- **Probe:** `{d.probe}`")
    if a.measured is not None:
        m = a.measured
        warn = " — ⚠ disagrees with the stated Status" if m.disagrees_with_status else ""
        mode = "quick" if m.quick else "full"
        lines.append(f"- **Measured:** {m.label} ({m.probe}, {mode}, seed {m.seed}){warn}")
        if m.verdict is not None and m.verdict.numbers:
            nums = ", ".join(f"{k} = {v}" for k, v in m.verdict.numbers.items())
            lines.append(f"  - numbers: {nums}")
    lines += [
        f"- **Required by** ({len(a.required_by)}): {_names(a.required_by)}",
        f"- **Used in proofs of** ({len(a.used_by_proof)}): {_names(a.used_by_proof)}",
        f"- **Bundled by:** {_names(a.bundled_by)}",
        f"- **Established by discharges:** {_names(a.established_by_discharges)}",
        f"- **Witnesses:** {_names(a.witnesses)}",
    ]
    if a.joint_witnesses:
        lines.append(f"- **Joint witnesses (Covers:):** {_names(a.joint_witnesses)}")
    return "\n".join(lines) + "\n"


WORKFLOW = """\
Workflow (call the axiomdl tools in this order):
1. `assumption NAME` for each assumption you plan to use: read its exact statement and
   status; a `contested` or `refuted-in-regime` assumption needs the regime stated.
2. Write the Lean module: assumptions are hypotheses (binders), never `axiom`s; start
   with `set_option autoImplicit false`; import only `Init`, `Std` and library modules.
3. `lint` the module: every name must exist (the tool suggests close ones), no `sorry`.
4. `falsify` each arithmetic statement before proving it: a counterexample means the
   statement is false as written (check `<` vs `≤`, division by zero, Nat subtraction).
5. `try` the module with Lean (if it answers `toolchain: missing`, rely on 3 and 4 and
   say that the proof is unchecked).
6. Once the module is saved into the project (the server rereads changed files),
   `rests_on NAME` shows what the new theorem requires: check it against its docstring."""


def prove_prompt(state: ProjectState, goal: str) -> str:
    """The prompt text: the goal, what the library has near it, and the workflow."""
    ents = tools.entries(state)
    hyps = relevant(ents, goal, roles=frozenset({"assumption", "conjecture"}), limit=8)
    results = relevant(ents, goal, roles=frozenset({"theorem", "discharge"}), limit=8)
    lines = [
        f"Prove the following from the assumptions of the {state.label}:",
        "",
        goal.strip(),
        "",
        "Relevant assumptions (by name and docstring words; check each with `assumption`):",
    ]
    for e in hyps:
        lines.append(f"- `{e.name}` ({e.role}, status {e.status or '?'}): {summary(e.doc, 160)}")
    if not hyps:
        lines.append("- none matched the goal's words: use `search` with names or acronyms")
    lines += ["", "Theorems and discharges that may help (see `rests_on` for their hypotheses):"]
    for e in results:
        lines.append(f"- `{e.name}` ({e.role}) at {e.file}:{e.line}")
    if not results:
        lines.append("- none matched: use `search`")
    lines += ["", WORKFLOW]
    return "\n".join(lines) + "\n"
