// negotiator (jshttp) ships no types; only the part the engine uses
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    language(available: readonly string[]): string | undefined;
  }
}
