import * as z from 'zod/mini';
import { apiErrorBodySchema } from '../../shared/api-error-schema';
import { ViewerError } from './viewer-error';

/** The one transport: GET a proxy route, parse success with `schema`, failures into ViewerError. */
export async function fetchApiJson<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ViewerError({ code: 'network', message: 'network request failed', retryable: true });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = z.safeParse(schema, body);
    if (parsed.success) return parsed.data;
  } else {
    const parsedError = z.safeParse(apiErrorBodySchema, body);
    if (parsedError.success) throw ViewerError.fromApi(parsedError.data.error, response.status);
  }
  throw new ViewerError({
    code: 'bad_proxy_response',
    message: `unexpected ${response.status} answer from ${path}`,
    retryable: response.status >= 500,
    httpStatus: response.status,
  });
}
