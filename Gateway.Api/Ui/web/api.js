// The API client of the dashboard: every request carries the caller's credentials; an error keeps the API's message.
const TOKEN = 'acteon.token';

export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details ?? [];
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN),
  set: value => value ? sessionStorage.setItem(TOKEN, value) : sessionStorage.removeItem(TOKEN),
};

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

function headers(json) {
  const h = {};
  if (json) h['Content-Type'] = 'application/json';
  const t = token.get();
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

/** Query string of the defined, non-empty values of `params`. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Sends a request; resolves with the parsed body (null when empty), rejects with an ApiError naming what the API said. */
export async function request(method, path, body) {
  let response;
  try {
    response = await fetch(path, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, `the gateway cannot be reached (${e.message})`);
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch { parsed = text; }
  }
  if (!response.ok) {
    const message = parsed && typeof parsed === 'object' && parsed.error ? parsed.error : `${response.status} ${response.statusText}`;
    if (response.status === 401 && path !== '/v1/auth/login') onUnauthorized();
    throw new ApiError(response.status, message, parsed?.details);
  }
  return parsed;
}

export const get = (path, params) => request('GET', path + query(params));
export const post = (path, body) => request('POST', path, body ?? {});
export const put = (path, body) => request('PUT', path, body ?? {});
export const del = path => request('DELETE', path);

/**
 * Reads GET /v1/stream with the caller's credentials (EventSource cannot send them) and calls `onEvent(event)` for each
 * frame's parsed data (with `type` from the frame's `event:`). Reconnects with Last-Event-ID until `signal` aborts.
 */
export async function stream(params, onEvent, signal, onState = () => {}) {
  let lastId = null;
  while (!signal.aborted) {
    try {
      const h = headers(false);
      if (lastId) h['Last-Event-ID'] = lastId;
      const response = await fetch('/v1/stream' + query(params), { headers: h, signal });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        onState('error', body.error ?? `${response.status}`);
        if (response.status === 401) { onUnauthorized(); return; }
        if (response.status !== 429) return;
      } else {
        onState('open');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const parsed = parseFrame(frame);
            if (parsed) {
              if (parsed.id) lastId = parsed.id;
              onEvent(parsed);
            }
          }
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      onState('error', e.message);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

function parseFrame(frame) {
  let type = 'message', id = null, data = '';
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data += (data ? '\n' : '') + value;
  }
  if (!data) return null;
  try { return { type, id, data: JSON.parse(data) }; } catch { return { type, id, data }; }
}
