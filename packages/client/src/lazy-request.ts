/**
 * The `Request` class the resource methods give openapi-fetch (its per-call `Request` option).
 * openapi-fetch builds one per call and hands it to the middleware, then to the retrying fetch.
 * A real `Request` there is wasted work: Node's fetch, given one, takes it apart and builds its
 * own, and the two cost about as much as the rest of the call. This one keeps the URL and the
 * init as openapi-fetch gave them (the body still the string it serialized, so every attempt
 * can send it again) and builds a real `Request` only when something reads a member other than
 * `url`, `method` and `headers`.
 *
 * It stands in for a Request without being one (`instanceof Request` is false), so it is used
 * only while no middleware of the caller's is on `raw` (see `createSipEndpointsClient`): our own
 * auth middleware only sets a header. Calls through `raw`, and every call once the caller adds
 * middleware, use real Requests.
 */
export class LazyRequest {
  readonly url: string;
  readonly method: string;
  /** The headers fetch sends: middleware changes them here, as on a real Request. */
  readonly headers: Headers;
  readonly #init: RequestInit;
  #real: Request | undefined;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.#init = init;
  }

  /** The init openapi-fetch gave, when `request` is a LazyRequest (send it with `request.headers`). */
  static initOf(request: object): Readonly<RequestInit> | undefined {
    return #init in request ? request.#init : undefined;
  }

  /** The caller's signal when there is one; reading it otherwise builds the real Request. */
  get signal(): AbortSignal {
    return this.#init.signal ?? this.toRequest().signal;
  }

  /** The real Request this one stands for, built once, on first need. */
  toRequest(): Request {
    return (this.#real ??= new Request(this.url, { ...this.#init, headers: this.headers }));
  }

  // openapi-fetch checks what a middleware returns with `instanceof` this class: a real Request
  // a middleware built must pass too.
  static [Symbol.hasInstance](value: unknown): boolean {
    return (typeof value === 'object' && value !== null && #init in value) || value instanceof Request;
  }
}

// Every other member of Request (body, clone(), json(), cache, …) reads from the real Request.
for (const key of Object.getOwnPropertyNames(Request.prototype)) {
  if (key in LazyRequest.prototype || key === 'url' || key === 'method' || key === 'headers') continue;
  Object.defineProperty(LazyRequest.prototype, key, {
    get(this: LazyRequest) {
      const real = this.toRequest();
      const value: unknown = Reflect.get(real, key);
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}
