/** Errors of the HTTP envelope itself (not of the domain). */
export class InvalidJsonError extends Error {
  override readonly name = 'InvalidJsonError';
  constructor() {
    super('The request body is not valid JSON.');
  }
}

export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
  constructor() {
    super('The request body must be application/json.');
  }
}

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}
