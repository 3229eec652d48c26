// How the app writes dates, money, bands and grades.

/** Grades are letters on one scale (A, B, … O on the engineering ladder). */
export function gradeIndex(grade: string): number | null {
  return /^[A-Z]$/.test(grade) ? grade.charCodeAt(0) - 65 : null;
}

export function gradeLetter(index: number): string {
  return index >= 0 && index < 26 && Number.isInteger(index) ? String.fromCharCode(65 + index) : "";
}

export function formatBand(band: { min: string; max: string }): string {
  return band.min === band.max ? `grade ${band.min}` : `grades ${band.min}–${band.max}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** "2024-03-01" → "1 Mar 2024"; anything unparsable is shown as it came. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const time = Date.parse(isoDate);
  return Number.isNaN(time) ? isoDate : dateFormat.format(new Date(time));
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount.toLocaleString("en-GB")} ${currency}`;
  }
}

export function formatRole(role: { role: string; group: string | null }): string {
  return role.group ? `${role.role} (${role.group})` : role.role;
}
