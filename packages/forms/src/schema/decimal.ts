// Decimal-safe arithmetic for number and money fields: sums are done on scaled BigInts, so
// 0.1 + 0.2 totals 0.3 and a column of 1,000 amounts does not drift by a fen.

/** Decimal places of a finite number as written in its shortest form (1.25 → 2, 1e-7 → 7). */
export function decimalPlaces(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const s = String(n);
  const exp = s.match(/e([+-]\d+)$/);
  const mantissa = exp ? s.slice(0, s.indexOf("e")) : s;
  const dot = mantissa.indexOf(".");
  const places = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, places - (exp ? Number(exp[1]) : 0));
}

function toScaled(n: number, scale: number): bigint {
  const [int, frac = ""] = n.toFixed(Math.min(scale, 100)).replace("-", "").split(".");
  const v = BigInt(`${int}${frac.padEnd(scale, "0")}`);
  return n < 0 ? -v : v;
}

/**
 * Sums numbers without binary floating-point drift; non-numbers are skipped.
 * @example decimalSum([0.1, 0.2]) // 0.3
 */
export function decimalSum(values: readonly unknown[]): number {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const scale = Math.min(20, Math.max(0, ...nums.map(decimalPlaces)));
  let total = 0n;
  for (const n of nums) total += toScaled(n, scale);
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(`${neg ? "-" : ""}${text}`);
}

/**
 * Parses what a person typed into a number field: digits, one point, optional sign, thousands
 * separators (`1,234.50`) and full-width digits (common with Chinese input methods).
 * Returns undefined for anything else, so "12abc" is never silently read as 12.
 */
export function parseDecimalInput(text: string): number | undefined {
  const normal = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[,，]/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/** Formats money with thousands separators and exactly two decimals (`3,700.00`). */
export function formatMoney(n: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
