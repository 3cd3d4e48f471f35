"""The assumption lattice: which assumptions imply which, which are separated, which are open."""
