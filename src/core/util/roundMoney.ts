/**
 * A sum of money as printed: 12 significant digits, which drop the float noise of adding prices
 * (0.00006960000000000001 → 0.0000696) and keep far more than a cent's precision of any real bill. For output only:
 * sums are kept unrounded where they are added up.
 */
export function roundMoney(usd: number): number {
  return Number.isFinite(usd) ? Number(usd.toPrecision(12)) : usd;
}
