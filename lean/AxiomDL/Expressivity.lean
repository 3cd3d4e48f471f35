import AxiomDL.Expressivity.Relu
import AxiomDL.Expressivity.ReluMax
import AxiomDL.Expressivity.Shallow
import AxiomDL.Expressivity.Rescaling
import AxiomDL.Expressivity.Deep
import AxiomDL.Expressivity.Interpolation
import AxiomDL.Expressivity.LinearPieces
import AxiomDL.Expressivity.Lazy
import AxiomDL.Expressivity.Assumptions
import AxiomDL.Expressivity.Conjectures

/-!
# AxiomDL: finite-width expressivity

ReLU and its lemmas, one-hidden-layer 1-D networks, depth-`L` compositions and residual
blocks, rescaling invariance, interpolation, linear-piece counting, lazy training, and the
expressivity assumptions and conjectures.
-/

set_option autoImplicit false
