import AxiomDL.Foundations.Scalar
import AxiomDL.Foundations.Sums
import AxiomDL.Foundations.Recurrence
import AxiomDL.Foundations.InnerProduct
import AxiomDL.Foundations.Models
import AxiomDL.Foundations.Loss
import AxiomDL.Foundations.GradientDescent
import AxiomDL.Foundations.ExtraAlgebra
import AxiomDL.Foundations.LeastSquares
import AxiomDL.Foundations.Plane

/-!
# Foundations

The scalar context (`Scalar`), finite sums (`Sums`), linear recurrences (`Recurrence`), the axiomatic inner-product space
(`InnerProduct`), its concrete models over `K` and `Rat` (`Models`), losses and gradient
oracles (`Loss`), (stochastic) gradient descent (`GradientDescent`), sums over lists (`ExtraAlgebra`) and the
least-squares model (`LeastSquares`).
-/

set_option autoImplicit false
