import AxiomDL.Foundations
import AxiomDL.Landscape
import AxiomDL.Expressivity
import AxiomDL.Generalization

/-!
# AxiomDL

The working hypotheses of deep learning as named assumptions, and the theorems that follow
from them. Areas: foundations, loss-landscape geometry and optimisation, finite-width
expressivity, and generalisation under implicit bias.
-/

set_option autoImplicit false
