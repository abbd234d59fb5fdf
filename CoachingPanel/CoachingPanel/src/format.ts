// How dates and numbers read in the panel: the same as in every message the plugins write
// (Coaching.Core.Text.Display: invariant culture, UTC), so a reason and the panel never disagree.

/** Calendar date in UTC: "2026-11-01". */
export function formatDate(value: Date): string {
    return value.toISOString().substring(0, 10);
}

/** "1 day" / "5 days". */
export function formatCount(count: number, singular: string, plural: string): string {
    return `${count} ${count === 1 ? singular : plural}`;
}

/** Whole calendar days from `from` to `to` (UTC dates), as the review rule counts them. */
export function daysBetween(from: Date, to: Date): number {
    const day = 24 * 60 * 60 * 1000;
    const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
    return Math.round((end - start) / day);
}

/** "today", "in 3 days", "2 days ago". */
export function relativeDays(date: Date, now: Date): string {
    const days = daysBetween(now, date);
    if (days === 0) return "today";
    return days > 0 ? `in ${formatCount(days, "day", "days")}` : `${formatCount(-days, "day", "days")} ago`;
}

/** A Web API date-time string as a Date; null when absent or unreadable. */
export function parseDate(value: unknown): Date | null {
    if (typeof value !== "string" || value.length === 0) return null;
    const date = new Date(value);
    return isNaN(date.getTime()) ? null : date;
}
