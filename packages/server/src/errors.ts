/**
 * Domain errors: an HTTP status and a stable machine `code` clients can branch on. Throw these from
 * commands and services; the one error handler (http/error-handler.ts) presents them.
 */

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * @example throw new AppError(404, "report_not_found", "report r_123 does not exist")
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetail[]) => new AppError(400, code, message, details);
export const unauthorized = (message: string) => new AppError(401, "unauthorized", message);
export const forbidden = (message: string) => new AppError(403, "forbidden", message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const unprocessable = (code: string, message: string, details?: ErrorDetail[]) => new AppError(422, code, message, details);
