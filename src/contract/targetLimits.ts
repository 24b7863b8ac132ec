/** Requests a target cannot carry to the implementation, each with the reason a skipped step reports. */
export interface TargetLimits {
  /** Spec-invalid requests (a validating proxy answers them itself). */
  invalid?: string;
  /** A GET with a body. */
  getBody?: string;
  /** A body that is not valid UTF-8. */
  binaryBody?: string;
  /** A chunked upload without Content-Length. */
  chunked?: string;
}
