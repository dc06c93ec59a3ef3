import type { RaisedAlert } from '../../../../src-shared/ipc/snapshot';
import type { AlertDelivery, RaisedAlertStore } from '../../../../src-main/alerts/raised-alert-store';

/** RaisedAlertStore over a Map, for unit tests only; the app uses the SQLite one in src-main/db. */
export class InMemoryAlertStore implements RaisedAlertStore {
  private readonly alerts = new Map<string, RaisedAlert>();

  has(key: string): boolean {
    return this.alerts.has(key);
  }

  record(alert: RaisedAlert): boolean {
    if (this.alerts.has(alert.key)) return false;
    this.alerts.set(alert.key, { ...alert });
    return true;
  }

  setDelivery(key: string, delivery: AlertDelivery): void {
    const alert = this.alerts.get(key);
    if (alert) alert.delivery = delivery;
  }

  list(query: { delivery?: AlertDelivery; limit?: number } = {}): RaisedAlert[] {
    return [...this.alerts.values()]
      .filter((a) => query.delivery === undefined || a.delivery === query.delivery)
      .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || a.key.localeCompare(b.key))
      .slice(0, query.limit ?? Number.POSITIVE_INFINITY)
      .map((a) => ({ ...a }));
  }
}
