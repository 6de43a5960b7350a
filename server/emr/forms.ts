// Reading EMR request bodies: URL-encoded forms and small JSON documents, bounded in size.
import type { Context } from 'koa';
import { BadRequest, HttpError } from '../http/errors.js';

const LIMIT = 256 * 1024;

async function raw(ctx: Context): Promise<string> {
  const { default: getRawBody } = await import('raw-body');
  try {
    return await getRawBody(ctx.req, { limit: LIMIT, encoding: 'utf8' });
  } catch (err) {
    if ((err as { type?: string }).type === 'entity.too.large') throw new HttpError(413, `The form is larger than ${LIMIT / 1024} KB.`);
    throw new BadRequest(`The request body could not be read (${(err as Error).message}).`);
  }
}

export async function readForm(ctx: Context): Promise<URLSearchParams> {
  const text = await raw(ctx);
  try {
    return new URLSearchParams(text);
  } catch {
    throw new BadRequest('The form body is not valid application/x-www-form-urlencoded.');
  }
}

export async function readJson(ctx: Context): Promise<Record<string, unknown>> {
  const text = await raw(ctx);
  try {
    const value = JSON.parse(text || '{}') as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new BadRequest('Send a JSON object as the request body.');
  }
}

/** A return_url is honoured only when it is a path on this site (no open redirects). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\r\n]/.test(value)) return '/';
  return value;
}
