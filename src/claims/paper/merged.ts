/**
 * Claims that state a fact already tested under another id: Theorem 4 is Theorem 3 (A = formula - KLhat), and
 * `ours.estimate-le-formula` is Eq. (21)'s A >= 0. Their ids stay (never renamed or reused); they are not run, and the
 * spec shows each with the claim tested instead and the identity that makes the two statements one.
 */
import type { MergedClaim } from "../claim.ts";

const VIA = "identity.thm3-bound-is-formula-minus-estimate";

export const mergedClaims: readonly MergedClaim[] = [
  {
    id: "thm4.kl-le-bound",
    title: "KL is at most Eq. (28) evaluated at eps_infinity",
    paper: "Theorem 4, Eq. (27)",
    kind: "theorem",
    statement: "KL(pi_n || p) <= (1-e)^n (log n + (n-1) log(1-e) - (n-1)/n) + (1-(1-e)^n) log((1-(1-e)^n)/e), e = eps_infinity",
    sameAs: "thm3.gap-ge-bound",
    via: VIA,
    note: "With A(e, n) = log n - (n-1)/n - KLhat(e), Theorem 3 (gap >= A) reads log n - (n-1)/n - KL >= log n - (n-1)/n - KLhat(e), i.e. KL <= KLhat(e): Theorem 4. Both have the same slack, KLhat(e) - KL = gap - A = q gap(p'). Tested once, as thm3.gap-ge-bound; its deep-run results until this merge are in the history of spec/claims/deep-run.json.",
  },
  {
    id: "thm4.kl-le-bound+ties",
    title: "Theorem 4 with ties and zero masses",
    paper: "Theorem 4, Eq. (27)",
    kind: "ours",
    statement: "as thm4.kl-le-bound, e = mass of the highest reward level with positive mass (the whole top tie group), with ties and zero masses",
    sameAs: "thm3.gap-ge-bound+ties",
    via: VIA,
    note: "The same statement as Theorem 3 with ties (see thm4.kl-le-bound); tested once, as thm3.gap-ge-bound+ties.",
  },
  {
    id: "ours.estimate-le-formula",
    title: "the estimator of Eq. (28) never exceeds the formula",
    paper: null,
    kind: "conjecture",
    statement: "KLhat(eps) <= log n - (n-1)/n for every eps in (0, 1] and n >= 1",
    sameAs: "thm3.bound-nonnegative",
    via: VIA,
    note: "log n - (n-1)/n - KLhat(e) is A(e, n), so this is Eq. (21)'s right-hand inequality A >= 0, a theorem of the paper: tested once, as thm3.bound-nonnegative (section 3 of issue 15 proves it over the whole continuum: spec/proofs.md).",
  },
];
