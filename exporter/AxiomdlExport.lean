/-
AxiomdlExport: write every declaration of a Lean 4 library as JSON Lines, for `axiomdl --exact`.

Usage (from the project root, after `lake build`):

    lake exe axiomdl-export [--root AxiomDL]... [--out DIR] [--only Module]...

* `--root M`  library root module to import (repeatable; default `AxiomDL`). Every imported
              module whose name starts with a root is exported.
* `--out DIR` write one `DIR/<Module>.jsonl` per module (atomically: temp file, then rename);
              without it, everything goes to stdout.
* `--only M`  export only module `M` (repeatable). This is how `axiomdl export` is incremental:
              it passes the modules whose `.olean` is newer than their cached JSONL.

Exit codes: 0 ok, 1 import or export failed, 2 bad arguments.

Record format (schema `axiomdl-export/1`, one JSON object per line; documented in
docs/lean-backend.md and validated by src/axiomdl/lean/export.py):

    {"type":"header","schema":"axiomdl-export/1","lean_version":"4.35.0","module":"AxiomDL.X"}
    {"type":"decl","name":"AxiomDL.foo","private":false,"kind":"theorem","module":"AxiomDL.X",
     "range":{"pos":{"line":3,"column":0},"endPos":{"line":5,"column":10}} | null,
     "doc":"..." | null,
     "type_consts":[...],      -- every constant in the type
     "type_hyp_consts":[...],  -- constants in binder domains / premises of the type
     "type_concl_consts":[...],-- constants in the type after all binders (the conclusion)
     "value_consts":[...],     -- constants in the value (defs, theorems and opaques included)
     "field_consts":[...],     -- inductive types only: constants in the constructors' types
     "axioms":["propext",...] | null}   -- Lean.collectAxioms (null if it raised)

Used constants are read through compiler-internal auxiliaries: a reference to `foo.proof_1`,
`foo.match_1`, `_private…` or another internal name is replaced by what *that* constant uses, so
that a lemma used only inside an abstracted proof still counts. Private names are reported under
their user-facing name (`privateToUserName?`). Internal names, auxiliary recursors, `noConfusion`,
matchers, recursors, constructors and structure projections get no record of their own, and
neither do the names Lean realizes on demand (`eq_def`, grind's `hcongr_N`, `congr_simp`, `induct`,
`T.mk.injEq`, …: `generatedAbout`, which hides every name Lean reports as reserved and otherwise
checks that the prefix is of the kind Lean generates the name for, so a user's own `Foo.inj` or
`foo.induct` about a non-recursive `foo` keeps its record). A module's `constNames` also lists constants it realized for
*another* module's declaration; only the owning module (`getModuleIdxFor?`) exports a constant, and
no user name is written twice (the first of two same-named `private` declarations is kept, and
the count of such clashes goes to stderr).

NOT COMPILED HERE. This file was written on machines where no Lean toolchain can be installed;
it has been checked by reading (twice, by two readers), against the Lean 4 core sources, for the
pinned toolchain (`lean-toolchain`: leanprover/lean4:v4.35.0). CI (`.github/workflows/ci.yml`)
builds and runs it. Every core name used below was looked up in leanprover/lean4 (file given;
"newest" = the most recent stored version, module-system era, 2025-2026):

  Lean.importModules (imports : Array Import) (opts : Options) (trustLevel := 0)
    (plugins := #[]) (leakEnv := false) (loadExts := false) (level := .private) …
                                                       src/Lean/Environment.lean
     (`loadExts` is in every recent version; without it every environment extension keeps its
      initial state, so docstrings, ranges, matchers, classes, structures and projections would
      all read as absent. It needs `enableInitializersExecution` first, which changed from
      `IO Unit` to `BaseIO Unit` in 4.34; `unsafe enableInitializersExecution` as a statement
      in `IO` lifts either way. The default `level := .private` loads all module data.)
  Lean.enableInitializersExecution                     src/Lean/ImportingFlag.lean
  Lean.initSearchPath (sysroot) (sp := ∅) (reads LEAN_PATH), Lean.findSysroot
                                                       src/Lean/Util/Path.lean
  Lean.Import ({ module := … }; other fields defaulted: runtimeOnly in old versions,
    importAll/isExported/isMeta in new ones)           src/Lean/Environment.lean (Setup.lean in newer)
  Environment.header.moduleNames / .moduleData,
    ModuleData.constNames                              src/Lean/Environment.lean
     (`moduleNames` is a field in older versions and `EnvironmentHeader.moduleNames` a def in
      the newest; `header.moduleNames` works with both; `Environment.header` is a def there)
  Environment.find? (env) (n) (skipRealize := …)       src/Lean/Environment.lean
  Environment.getModuleIdxFor? (env) (declName) : Option ModuleIdx; `def ModuleIdx := Nat`
    with `abbrev ModuleIdx.toNat` (every stored version)  src/Lean/Environment.lean
  Lean.isPrivateName : Name → Bool                     src/Lean/PrivateName.lean
  Lean.isReservedName (env) (name) : Bool              src/Lean/ResolveName.lean
  Environment.isConstructor (env) (declName) : Bool    src/Lean/Environment.lean
  Name.toString (n) (escape := true) …  (`escape := false` for plain file names)
                                                       src/Init/Meta.lean / src/Lean/Data/Name.lean
  NameSet (`{}`, insert, contains), List.contains [BEq]  src/Lean/Data/NameMap.lean, src/Init/Data/List/Basic.lean
  Json.bool (b : Bool)                                 src/Lean/Data/Json/Basic.lean
  ConstantInfo.{axiomInfo,defnInfo,thmInfo,opaqueInfo,quotInfo,inductInfo,ctorInfo,recInfo},
    ConstantInfo.type, DefinitionVal/TheoremVal/OpaqueVal.value, InductiveVal.ctors
                                                       src/Lean/Declaration.lean
     (the same matches as `CollectAxioms.collect` in src/Lean/Util/CollectAxioms.lean)
  Expr.getUsedConstants : Expr → Array Name            src/Lean/Util/FoldConsts.lean
  Expr.forallE (4 fields), Expr.mdata (2 fields)       src/Lean/Expr.lean
  Lean.collectAxioms [Monad m] [MonadEnv m] (+ [MonadError m] in the newest version, which
    throws when a module was built with `trackAxioms := false`, and reads precomputed axioms of
    imported constants from an environment extension, hence `loadExts := true`)
                                                       src/Lean/Util/CollectAxioms.lean
     (it runs in CoreM, which has all three; a throw gives `"axioms": null`)
  Core.Context {fileName, fileMap; every other field defaulted}, Core.State {env; rest
    defaulted}, CoreM.toIO (ctx) (s) : IO (α × State)  src/Lean/CoreM.lean
     (the same construction as core's own `ImportM.runCoreM` there:
      `.toIO { fileName := "<ImportM>", fileMap := default } { env := ctx.env }`)
  Lean.findDocString? (env) (declName) (includeBuiltin := true) … : IO (Option String)
                                                       src/Lean/DocString.lean
  Lean.findDeclarationRanges? [Monad m] [MonadEnv m] [MonadLiftT BaseIO m] (declName)
    DeclarationRanges.range : DeclarationRange {pos, endPos : Position, …}
                                                       src/Lean/DeclarationRange.lean
  Position {line, column : Nat}                        src/Lean/Data/Position.lean
  Name.isInternal, Name.isPrefixOf                     src/Init/Meta.lean (Lean/Data/Name.lean in older)
  String.toName                                        src/Init/Meta.lean
  Lean.privateToUserName? : Name → Option Name         src/Lean/PrivateName.lean (Modifiers.lean in older)
  Lean.isAuxRecursor, Lean.isNoConfusion (env) (n) : Bool   src/Lean/AuxRecursor.lean
  Lean.Meta.isMatcherCore (env) (declName) : Bool      src/Lean/Meta/Match/MatcherInfo.lean
  Lean.isRecCore (env) (declName) : Bool               src/Lean/MonadEnv.lean
  Lean.isStructure (env) (constName) : Bool            src/Lean/Structure.lean
  Lean.isClass (env) (n) : Bool                        src/Lean/Class.lean
  Environment.isProjectionFn (env) (declName) : Bool   src/Lean/ProjFns.lean
  Lean.Json.{mkObj,arr,str,null,compress}, ToJson (Nat, Option String)
                                                       src/Lean/Data/Json/*.lean
     (`mkObj` sorts keys, so `"type":"decl"` is not the first field; the Python fast path
      looks for the substring anywhere in the line)
  Lean.versionString                                   src/Init/Meta.lean
  String.toList, List.isPrefixOf/drop/all, String.intercalate   src/Init/Data/{String,List}/
  IO.FS.writeFile, IO.FS.rename, IO.FS.createDirAll, IO.getStdout, IO.FS.Stream.{putStr,flush},
    IO.eprintln                                        src/Init/System/IO.lean
  `partial def` over `StateM`: `Inhabited (StateT σ m α)` needs `Inhabited (m (α × σ))`
                                                       src/Init/Control/State.lean
  lean_exe fields srcDir/root/supportInterpreter       src/lake/Lake/Config/LeanExeConfig.lean

Still least sure of, most doubtful first (check these first if the build fails):
  1. that v4.35.0 itself (not just the versions stored around it) has `importModules …
     (loadExts := …)` under that name;
  2. `unsafe enableInitializersExecution` elaborating as an `IO` statement when the callee is
     `BaseIO Unit` (the monad lift is inserted around the `unsafe` term; widely used);
  3. `collectAxioms` succeeding on imported constants in the newest scheme (it reads the
     `exportedAxiomsExt` entries the .oleans carry; on a throw the record gets `null`);
  4. `findDeclarationRanges?`/`findDocString?` finding data in imported non-`module` files
     (newest versions look ranges up at `level := .server`, which `.private` imports load).
`numbered` works on `List Char` rather than `String.drop` (a `String.Slice` since the 2025
string refactor), and the `--only` option is stored in a field named `onlyMods`, so that no
field is named like the `only` keyword-like atom of `simp only`.
-/
import Lean

open Lean

namespace AxiomdlExport

/-- Command-line options. -/
structure Config where
  roots : Array Name := #[]
  outDir : Option System.FilePath := none
  onlyMods : Array Name := #[]

/-- Parse the command line; `Except.error` carries a one-line message. -/
partial def parseArgs (cfg : Config) : List String → Except String Config
  | [] => .ok cfg
  | "--root" :: r :: rest => parseArgs { cfg with roots := cfg.roots.push r.toName } rest
  | "--out" :: d :: rest => parseArgs { cfg with outDir := some (System.FilePath.mk d) } rest
  | "--only" :: m :: rest => parseArgs { cfg with onlyMods := cfg.onlyMods.push m.toName } rest
  | a :: _ => .error s!"unknown or incomplete argument: {a}"

/-- The name a user wrote: private names are reported without their `_private` prefix. -/
def userName (n : Name) : Name :=
  (privateToUserName? n).getD n

/-- `s` is `pre` followed by digits only (`proof_3`, `match_1`, `eq_2`). Works on `List Char`
so that it does not depend on the `String.drop`/`startsWith` API, which changed in the 2025
`String.Slice` refactor (`String.drop` now returns a `String.Slice`). -/
def numbered (s pre : String) : Bool :=
  let cs := s.toList
  let ps := pre.toList
  ps.isPrefixOf cs && decide (cs.length > ps.length) && (cs.drop ps.length).all Char.isDigit

/-- Last components of the theorems Lean reserves for *every* safe definition `f`
(`f.eq_def`, `f.eq_unfold`, `f.congr_simp`; grind's `f.hcongr_N` is matched by `numbered`), so
no user declaration can carry them. The suffixes Lean reserves only for some definitions
(`induct`, `induct_unfolding`, `mutual_induct`, `fun_cases`: recursive or matching ones) are left
to `isReservedName`, because a user may declare `foo.induct` about a definition `foo` for which
Lean generates none. -/
def definitionSuffixes : List String :=
  ["eq_def", "eq_unfold", "congr_simp"]

/-- The definition `p` is a `def` (the only kind those theorems are realized for). -/
def isDefinition (env : Environment) (p : Name) : Bool :=
  match env.find? p with
  | some (.defnInfo _) => true
  | _ => false

/-- The inductive type `p` (structures and classes included). -/
def isInductiveType (env : Environment) (p : Name) : Bool :=
  match env.find? p with
  | some (.inductInfo _) => true
  | _ => false

/-- `n` is a name Lean generated *about* its prefix `p`:
* any name Lean itself reports as reserved (`isReservedName`: `f.eq_def`, `f.induct`,
  `f.congr_simp`, `f.hcongr_N`, a constructor's `C.hinj`, …); Lean refuses a user declaration
  with a reserved name, so this never hides one;
* `C.inj`, `C.injEq`, `C.sizeOf_spec` for a constructor `C`;
* `T.noConfusionType`, `T.ctorIdx` for an inductive type `T`;
* `f.eq_def`, `f.eq_unfold`, `f.congr_simp`, `f.hcongr_N` for a definition `f` (a fallback to
  `isReservedName`; Lean reserves these names for every safe definition).
Judging by what `p` is keeps a user's own `Foo.inj` about a structure `Foo`. A module can
realize these for a constant of *another* module, so they must never get a record of their
own. The raw name is used: a private declaration's prefix is its private name. -/
def generatedAbout (env : Environment) (n : Name) : Bool :=
  if isReservedName env n then true
  else
    match n with
    | .str p s =>
      if s == "inj" || s == "injEq" || s == "sizeOf_spec" then env.isConstructor p
      else if s == "noConfusionType" || s == "ctorIdx" then isInductiveType env p
      else if definitionSuffixes.contains s || numbered s "hcongr_" then isDefinition env p
      else false
    | _ => false

/-- Names the compiler or elaborator makes up: `_`-components, `proof_n`, `match_n`, `eq_n`. -/
def internalName (n : Name) : Bool :=
  let u := userName n
  let generated : Bool :=
    match u with
    | .str _ s => numbered s "proof_" || numbered s "match_" || numbered s "eq_"
    | .num _ _ => true
    | .anonymous => false
  u.isInternal || generated

/-- An auxiliary to look *through*: its own used constants stand for it. -/
def transparentAux (env : Environment) (n : Name) : Bool :=
  internalName n || generatedAbout env n || Meta.isMatcherCore env n

/-- Constants that get no record of their own (they belong to a user declaration). -/
def hidden (env : Environment) (n : Name) (info : ConstantInfo) : Bool :=
  let ctorOrRec : Bool :=
    match info with
    | .ctorInfo _ => true
    | .recInfo _ => true
    | _ => false
  ctorOrRec || internalName n || generatedAbout env n || isAuxRecursor env n ||
    isNoConfusion env n ||
    Meta.isMatcherCore env n || isRecCore env n || env.isProjectionFn n

/-- The value of a definition, theorem or opaque constant. -/
def valueOf? : ConstantInfo → Option Expr
  | .defnInfo v => some v.value
  | .thmInfo v => some v.value
  | .opaqueInfo v => some v.value
  | _ => none

/-- State while collecting used constants: auxiliaries already expanded, and the result. -/
abbrev ExpM := StateM (NameSet × Array Name)

/-- Add `c`, or, if it is an internal auxiliary, everything it uses. -/
partial def addConst (env : Environment) (c : Name) : ExpM Unit := do
  if transparentAux env c then
    let (seen, acc) ← get
    if seen.contains c then
      return
    set (seen.insert c, acc)
    match env.find? c with
    | some info =>
      for d in info.type.getUsedConstants do
        addConst env d
      if let some v := valueOf? info then
        for d in v.getUsedConstants do
          addConst env d
    | none => pure ()
  else
    let u := userName c
    modify fun (seen, acc) => (seen, if acc.contains u then acc else acc.push u)

/-- The user-level constants used by some expressions, without `self`. -/
def usedConsts (env : Environment) (self : Name) (es : Array Expr) : Array Name :=
  let act : ExpM Unit := do
    for e in es do
      for c in e.getUsedConstants do
        addConst env c
  let (_, (_, acc)) := Id.run (act.run ({}, #[]))
  acc.filter (· != self)

/-- Split a type into its binder domains (hypotheses, premises of `→`) and its conclusion. -/
partial def splitType (e : Expr) (hyps : Array Expr := #[]) : Array Expr × Expr :=
  match e with
  | .forallE _ d b _ => splitType b (hyps.push d)
  | .mdata _ b => splitType b hyps
  | _ => (hyps, e)

/-- The declaration kind as axiomdl names it. -/
def kindOf (env : Environment) (n : Name) : ConstantInfo → String
  | .axiomInfo _ => "axiom"
  | .defnInfo _ => "def"
  | .thmInfo _ => "theorem"
  | .opaqueInfo _ => "opaque"
  | .quotInfo _ => "quot"
  | .inductInfo _ =>
    if isClass env n then "class" else if isStructure env n then "structure" else "inductive"
  | .ctorInfo _ => "ctor"
  | .recInfo _ => "recursor"

def namesJson (ns : Array Name) : Json :=
  Json.arr (ns.map fun n => Json.str (toString n))

def posJson (p : Position) : Json :=
  Json.mkObj [("line", toJson p.line), ("column", toJson p.column)]

/-- One `decl` record, or `none` for a hidden auxiliary. -/
def exportDecl (n : Name) (modName : Name) : CoreM (Option Json) := do
  let env ← getEnv
  let some info := env.find? n | return none
  if hidden env n info then
    return none
  let self := userName n
  let (hypTys, concl) := splitType info.type
  let typeConsts := usedConsts env self #[info.type]
  let hypConsts := usedConsts env self hypTys
  let conclConsts := usedConsts env self #[concl]
  let valueConsts := match valueOf? info with
    | some v => usedConsts env self #[v]
    | none => #[]
  let mut ctorTypes : Array Expr := #[]
  if let .inductInfo v := info then
    for c in v.ctors do
      if let some ci := env.find? c then
        ctorTypes := ctorTypes.push ci.type
  let fieldConsts := usedConsts env self ctorTypes
  let doc ← findDocString? env n
  let ranges ← findDeclarationRanges? n
  let rangeJson := match ranges with
    | some r => Json.mkObj [("pos", posJson r.range.pos), ("endPos", posJson r.range.endPos)]
    | none => Json.null
  let mut axiomsJson := Json.null
  try
    -- user names, so that a private axiom is seen as the project's own
    axiomsJson := namesJson ((← collectAxioms n).map userName)
  catch _ =>
    axiomsJson := Json.null
  return some <| Json.mkObj [
    ("type", Json.str "decl"),
    ("name", Json.str (toString self)),
    ("private", Json.bool (isPrivateName n)),
    ("kind", Json.str (kindOf env n info)),
    ("module", Json.str (toString modName)),
    ("range", rangeJson),
    ("doc", toJson doc),
    ("type_consts", namesJson typeConsts),
    ("type_hyp_consts", namesJson hypConsts),
    ("type_concl_consts", namesJson conclConsts),
    ("value_consts", namesJson valueConsts),
    ("field_consts", namesJson fieldConsts),
    ("axioms", axiomsJson)]

def headerLine (modName : Name) : String :=
  (Json.mkObj [
    ("type", Json.str "header"),
    ("schema", Json.str "axiomdl-export/1"),
    ("lean_version", Json.str Lean.versionString),
    ("module", Json.str (toString modName))]).compress

/-- Write `text` to `path` through a temporary file, so a reader never sees half a file. -/
def writeAtomic (path : System.FilePath) (text : String) : IO Unit := do
  let tmp := path.withExtension "jsonl.tmp"
  IO.FS.writeFile tmp text
  IO.FS.rename tmp path

/-- Export every wanted module of the imported environment. -/
def exportAll (cfg : Config) (wanted : Name → Bool) : CoreM Nat := do
  let env ← getEnv
  let mods := env.header.moduleNames
  let datas := env.header.moduleData
  let stdout ← IO.getStdout
  if let some dir := cfg.outDir then
    IO.FS.createDirAll dir
  let mut count := 0
  -- Every user name written so far: a name is never written twice (two `private`
  -- declarations with one user name in different modules keep the first).
  let mut emitted : NameSet := {}
  let mut clashes := 0
  for i in [0:mods.size] do
    let m := mods[i]!
    unless wanted m do
      continue
    let data := datas[i]!
    let mut lines : Array String := #[headerLine m]
    for n in data.constNames do
      -- `constNames` also lists constants this module *realized* for another module's
      -- declaration (grind's `hcongr` lemmas, `congr_simp`, …): only the owner exports them.
      let owned : Bool := match env.getModuleIdxFor? n with
        | some j => j.toNat == i
        | none => false
      unless owned do
        continue
      let u := userName n
      if emitted.contains u then
        clashes := clashes + 1
        continue
      let r ← exportDecl n m
      if let some j := r then
        emitted := emitted.insert u
        lines := lines.push j.compress
        count := count + 1
    let text := String.intercalate "\n" lines.toList ++ "\n"
    match cfg.outDir with
    | some dir => writeAtomic (dir / s!"{m.toString (escape := false)}.jsonl") text
    | none => stdout.putStr text
  stdout.flush
  if clashes > 0 then
    IO.eprintln s!"axiomdl-export: {clashes} private name(s) shared by several modules: kept the first"
  return count

/-- Import the library and export it. -/
def run (cfg : Config) : IO Nat := do
  let roots := if cfg.roots.isEmpty then #[`AxiomDL] else cfg.roots
  initSearchPath (← findSysroot)
  unsafe enableInitializersExecution
  let imports : Array Import := roots.map fun r => { module := r }
  let env ← importModules imports {} (loadExts := true)
  let wanted (m : Name) : Bool :=
    roots.any (fun r => r.isPrefixOf m) && (cfg.onlyMods.isEmpty || cfg.onlyMods.contains m)
  let ctx : Core.Context := { fileName := "<axiomdl-export>", fileMap := default }
  let st : Core.State := { env := env }
  let (count, _) ← (exportAll cfg wanted).toIO ctx st
  return count

end AxiomdlExport

def main (args : List String) : IO UInt32 := do
  match AxiomdlExport.parseArgs {} args with
  | .error e =>
    IO.eprintln s!"axiomdl-export: {e}"
    return 2
  | .ok cfg =>
    try
      let count ← AxiomdlExport.run cfg
      IO.eprintln s!"axiomdl-export: {count} declarations"
      return 0
    catch e =>
      IO.eprintln s!"axiomdl-export: {e}"
      return 1
