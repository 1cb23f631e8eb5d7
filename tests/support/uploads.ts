import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Reply, TestApp } from './test-app.js';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A real photo-like JPEG (a gradient, so each seed gives other bytes). */
export const jpeg = (seed = 0, width = 800, height = 600): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: 90 } } })
    .jpeg()
    .toBuffer();

export const png = (seed = 0): Promise<Buffer> =>
  sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 10, g: seed % 256, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();

/** Before a request sent without `app.call()`: the users the test's tokens name are in the directory (once accounts exist). */
const usersReady = (app: TestApp): Promise<void> => (app as { usersReady?: () => Promise<void> }).usersReady?.() ?? Promise.resolve();

/** POST /attachments with one part `file` (or the parts given), as a browser's FormData sends it. */
export const upload = async (
  app: TestApp,
  token: string,
  bytes: Uint8Array,
  name = '整改照片.jpg',
  options: { type?: string; parts?: Array<[string, Blob | string, string?]> } = {},
): Promise<Reply> => {
  const form = new FormData();
  if (options.parts) {
    for (const [field, value, filename] of options.parts) {
      if (typeof value === 'string') form.append(field, value);
      else form.append(field, value, filename);
    }
  } else {
    form.append('file', new Blob([bytes], { type: options.type ?? 'image/jpeg' }), name);
  }
  await usersReady(app);
  const response = await fetch(`${app.url}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
};

/** GET of bytes: the status, headers and the body as bytes. */
export const download = async (app: TestApp, path: string, token: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> => {
  await usersReady(app);
  const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
};
