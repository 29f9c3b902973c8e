// The one error type of the package (re-exported by precis.js).

/** `code` says what went wrong: see precis.d.ts for the list. */
export class PrecisError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'PrecisError';
    this.code = code;
  }
}
