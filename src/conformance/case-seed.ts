/**
 * The seed of one case family, derived from the run's seed, the domain and the family's group (FNV-1a, 32 bits):
 * deterministic, so every subject checked with the same seed sees the same cases (and shares oracle values), and
 * ops of the same group in a domain (bonPmf and klBon) see the same cases.
 */
export function familySeed(seed: number, domain: string, group: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${seed}/${domain}/${group}`) {
    hash ^= ch.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}
