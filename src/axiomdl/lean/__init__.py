"""The Lean backend: toolchain discovery, builds with per-declaration diagnostics, the
exact-dependency exporter, the exact axiom audit, and the LeanInteract/LeanDojo adapters.

Nothing here is needed for static work; every entry point that needs Lean raises the
"toolchain needed" error (exit code 3) when ``lake``/``lean`` are missing.
"""
