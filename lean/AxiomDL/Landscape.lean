import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.Convexity
import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Growth
import AxiomDL.Landscape.Benign
import AxiomDL.Landscape.Noise
import AxiomDL.Landscape.EdgeOfStability
import AxiomDL.Landscape.Descent
import AxiomDL.Landscape.Stationarity
import AxiomDL.Landscape.Relations
import AxiomDL.Landscape.Convergence
import AxiomDL.Landscape.GradientBound
import AxiomDL.Landscape.SGD
import AxiomDL.Landscape.ConvexRate
import AxiomDL.Landscape.Witnesses
import AxiomDL.Landscape.Conjectures

/-!
# Landscape

Loss-landscape geometry and optimisation: the assumptions (bounded below, interpolation,
convexity, strong and star convexity, smoothness, PL and PL*, quadratic growth, error bound,
restricted secant inequality, benign landscape, bounded gradient noise, edge of stability),
their relations (discharges), the convergence theorems for GD and SGD, witnesses, and open
problems.
-/

set_option autoImplicit false
