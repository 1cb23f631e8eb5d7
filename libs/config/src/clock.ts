/** Where the engine reads the time; tests fix it. Also its DI token. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that reads a fixed instant plus the real time elapsed since it was made (time still moves forward). */
export class ShiftedClock extends Clock {
  private readonly shift: number;

  constructor(start: Date) {
    super();
    this.shift = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.shift);
  }
}
