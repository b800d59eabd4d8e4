// Number formatting for Chinese messages: fixed decimals, a true minus sign, no "-0".
const SYMBOLS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

export function num(x: number, digits: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : '—';
  const s = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

export function comparatorSymbol(cmp: string): string {
  return SYMBOLS[cmp] ?? cmp;
}
