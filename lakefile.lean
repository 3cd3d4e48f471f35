import Lake
open Lake DSL

-- Build file of the AxiomDL Lean library (core-only, no Mathlib).

package axiomdl

-- The AxiomDL library; its sources live in `lean/` (root module `lean/AxiomDL.lean`).
@[default_target]
lean_lib AxiomDL where
  srcDir := "lean"
