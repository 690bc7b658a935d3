/**
 * Written derivations of the claims (spec/claims.md shows each with its claim): why a statement holds, or how it
 * reduces to others, in the notation of spec/README.md. Kept apart from the claim definitions so that editing the
 * prose does not change a claim's fingerprint (what is checked and how). Notation: e = eps_infinity, the top reward
 * level's mass; q = (1 - e)^n; A(e, n) the middle expression of Eq. (21); KLhat Eq. (28), KLhat_1 Eq. (26);
 * p' = p conditioned on the reward levels below the top; gap(p) = log n - (n-1)/n - KL(pi_n || p).
 */

export const derivations: Readonly<Record<string, string>> = {
  "lemma1.pmf-by-enumeration":
    "Eq. (4) defines best-of-n by n independent draws; summing the probability prod_j p(t_j) of every ordered tuple (t_1, ..., t_n) of draws, split equally among the draws of maximal reward (the tie rule), gives pi_n(y) exactly, in rational arithmetic, without Eq. (13). Lemma 1 says this equals F(y)^n - F^-(y)^n, which is what the oracle computes (with the tie rule per level).",
  "thm1.kl-le-formula":
    "gap(p) = sum_k F_k^n A(g_k / F_k, n) over the reward levels (identity.gap-telescopes), and A >= 0 (thm3.bound-nonnegative): every term is >= 0. Equal exactly when n = 1 (pi_1 = p: both sides 0); strict otherwise (the level-1 term F_1^n A(1, n) = F_1^n (log n - (n-1)/n) > 0).",
  "cor1.mixture-kl-le-formula": "The average over prompts of Theorem 1, which holds for every prompt's distribution. Equal exactly when n = 1.",
  "identity.thm3-bound-is-formula-minus-estimate":
    "Write K_1 = log((1 - q)/e) (Eq. 26), so KLhat(e) = q (log n + (n-1) log(1-e) - (n-1)/n) + (1 - q) K_1 (Eq. 28). Eq. (21)'s first term is (1 - q)(log n + log e - log(1 - q) - (n-1)/n) = (1 - q)(log n - (n-1)/n) - (1 - q) K_1, so A = (1 - q)(log n - (n-1)/n) - (1 - q) K_1 - (n-1) q log(1-e), which is log n - (n-1)/n - KLhat(e) term by term. Hence Theorem 3 (gap >= A, i.e. log n - (n-1)/n - KL >= log n - (n-1)/n - KLhat(e)) is Theorem 4 (KL <= KLhat(e)), and Eq. (21)'s A >= 0 is KLhat(e) <= log n - (n-1)/n.",
  "identity.estimate-minus-kl-factors":
    "Best-of-n returns the top level exactly when one of the n draws lands in it, with probability 1 - q; otherwise all n draws fell below it, and the result is best-of-n of p'. So pi_n = (1 - q) pi_top + q pi_n', with pi_top spread over the top level as p is (the tie rule), and below the top pi_n(y)/p(y) = q pi_n'(y) / ((1 - e) p'(y)). Hence KL(pi_n || p) = (1 - q) log((1 - q)/e) + q [KL(pi_n' || p') + log q - log(1 - e)] = (1 - q) log((1 - q)/e) + q [KL(pi_n' || p') + (n-1) log(1 - e)]. Subtracting it from KLhat(e) = q (log n + (n-1) log(1 - e) - (n-1)/n) + (1 - q) log((1 - q)/e) leaves q (log n - (n-1)/n - KL(pi_n' || p')) = q gap(p').",
  "identity.gap-telescopes":
    "By identity.thm3-bound-is-formula-minus-estimate and identity.estimate-minus-kl-factors, gap(p) = [log n - (n-1)/n - KLhat(e_K)] + [KLhat(e_K) - KL(pi_n || p)] = A(e_K, n) + q_K gap(p'), with e_K = g_K / F_K = e and q_K = (F_{K-1}/F_K)^n. p' has the levels 1..K-1 with masses g_k / F_{K-1}, so its top mass is g_{K-1}/F_{K-1}; apply the same step to it, and so on. The level-k term is multiplied by prod_{j > k} q_j = (F_k / F_K)^n = F_k^n, and the recursion ends with one level, where gap = log n - (n-1)/n = A(1, n) (e_1 = g_1/F_1 = 1). So gap(p) = sum_k F_k^n A(g_k/F_k, n). Consequences: A >= 0 for every (e, n) (thm3.bound-nonnegative) gives Theorem 1 for every finite p, hence Corollary 1 (an average); the terms k < K add up to q gap(p') >= 0, which is Theorem 3, and Theorem 4 by the first identity.",
  "thm3.gap-ge-bound":
    "gap(p) - A(e, n) = KLhat(e) - KL(pi_n || p) = q gap(p') (identity.thm3-bound-is-formula-minus-estimate, identity.estimate-minus-kl-factors), >= 0 by Theorem 1 on p'. Equal exactly when n = 1 (all 0) or p has one reward level (q = 0: both sides are log n - (n-1)/n). Otherwise strict (gap(p') > 0 for n >= 2), and a case whose slack is far below the working precision (q = 10^-3e8 at n = 1e9) is decided in factored form: log slack = n log(1 - e) + log gap(p'), with gap(p') enclosed directly.",
  "thm3.bound-nonnegative":
    "A(e, n) = log n - (n-1)/n - KLhat(e) (identity.thm3-bound-is-formula-minus-estimate): the statement is KLhat(e) <= log n - (n-1)/n (formerly also ours.estimate-le-formula). Equal exactly when n = 1 (A(e, 1) = 0); A(1, n) = log n - (n-1)/n > 0 for n >= 2. For small n e, A ~ (1 - 1/n)^2 (n e)^3 / 24 while its terms are about n e, so cases with tiny e need a high working precision (this claim's cap is 16384 bits). A proof for all e in (0, 1] and all n is the subject of `bonkl prove` (issue 15, section 3).",
  "identity.thm3-minus-cor3":
    "Expand A = (1 - q) log(ne) - (1 - q) log(1 - q) - (1 - q)(n-1)/n - (n-1) q log(1 - e) and C = (1 - e^{-ne}) log(ne) - 1. Then A - C = (e^{-ne} - q) log(ne) - (1 - q) log(1 - q) + [1 - (1 - q)(n-1)/n] - (n-1) q log(1 - e), and 1 - (1 - q)(n-1)/n = (1 + (n-1) q)/n. When n e >= 1 each term is >= 0: q = (1 - e)^n <= e^{-ne} and log(ne) >= 0; -(1 - q) log(1 - q) >= 0; (1 + (n-1) q)/n >= 1/n; -(n-1) q log(1 - e) >= 0. So C <= A - 1/n <= gap - 1/n; when n e < 1, C < 0 <= gap. Corollary 3 follows from Theorem 3.",
  "cor3.gap-ge-bound": "C <= A - 1/n when n e >= 1 (identity.thm3-minus-cor3) and A <= gap (Theorem 3); C < 0 <= gap when n e < 1. Never an equality: the slack is at least 1/n.",
  "cor3.gap-unbounded":
    "From Corollary 3 with x = n e >= e^{M+2}: gap >= (1 - e^{-x}) log x - 1 >= (1 - e^{-x})(M + 2) - 1 = M + 1 - (M + 2) e^{-x} >= M, since (M + 2) e^{-x} <= (M + 2) e^{-e^{M+2}} <= 1. The threshold is not sharp: the gap is about log(n e) - 1 for large n (gap = log(n e) - (n-1)/n - (log(1/e) - KL), and log(1/e) - KL >= 0 tends to 0: ours.kl-le-log-inv-eps-inf, ours.kl-tends-to-log-inv-eps-inf), so n e of about e^{M+1} suffices and e^{M+1/2} does not (the near miss).",
  "lemma2.pmf-le-drawn-at-least-once":
    "Best-of-n can return y only if y is among the n draws, which happens with probability 1 - (1 - p(y))^n. Equal exactly for the top outcome alone in its level (it is returned whenever it is drawn: pi_n = 1 - (1 - e)^n), and for every outcome when n = 1 (pi_1 = p).",
  "lemma2.kl-le-expected-upper":
    "KL = E_{y ~ pi_n} log(pi_n(y)/p(y)) (Eq. 24), and pi_n(y) <= 1 - (1 - p(y))^n (Eq. 25, lemma2.pmf-le-drawn-at-least-once) term by term. So the slack is sum_y pi_n(y) log((1 - (1 - p(y))^n)/pi_n(y)), each term >= 0; a case whose slack is far below the working precision is decided by these terms in log space. Equal exactly when n = 1 or p is a point mass; otherwise some outcome below the top, or a tied top outcome, has a positive term.",
  "conj.expected-estimate-ge-kl":
    "Splitting pi_n = (1 - q) pi_top + q pi_n' as in identity.estimate-minus-kl-factors, with the top outcome alone in its level: E[KLhat(eps_n)] - KL = q B, B = E_{y ~ pi_n'}[KLhat(p(y))] - KLhat(e) + gap(p'), which decides cases with tiny q (log slack = n log(1 - e) + log B). If KLhat is non-increasing in e (issue 15, section 3), then KLhat(p(y)) >= KLhat(p'(y)) since p(y) = (1 - e) p'(y), and B >= (E_{pi_n'}[KLhat(p'(y))] - KL(pi_n' || p')) + A(e, n): the conjecture on p' plus A >= 0, so the conjecture follows by induction over the levels (a tied top level adds (1 - q) times the mean of KLhat over the tied masses minus KLhat(e), >= 0 by the same monotonicity). Equal exactly when n = 1 or p is a point mass.",
  "conj.expected-upper-minus-kl-le-fraction": "Equal exactly when n = 1 (both sides 0).",
  "ours.upper-looseness-tends-to-fraction":
    "E[KLhat_1(eps_n)] - KL - (n-1)/n = E[log((1 - (1 - p(y))^n)/(n p(y)))] + gap. The gap is >= 0 (Theorem 1, also with ties), and n p (1 - (n-1) p/2) <= 1 - (1 - p)^n (Bonferroni), so each log is >= log(1 - (n-1) p/2) >= -(n-1) p >= -(n-1) delta when (n-1) delta/2 <= 1/2 (-log(1 - x) <= 2x for x <= 1/2). Hence the looseness is >= (n-1)/n - (n-1) delta = ((n-1)/n)(1 - n delta); with conj.expected-upper-minus-kl-le-fraction it lies in [((n-1)/n)(1 - n delta), (n-1)/n] and tends to (n-1)/n as n delta -> 0. Equal exactly when n = 1.",
  "identity.upper-minus-estimate":
    "From Eq. (28), KLhat_1 - KLhat = q (KLhat_1 - log n - (n-1) log(1 - e) + (n-1)/n) = q [(n-1)/n + log((1 - q)/(n e (1 - e)^(n-1)))]. The log is >= 0: 1 - q = e sum_{i=0}^{n-1} (1 - e)^i, and by AM-GM the mean of the (1 - e)^i is at least their geometric mean (1 - e)^((n-1)/2) >= (1 - e)^(n-1).",
  "ours.estimate-le-upper":
    "KLhat_1 - KLhat = q [(n-1)/n + log((1 - q)/(n e (1 - e)^(n-1)))] >= q (n-1)/n (identity.upper-minus-estimate, AM-GM). Equal exactly when n = 1 or e = 1 (both 0); strict cases with tiny q are decided in this factored form.",
  "fig2.uniform-kl-le-log-L":
    "For uniform p, log L - KL(pi_n || p) = log L - sum_y pi_n(y) log(L pi_n(y)) = H(pi_n), the entropy of pi_n, a sum of terms P_k log(1/P_k) >= 0 (decided term by term in log space when the slack is tiny). Equal exactly when L = 1.",
  "ours.kl-nondecreasing-in-n":
    "With D_m = log(1/e) - KL(pi_m || p) = q_m L_m (ours.kl-le-log-inv-eps-inf), KL_{n+1} - KL_n = D_n - D_{n+1} = q_n (L_n - (1 - e) L_{n+1}), which decides cases with tiny q_n. Equal exactly when p has one reward level (KL = 0 for every n).",
  "ours.kl-le-log-inv-eps-inf":
    "From pi_n = (1 - q) pi_top + q pi_n' (identity.estimate-minus-kl-factors): log(1/e) - KL(pi_n || p) = h(q) + q log((1 - e)/e) - q KL(pi_n' || p') = q L_n with L_n = -n log(1 - e) + (1 - q)(-log(1 - q)/q) + log((1 - e)/e) - KL(pi_n' || p'), h the binary entropy; cases with tiny q are decided by log q + log L_n. Equal exactly when p has one reward level.",
  "ours.kl-tends-to-log-inv-eps-inf":
    "By the same decomposition, h(q) + q log((1 - e)/e) - (log(1/e) - KL(pi_n || p)) = q KL(pi_n' || p') exactly: the slack of this bound, >= 0, and the data-processing argument of the statement made exact. Equal exactly when p has one level (q = 0), n = 1, or two levels (p' is a point mass): the bound is attained there. Otherwise log slack = n log(1 - e) + log KL(pi_n' || p').",
  "cor2.gap-le-delta": "Theorem 2 with H_2 >= log(1/delta) (the paper's proof). Equal exactly when n = 1 (both sides 0).",
  "thm2.gap-le-renyi2": "Equal exactly when n = 1 (both sides 0). The ratio gap / bound never exceeds (ln 2 - 1/2)/4, reached at a point mass with n = 2 (tightness below).",
};
