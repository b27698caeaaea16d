/** Where an unlink request stands (U2–U6). */
export enum UnlinkRequestState {
  /** Waits until every order is outside its return window (U3). Can be withdrawn (U4). */
  WAITING = 'WAITING',
  WITHDRAWN = 'WITHDRAWN',
  /** Unlinking has begun (U5); it completes after the processing time. */
  UNLINKING = 'UNLINKING',
  COMPLETED = 'COMPLETED',
}
