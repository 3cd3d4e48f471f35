import AxiomDL.Generalization.Probability
import AxiomDL.Generalization.Risk
import AxiomDL.Generalization.FiniteClass
import AxiomDL.Generalization.Counting
import AxiomDL.Generalization.ImplicitBias
import AxiomDL.Generalization.Stability
import AxiomDL.Generalization.Bias
import AxiomDL.Generalization.Conjectures
import AxiomDL.Generalization.Witnesses
import AxiomDL.Generalization.BiasWitnesses

/-!
# AxiomDL: generalisation under implicit bias

Finitely additive probability and abstract expectations, empirical and population risk,
finite-class uniform convergence and realisable ERM, the minimum-norm implicit bias of gradient
descent, stability, flat minima, max-margin bias, benign overfitting, and the open problems.
-/

set_option autoImplicit false
