/**
 * An operation refused for a reason the user can act on. The message is Chinese and says what to do; the UI shows it
 * as it is and nothing has changed.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}
