import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.Convexity
import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Growth
import AxiomDL.Landscape.Benign
import AxiomDL.Landscape.Noise
import AxiomDL.Landscape.Curvature
import AxiomDL.Landscape.EdgeOfStability
import AxiomDL.Landscape.Descent
import AxiomDL.Landscape.Stationarity
import AxiomDL.Landscape.Relations
import AxiomDL.Landscape.Convergence
import AxiomDL.Landscape.GradientBound
import AxiomDL.Landscape.SGD
import AxiomDL.Landscape.ConvexRate
import AxiomDL.Landscape.Witnesses
import AxiomDL.Landscape.WitnessesEoS
import AxiomDL.Landscape.JointWitnesses
import AxiomDL.Landscape.ModeConnectivity
import AxiomDL.Landscape.ModeConnectivityWitnesses
import AxiomDL.Landscape.Conjectures
import AxiomDL.Landscape.MoreRelations
import AxiomDL.Landscape.QuarticModels
import AxiomDL.Landscape.NonconvexModels
import AxiomDL.Landscape.PlaneModels
import AxiomDL.Landscape.Separations

/-!
# Landscape

Loss-landscape geometry and optimisation: the assumptions (bounded below, interpolation,
convexity, strong and star convexity, smoothness, PL and PL*, quadratic growth, error bound,
restricted secant inequality, benign landscape, bounded gradient noise, edge of stability, with
the sharpness defined without Hessians in `Curvature`), their relations (discharges), the
convergence theorems for GD and SGD, witnesses (one per assumption, and joint witnesses over
`Rat` for the hypotheses of every theorem), open problems, and separations (`Separations`:
concrete losses over `Rat` that satisfy some assumptions and refute others, with their models
in `QuarticModels`, `NonconvexModels` and `PlaneModels`).
-/

set_option autoImplicit false
