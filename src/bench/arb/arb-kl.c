/*
 * arb-kl: the bench's Arb anchor. KL(pi_n || p) (Beirami et al., Eq. 3) certified with FLINT's arb ball
 * arithmetic, for the same inputs as bonkl: each p_i is the exact binary64 value of a JSON number, and p is
 * normalised by its exact sum.
 *
 * A straightforward loop: F_i = (p_1 + ... + p_i) / total, pi_i = exp(n log F_i) - exp(n log F_{i-1}),
 * KL = sum_i pi_i log(pi_i / p_i). It runs at 128 bits and doubles the precision until the ball meets the
 * accuracy bonkl serve asks for `digits` digits (width <= 10^-(digits+2) |x|, or width <= 10^-(digits+10)),
 * up to 65536 bits, like bonkl's adaptive loop.
 *
 * Input on stdin: "n digits repeat L" then L numbers (decimal text as JavaScript prints doubles; strtod reads
 * each back to the same binary64). Output on stdout, one JSON line:
 *   {"seconds": best time of `repeat` runs, "precision": bits of the last pass, "passes": k,
 *    "value": arb's decimal of the ball, "lo": {"m": "...", "e": "..."}, "hi": {...}}
 * where lo = m 2^e and hi are rigorous lower and upper bounds of the exact KL.
 * Build: cc -O2 arb-kl.c -lflint (FLINT 3), or -lflint-arb -lflint (Debian's Arb 2), or -larb -lflint.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__has_include)
#if __has_include(<flint/arb.h>)
#include <flint/arb.h>
#else
#include <arb.h>
#endif
#else
#include <arb.h>
#endif

#define START_PRECISION 128
#define MAX_PRECISION 65536

static void fail(const char *what) {
    fprintf(stderr, "arb-kl: %s\n", what);
    exit(2);
}

/* 10^-k as a lower bound (an arf), at 64 bits. */
static void ten_to_minus_lower(arf_t out, slong k) {
    arb_t t;
    arb_init(t);
    arb_ui_pow_ui(t, 10, (ulong)k, 64);
    arb_inv(t, t, 64);
    arb_get_lbound_arf(out, t, 64);
    arb_clear(t);
}

/* bonkl serve's acceptance test for `digits` digits, decided with directed bounds. */
static int meets_accuracy(const arb_t x, slong digits) {
    int ok = 0;
    arf_t width, bound, magnitude;
    if (!arb_is_finite(x)) return 0;
    arf_init(width);
    arf_init(bound);
    arf_init(magnitude);
    arf_set_mag(width, arb_radref(x));
    arf_mul_2exp_si(width, width, 1); /* width = 2 rad, exact */
    ten_to_minus_lower(bound, digits + 10);
    if (arf_cmp(width, bound) <= 0) {
        ok = 1;
    } else if (!arb_contains_zero(x)) {
        ten_to_minus_lower(bound, digits + 2);
        arb_get_abs_lbound_arf(magnitude, x, 64);
        arf_mul(bound, bound, magnitude, 64, ARF_RND_DOWN);
        ok = arf_cmp(width, bound) <= 0;
    }
    arf_clear(width);
    arf_clear(bound);
    arf_clear(magnitude);
    return ok;
}

/* KL(pi_n || p) at working precision prec, into kl. */
static void kl_at(arb_t kl, const double *p, slong L, double n, slong prec) {
    arb_t total, cum, t, nn, power, previous, P;
    slong i;
    arb_init(total);
    arb_init(cum);
    arb_init(t);
    arb_init(nn);
    arb_init(power);
    arb_init(previous);
    arb_init(P);
    arb_set_d(nn, n); /* exact: n is an integer below 2^53 */
    arb_zero(total);
    for (i = 0; i < L; i++) {
        arb_set_d(t, p[i]); /* exact binary64 */
        arb_add(total, total, t, prec);
    }
    arb_zero(cum);
    arb_zero(previous); /* F_0^n = 0 */
    arb_zero(kl);
    for (i = 0; i < L; i++) {
        if (p[i] == 0) continue; /* pi_i = 0: the term is 0 */
        arb_set_d(t, p[i]);
        arb_add(cum, cum, t, prec);
        arb_div(t, cum, total, prec);
        arb_log(t, t, prec);
        arb_mul(t, t, nn, prec);
        arb_exp(power, t, prec); /* F_i^n */
        arb_sub(P, power, previous, prec);
        arb_swap(previous, power);
        /* pi_i log(pi_i / p_i), p_i normalised: log(P total / p_i) */
        arb_set_d(power, p[i]); /* power is free until the next F_i^n */
        arb_mul(t, P, total, prec);
        arb_div(t, t, power, prec);
        arb_log(t, t, prec);
        arb_mul(t, t, P, prec);
        arb_add(kl, kl, t, prec);
    }
    arb_clear(total);
    arb_clear(cum);
    arb_clear(t);
    arb_clear(nn);
    arb_clear(power);
    arb_clear(previous);
    arb_clear(P);
}

/* Certifies to `digits` digits: 128 bits, doubled until accurate. Returns the last precision. */
static slong certify(arb_t kl, const double *p, slong L, double n, slong digits, int *passes) {
    slong prec;
    *passes = 0;
    for (prec = START_PRECISION;; prec *= 2) {
        kl_at(kl, p, L, n, prec);
        (*passes)++;
        if (meets_accuracy(kl, digits) || prec >= MAX_PRECISION) return prec;
    }
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void print_bound(const char *name, const arf_t x) {
    fmpz_t m, e;
    char *ms, *es;
    fmpz_init(m);
    fmpz_init(e);
    arf_get_fmpz_2exp(m, e, x);
    ms = fmpz_get_str(NULL, 10, m);
    es = fmpz_get_str(NULL, 10, e);
    printf("\"%s\": {\"m\": \"%s\", \"e\": \"%s\"}", name, ms, es);
    flint_free(ms);
    flint_free(es);
    fmpz_clear(m);
    fmpz_clear(e);
}

int main(void) {
    double n;
    long digits, repeat, L, i;
    double *p, best = -1;
    arb_t kl;
    arf_t lo, hi;
    slong prec = 0;
    int passes = 0, r;
    char *text;
    if (scanf("%lf %ld %ld %ld", &n, &digits, &repeat, &L) != 4) fail("expected \"n digits repeat L\" on the first line");
    if (!(n >= 1 && n <= 9007199254740991.0) || n != (double)(long long)n) fail("n must be a positive integer up to 2^53 - 1");
    if (digits < 1 || digits > 300 || repeat < 1 || L < 1) fail("digits must be 1..300, repeat and L positive");
    p = malloc(sizeof(double) * (size_t)L);
    text = malloc(64);
    if (p == NULL || text == NULL) fail("out of memory");
    for (i = 0; i < L; i++) {
        char *end;
        if (scanf("%63s", text) != 1) fail("fewer numbers than L");
        errno = 0;
        p[i] = strtod(text, &end);
        if (*end != '\0' || errno != 0 || !(p[i] >= 0)) {
            fprintf(stderr, "arb-kl: p[%ld]: not a finite non-negative number: %s\n", i, text);
            return 2;
        }
    }
    arb_init(kl);
    for (r = 0; r < repeat; r++) {
        double t = now_seconds();
        prec = certify(kl, p, L, n, digits, &passes);
        t = now_seconds() - t;
        if (best < 0 || t < best) best = t;
    }
    arf_init(lo);
    arf_init(hi);
    arb_get_lbound_arf(lo, kl, 2 * prec + 64); /* rounded down: still a lower bound */
    arb_get_ubound_arf(hi, kl, 2 * prec + 64); /* rounded up */
    {
        char *value = arb_get_str(kl, digits, 0);
        printf("{\"seconds\": %.9f, \"precision\": %ld, \"passes\": %d, \"accurate\": %s, \"value\": \"%s\", ", best, (long)prec, passes,
               meets_accuracy(kl, digits) ? "true" : "false", value);
        flint_free(value);
    }
    print_bound("lo", lo);
    printf(", ");
    print_bound("hi", hi);
    printf("}\n");
    arf_clear(lo);
    arf_clear(hi);
    arb_clear(kl);
    free(p);
    free(text);
    flint_cleanup();
    return 0;
}
