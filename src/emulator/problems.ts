import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { ErrorFormat } from './error-format.js';

export type { ErrorFormat } from './error-format.js';

/** Which of the three legacy bodies an error has when `legacy` is chosen. */
type LegacyShape = 'object' | 'list' | 'field';

export interface ProblemItem {
  detail: string;
  /** JSON Pointer into the request (body, or a query parameter as `/name`). */
  pointer?: string;
  /** The field name a legacy `{errors: {field: [...]}}` body files the message under. */
  field?: string;
}

/** An HTTP answer other than success; its body is rendered in the emulator's error format. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly shape: LegacyShape,
    readonly errors: ProblemItem[] = [],
  ) {
    super(`HTTP ${status}: ${detail}`);
  }
}

/** An invalid field or parameter: `{errors: {field: [message]}}` in the legacy format. */
export const fieldError = (status: number, field: string, message: string, pointer = `/${field}`) =>
  new Problem(status, 'Validation failed', 'field', [{ detail: message, pointer, field }]);
/** A request-level refusal: `{errors: [message]}` in the legacy format. */
export const listError = (status: number, message: string) => new Problem(status, message, 'list');
/** A refusal about the resource or the caller: `{error: {message, reference}}` in the legacy format. */
export const objectError = (status: number, message: string) => new Problem(status, message, 'object');

export const PROBLEM_JSON = 'application/problem+json;charset=utf-8';
export const HAL_JSON = 'application/hal+json;charset=utf-8';

/** The body and media type of an error answer, in the chosen format. */
export function renderProblem(
  problem: Problem,
  format: ErrorFormat,
  instance: string,
): { contentType: string; body: unknown } {
  if (format === 'problem') {
    return {
      contentType: PROBLEM_JSON,
      body: {
        type: 'about:blank',
        title: STATUS_CODES[problem.status] ?? 'Error',
        status: problem.status,
        detail: problem.detail,
        instance,
        ...(problem.errors.length
          ? {
              errors: problem.errors.map((e) => ({
                detail: e.detail,
                ...(e.pointer === undefined ? {} : { pointer: e.pointer }),
              })),
            }
          : {}),
      },
    };
  }
  return { contentType: HAL_JSON, body: legacyBody(problem) };
}

function legacyBody(problem: Problem): unknown {
  switch (problem.shape) {
    case 'object':
      return { error: { message: problem.detail, reference: randomUUID().slice(0, 8) } };
    case 'list':
      return { errors: problem.errors.length ? problem.errors.map((e) => e.detail) : [problem.detail] };
    case 'field': {
      const byField: Record<string, string[]> = {};
      for (const e of problem.errors) (byField[e.field ?? 'base'] ??= []).push(e.detail);
      return { errors: byField };
    }
  }
}
