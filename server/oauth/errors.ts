// 401 means "who are you?": the request could not be authenticated, and the body says which check
// failed. 403 means "you may not": the caller is known, and the body names the rule that refused.
import { HttpError } from '../http/errors.js';

export class OAuthError extends HttpError {
  constructor(reason: string) {
    super(401, `OAuth: ${reason}`);
  }
}

export class Forbidden extends HttpError {
  constructor(rule: string) {
    super(403, `Permission denied: ${rule}`);
  }
}
