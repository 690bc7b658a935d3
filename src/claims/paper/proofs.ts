/**
 * The claims proved over the whole continuum, not only sampled: the certificates of `bonkl prove` (spec/proofs.md,
 * spec/proofs/<theorem>.json, re-checked by `npx bonkl prove --check` in npm test) and the chain of identities of
 * section 1 that carries them to each claim. Kept apart from the claim definitions, like the derivations, so the
 * prose does not change a claim's fingerprint; properties/spec.test.ts checks that every theorem named here has a
 * committed certificate.
 */
export interface ClaimProof {
  /** The theorems of src/proofs whose certificates the proof uses. */
  readonly theorems: readonly string[];
  /** How the certified statements give the claim (the identities of section 1 by id). */
  readonly argument: string;
}

const TELESCOPE = "identity.gap-telescopes-over-levels";

export const claimProofs: ReadonlyMap<string, ClaimProof> = new Map([
  ["thm3.bound-nonnegative", { theorems: ["gap-nonnegative"], argument: "A(e, n) >= 0 is the certified statement itself." }],
  [
    "thm1.kl-le-formula",
    { theorems: ["gap-nonnegative"], argument: `the gap is a sum of non-negative weights times A(e_k, n) >= 0 (${TELESCOPE}), so gap >= 0 for every finite p.` },
  ],
  ["thm1.kl-le-formula+ties", { theorems: ["gap-nonnegative"], argument: `as thm1.kl-le-formula: the telescoping runs over reward levels, ties included (${TELESCOPE}).` }],
  ["cor1.mixture-kl-le-formula", { theorems: ["gap-nonnegative"], argument: "Theorem 1 for each prompt's distribution, averaged with the mixture weights." }],
  [
    "thm3.gap-ge-bound",
    { theorems: ["gap-nonnegative"], argument: `the top level's term of ${TELESCOPE} is A(e_inf, n) and the others are >= 0, so gap >= A(e_inf, n) (and Theorem 4, the same statement).` },
  ],
  ["thm3.gap-ge-bound+ties", { theorems: ["gap-nonnegative"], argument: `as thm3.gap-ge-bound, with the top tie group as the top level (${TELESCOPE}).` }],
  [
    "conj.expected-estimate-ge-kl",
    {
      theorems: ["gap-nonnegative", "estimate-nonincreasing"],
      argument: "by induction over the levels (identity.estimate-minus-kl-factors): KLhat non-increasing in e and A >= 0 give E[KLhat(e_n)] >= KL (the written argument is in spec/proofs.md, section Consequences).",
    },
  ],
]);
