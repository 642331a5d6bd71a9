// Dates as the user reads them, in their locale, to the minute ("12 Feb 2025, 15:00"), from
// HighLevel's ISO strings or its "2025-02-12 15:00:00".
const FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export const when = (iso?: string) => (iso ? new Date(iso.replace(' ', 'T')).toLocaleString(undefined, FORMAT) : '');
