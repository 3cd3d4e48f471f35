import AxiomDL.Expressivity.Relu
import AxiomDL.Expressivity.ReluMax
import AxiomDL.Expressivity.Shallow
import AxiomDL.Expressivity.Rescaling
import AxiomDL.Expressivity.Deep
import AxiomDL.Expressivity.DeepNet
import AxiomDL.Expressivity.DeepNetMono
import AxiomDL.Expressivity.Interpolation
import AxiomDL.Expressivity.LinearPieces
import AxiomDL.Expressivity.Regions
import AxiomDL.Expressivity.Lazy
import AxiomDL.Expressivity.NeuralCollapse
import AxiomDL.Expressivity.NeuralCollapseDecision
import AxiomDL.Expressivity.NeuralCollapseWitnesses
import AxiomDL.Expressivity.Regimes
import AxiomDL.Expressivity.RegimesWitnesses
import AxiomDL.Expressivity.Assumptions
import AxiomDL.Expressivity.Conjectures
import AxiomDL.Expressivity.Separations

/-!
# AxiomDL: finite-width expressivity

ReLU and its lemmas, one-hidden-layer 1-D networks, compositions of them and residual blocks,
deep networks with vector-valued hidden layers, rescaling invariance, interpolation,
linear-piece counting (kinks of one-hidden-layer networks, pieces counted on a grid, depth
separation), lazy training, the expressivity assumptions and conjectures, and the separations
of the lazy-training regime (`Separations`).
-/

set_option autoImplicit false
