/**
 * HTTP responses in code: which construct sends which status, and which constructs refuse a request
 * (a 4xx response, a thrown access/permission error, a Mirth filter returning false).
 */
import type { CodeModel } from '../core/code-model';
import type { CallNode, IrNode } from '../core/ir';
import { walk } from '../core/ir';
import { argument, calleeLast, calleeName, numberValue } from './values';

/** Status codes by the names frameworks give them. */
const NAMED_STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  BadRequest: 400,
  HTTP_400_BAD_REQUEST: 400,
  Status400BadRequest: 400,
  UNAUTHORIZED: 401,
  Unauthorized: 401,
  HTTP_401_UNAUTHORIZED: 401,
  Status401Unauthorized: 401,
  PAYMENT_REQUIRED: 402,
  PaymentRequired: 402,
  HTTP_402_PAYMENT_REQUIRED: 402,
  Status402PaymentRequired: 402,
  FORBIDDEN: 403,
  Forbidden: 403,
  HTTP_403_FORBIDDEN: 403,
  Status403Forbidden: 403,
  SC_FORBIDDEN: 403,
  NOT_FOUND: 404,
  NotFound: 404,
  NOT_ACCEPTABLE: 406,
  NotAcceptable: 406,
  HTTP_406_NOT_ACCEPTABLE: 406,
  Status406NotAcceptable: 406,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UnsupportedMediaType: 415,
  HTTP_415_UNSUPPORTED_MEDIA_TYPE: 415,
  Status415UnsupportedMediaType: 415,
  UNPROCESSABLE_ENTITY: 422,
  UnprocessableEntity: 422,
  HTTP_422_UNPROCESSABLE_ENTITY: 422,
  Status422UnprocessableEntity: 422,
  TOO_MANY_REQUESTS: 429,
  TooManyRequests: 429,
  HTTP_429_TOO_MANY_REQUESTS: 429,
  Status429TooManyRequests: 429,
  SERVICE_UNAVAILABLE: 503,
  ServiceUnavailable: 503,
  NOT_IMPLEMENTED: 501,
  NotImplemented: 501,
  HTTP_501_NOT_IMPLEMENTED: 501,
  Status501NotImplemented: 501,
};

/** Helpers that build a response with a fixed status (ASP.NET, Nest, Spring, Django, ...). */
const STATUS_HELPERS: Record<string, number> = {
  BadRequest: 400,
  BadRequestObjectResult: 400,
  BadRequestResult: 400,
  HttpResponseBadRequest: 400,
  BadRequestException: 400,
  Unauthorized: 401,
  UnauthorizedResult: 401,
  UnauthorizedException: 401,
  Forbid: 403,
  ForbidResult: 403,
  Forbidden: 403,
  ForbiddenException: 403,
  HttpResponseForbidden: 403,
  PermissionDenied: 403,
  AccessDeniedException: 403,
  AccessDenied: 403,
  ForbiddenOperationException: 403,
  ForbiddenError: 403,
  forbidden: 403,
  PermissionError: 403,
  NotAcceptable: 406,
  NotAcceptableException: 406,
  UnprocessableEntity: 422,
  UnprocessableEntityObjectResult: 422,
  UnprocessableEntityException: 422,
  UnsupportedMediaTypeException: 415,
  PaymentRequiredException: 402,
  PaymentRequiredError: 402,
  HttpResponsePaymentRequired: 402,
  UnsupportedMediaTypeResult: 415,
  NotImplementedException: 501,
};

/** The status of a helper or exception by its name (`Forbid`, `PermissionDenied`, `ForbiddenException`), if it has a fixed one. */
export function helperStatus(name: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(STATUS_HELPERS, name) ? STATUS_HELPERS[name] : undefined;
}

/** The literal status a call sends, if any: `res.status(403)`, `StatusCode(403)`, `abort(403)`, `Forbid()`, `ResponseEntity.status(HttpStatus.FORBIDDEN)`. */
export function statusOf(model: CodeModel, call: CallNode): number | undefined {
  const last = calleeLast(call);
  if (last in STATUS_HELPERS) return STATUS_HELPERS[last];
  if (/^(status|sendStatus|StatusCode|abort|setStatus|status_code|HttpResponse|Response|JSONResponse|HTTPException|ResponseStatusException|WebApplicationException|HttpException|code|writeHead|ObjectResult|StatusCodeResult|Problem|error|make_response|sendError|throw|ResponseEntity|HttpResponseMessage|HttpStatusCodeResult|JsonResponse)$/.test(last)) {
    const arg = argument(call, 0, 'status', 'status_code', 'statusCode', 'code') ?? call.args[call.args.length - 1];
    const named = argument(call, -1, 'status', 'status_code', 'statusCode');
    for (const candidate of [named, arg, ...call.args]) {
      const status = statusValue(model, candidate?.value);
      if (status !== undefined) return status;
    }
  }
  // C# object initializer: new ObjectResult(body) { StatusCode = 403 }
  if (call.isNew && call.initializer?.kind === 'object') {
    const prop = call.initializer.properties.find((p) => p.key === 'StatusCode');
    if (prop) return statusValue(model, prop.value);
  }
  return undefined;
}

/** The status an assignment sets: `ctx.status = 403`, `res.statusCode = 403`, `Response.StatusCode = StatusCodes.Status403Forbidden`. */
export function statusAssigned(model: CodeModel, target: IrNode, value: IrNode): number | undefined {
  const property = target.kind === 'member' ? target.property : target.kind === 'name' ? target.name : '';
  if (!/^(status|statusCode|StatusCode|status_code)$/.test(property)) return undefined;
  return statusValue(model, value);
}

/** A status code from a number or a named constant (`HttpStatus.FORBIDDEN`, `status.HTTP_403_FORBIDDEN`, `StatusCodes.Status403Forbidden`). */
export function statusValue(model: CodeModel, node: IrNode | undefined): number | undefined {
  if (!node) return undefined;
  const n = numberValue(model, node);
  if (n !== undefined && n >= 100 && n < 600) return n;
  if (node.kind === 'member' && node.property in NAMED_STATUS) return NAMED_STATUS[node.property];
  if (node.kind === 'name' && node.name in NAMED_STATUS) return NAMED_STATUS[node.name];
  return undefined;
}

/** Whether a subtree refuses the request: throws, sends a 4xx/5xx, or (Mirth) returns false from a filter. */
export function isRejection(model: CodeModel, node: IrNode): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === 'function' && n !== node) return false;
    if (n.kind === 'throw') found = true;
    else if (n.kind === 'call' && !n.isDecorator) {
      const status = statusOf(model, n);
      if (status !== undefined && status >= 400) found = true;
      else if (/^(reject|deny|refuse|decline|Reject|Deny|Refuse|Decline)([A-Z]\w*)?$/.test(calleeLast(n))) found = true;
    } else if (n.kind === 'return' && n.value?.kind === 'boolean' && n.value.value === false && model.embedding?.host === 'mirth') found = true;
  });
  return found;
}

/** Every call in a subtree whose callee mentions one of the given words (case-insensitive, by identifier words). */
export function callsNamed(node: IrNode, test: (callee: string) => boolean): CallNode[] {
  const out: CallNode[] = [];
  walk(node, (n) => {
    if (n.kind === 'call' && !n.isDecorator && test(calleeName(n))) out.push(n);
  });
  return out;
}
