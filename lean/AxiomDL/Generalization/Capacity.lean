import AxiomDL.Generalization.Capacity.Combinatorics
import AxiomDL.Generalization.Capacity.VC
import AxiomDL.Generalization.Capacity.SauerShelah
import AxiomDL.Generalization.Capacity.VCBound
import AxiomDL.Generalization.Capacity.Sup
import AxiomDL.Generalization.Capacity.Rademacher
import AxiomDL.Generalization.Capacity.RademacherBounds
import AxiomDL.Generalization.Capacity.KL
import AxiomDL.Generalization.Capacity.PACBayes
import AxiomDL.Generalization.Capacity.Compression
import AxiomDL.Generalization.Capacity.CoinModel
import AxiomDL.Generalization.Capacity.VCWitness
import AxiomDL.Generalization.Capacity.RademacherWitness
import AxiomDL.Generalization.Capacity.Witnesses

/-!
# AxiomDL: capacity of finite classes, PAC-Bayes and compression

VC dimension of finite classes of classifiers on finite point lists and the Sauer–Shelah lemma
(pure combinatorics, proved), the VC uniform-convergence bound from the named VC inequality;
the empirical Rademacher complexity of a finite class as an exact finite average over sign
vectors, its basic facts, and the generalisation bounds that follow from named symmetrisation
and McDiarmid assumptions; a logarithm through the named `LogBounds`, the Kullback–Leibler and
χ² divergences of finite distributions, Occam's razor and the PAC-Bayes bound; sample
compression schemes and the compression bound; and joint witnesses over `Rat` for every
theorem whose hypotheses name two or more assumptions.
-/

set_option autoImplicit false
