// Log of recent API requests (method, path, status, location, time, duration, injected fault) and
// running counts by status, for the admin API. Admin and partner-page requests are not recorded.

export interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  status: number; // 0 = connection dropped
  locationId: string | null;
  durationMs: number;
  fault: string | null;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  total = 0;
  byStatus: Record<string, number> = {};

  constructor(private readonly capacity = 2000) {}

  add(e: LoggedRequest): void {
    this.entries.push(e);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    this.total++;
    const k = String(e.status);
    this.byStatus[k] = (this.byStatus[k] ?? 0) + 1;
  }

  recent(limit: number): LoggedRequest[] {
    return this.entries.slice(-limit);
  }

  counts() {
    return { total: this.total, byStatus: { ...this.byStatus }, rateLimited: this.byStatus['429'] ?? 0, dropped: this.byStatus['0'] ?? 0 };
  }

  reset(): void {
    this.entries = [];
    this.total = 0;
    this.byStatus = {};
  }
}
