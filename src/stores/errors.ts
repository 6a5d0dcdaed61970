/**
 * The database could not be reached or did not answer in time. The web layer answers 503 with Retry-After;
 * nothing was written, so the client may safely try again.
 */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
