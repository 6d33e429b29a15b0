import * as z from 'zod/mini';
import { apiErrorBodySchema } from '../../shared/api-error-schema';
import { requestApiAnswer, type ApiAnswer } from './api-answer';
import { ViewerError } from './viewer-error';

/**
 * The one transport: GET a proxy route (or take an answer already under way for it), parse success
 * with `schema`, failures into ViewerError.
 */
export async function fetchApiJson<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  signal?: AbortSignal,
  answerUnderWay?: Promise<ApiAnswer>,
): Promise<T> {
  let answer: ApiAnswer;
  try {
    answer = await (answerUnderWay ?? requestApiAnswer(path, signal));
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ViewerError({ code: 'network', message: 'network request failed', retryable: true });
  }
  if (answer.ok) {
    const parsed = z.safeParse(schema, answer.body);
    if (parsed.success) return parsed.data;
  } else {
    const parsedError = z.safeParse(apiErrorBodySchema, answer.body);
    if (parsedError.success) throw ViewerError.fromApi(parsedError.data.error, answer.status);
  }
  throw new ViewerError({
    code: 'bad_proxy_response',
    message: `unexpected ${answer.status} answer from ${path}`,
    retryable: answer.status >= 500,
    httpStatus: answer.status,
  });
}
