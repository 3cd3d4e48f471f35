import Lake
open Lake DSL

-- Build file of the AxiomDL Lean library (core-only, no Mathlib).

package axiomdl

-- The AxiomDL library; its sources live in `lean/` (root module `lean/AxiomDL.lean`).
@[default_target]
lean_lib AxiomDL where
  srcDir := "lean"

-- The exact-dependency exporter used by `axiomdl export` / `--exact` (sources in `exporter/`).
-- It imports the built library at run time, so run `lake build` first.
lean_exe «axiomdl-export» where
  srcDir := "exporter"
  root := `AxiomdlExport
  supportInterpreter := true
