import type { AlertSeverity, TensionAlertKind } from './domain-enums';

/**
 * An early warning that one value is acting to the detriment of the other (seed 001), raised
 * over an improvement cycle by `tensionAlerts` in libs/domain.
 */
export interface TensionAlert {
  kind: TensionAlertKind;
  severity: AlertSeverity;
  /** One sentence for people: what moved, from what to what. */
  explanation: string;
  /** The measures whose readings raised the alert. */
  measureIds: string[];
  /** The readings that raised the alert (first and last reading of the cycle of each measure). */
  readingIds: string[];
}
