// Dates as the user reads them, in their locale ("2025-02-12 15:00:00" or ISO from HighLevel).
export const when = (iso?: string) => (iso ? new Date(iso.replace(' ', 'T')).toLocaleString() : '');
