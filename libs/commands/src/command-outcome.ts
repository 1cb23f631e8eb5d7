/** What a command handler reports: the aggregate's state and version after the command, and where its events landed. */
export interface CommandOutcome<S> {
  readonly state: S;
  readonly version: number;
  /** Global position of the last event written; null when nothing was written. */
  readonly position: number | null;
}
