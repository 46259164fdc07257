/**
 * Why the client would not send a request or open a connection. Thrown from inside the
 * connector too, so a refusal found after DNS resolution reaches the caller as itself.
 */
export class OutboundRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'OutboundRefusal';
  }
}

/** The response body passed the step's size cap. */
export class ResponseTooLarge extends Error {
  constructor(limit: number) {
    super(`The response is larger than ${limit} bytes`);
    this.name = 'ResponseTooLarge';
  }
}
