/**
 * bonkl's float64 library: fast, numerically careful best-of-n quantities (Beirami et al.). It is the package's
 * main export and the default subject that `bonkl check` grades against the certified oracle. Each file states
 * its error model in its header; level-sweep.ts holds the core.
 */
export { bonPmf } from "./bon-pmf.ts";
export { klBon } from "./kl-bon.ts";
export { klFormula } from "./kl-formula.ts";
export { klEstimate } from "./kl-estimate.ts";
export { klEstimateUpper } from "./kl-estimate-upper.ts";
export { renyi2 } from "./renyi2.ts";
export { epsInfinity } from "./eps-infinity.ts";
export type { EpsInput } from "./eps-point.ts";
export { BonklError, InputError } from "../errors.ts";
import "./warm-up.ts"; // type-feedback priming for V8, see warm-up.ts
