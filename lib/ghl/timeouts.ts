// The client's timeout for one request, headers and body (http.ts), without dependencies: the
// chaos browser test computes its bounds from it.
export const REQUEST_TIMEOUT_MS = 30_000;
