/**
 * The oracle's Interval-level face, for code that composes the paper's quantities into new ones (the claims, the
 * figures, the proofs): each quantity as a function of an arena (working precision) returning an Interval, in the
 * paper's notation, plus the distributions they take and the exact big.js path of Lemma 1 for small n.
 *
 * Its other face is the Enclosure API (index.ts: `compute(op, args)` and one certified function per op). Code
 * outside src/oracle imports only these two files (a test enforces it); the numerics beneath (Interval, arenas,
 * dyadics) come from src/numerics.
 */
export { Distribution, type Level } from "./distribution.ts";
export { parseN } from "./input/parse.ts";
export { bonLevels, bonLevelPmf, bonPmf, logLevelProb, type BonLevels } from "./quantities/bon-policy.ts";
export { klBon, klFormula, klFromLevels } from "./quantities/kl.ts";
export { klExample1 } from "./quantities/example1.ts";
export { complementPowerOf, epsFromLog, epsFromMass, epsFromRational, estimators, logOneMinusPower, type EpsPoint, type EstimatorValues } from "./quantities/estimators.ts";
export { estimatorMoments, type EstimatorMoments } from "./quantities/estimator-moments.ts";
export { gapBoundCor2, gapBoundCor3, gapBoundThm2, gapBoundThm3, klBoundLemma2, klBoundThm4 } from "./quantities/bounds.ts";
export { collisionProbability, epsInfinity, epsInfinityMass, maxMass, renyi, renyi2, type Reading } from "./quantities/renyi.ts";
export { klMixture, type MixtureComponent } from "./quantities/mixture.ts";
export { bigToFraction, exactBonPmf, type ExactFraction } from "./exact/exact-pmf.ts";
