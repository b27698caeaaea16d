import { Clock } from '../../src/shared/clock';

/** A clock that only moves when a test moves it. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date = new Date('2026-03-02T09:00:00.000Z')) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  advanceSeconds(seconds: number): void {
    this.advance(seconds * 1000);
  }
}
