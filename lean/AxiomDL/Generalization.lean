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
import AxiomDL.Generalization.Capacity
import AxiomDL.Generalization.ScalingSeparations
import AxiomDL.Generalization.DoubleDescent
import AxiomDL.Generalization.DoubleDescentWitnesses
import AxiomDL.Generalization.Separations

/-!
# AxiomDL: generalisation under implicit bias

Finitely additive probability (point masses and uniform distributions on finite lists) and
abstract expectations, empirical and population risk, finite-class uniform convergence, PAC
learning of a finite class under PAC realisability (and its counting form), the minimum-norm
implicit bias of gradient descent, uniform stability at sample size `m`, flat minima and the
rescaling objection, the max-margin bias of gradient descent on separable data, benign
overfitting of noisy data, the open problems, joint witnesses over `Rat` for every theorem
whose hypotheses name two or more assumptions, and separations (`Separations`: realisable vs
agnostic, uniform stability vs uniform convergence).
-/

set_option autoImplicit false
