/**
 * Where background work says what it did (an onboarding step started or finished, an unlink began
 * or completed): one line per move, with the merchant and the link; `warn` for a side step that failed
 * without failing the work (it is repaired later). The process's logger fits it.
 */
export interface ActivityLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const silentActivityLog: ActivityLog = { info: () => undefined, warn: () => undefined };
