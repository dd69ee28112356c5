// The preview server's API as a page sees it (docs/site-format.md, "Live
// updates"; docs/investigations.md). live.js, loaded by every page before
// the bundle, sets window.__srLive to {events, fp, token, …} when
// `scanreport serve` serves the page, null in a built site. LiveApi holds
// the validated settings and sends the page's requests: the per-server
// token travels in the X-SR-Token header (never in a URL), and a 403 (the
// server restarted with a new token) reads live.js again and retries once.

export interface LiveConfig {
  events: string; // the SSE stream
  fp: string; // POST false-positive decisions here
  token: string; // the per-server token (X-SR-Token header, never a URL)
}

declare global {
  interface Window {
    __srLive?: unknown;
  }
}

// What a request to the server gave: the reply's JSON body, or why not.
export type ApiResult = { ok: true; body: Record<string, unknown> } | { ok: false; refused: boolean; text: string };

export const ENDPOINT = /^\/_sr\/[a-z][a-z0-9_/-]*$/;
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

// parseConfig validates live.js's settings; null when they are not the
// preview server's (a built site, a page not served over HTTP).
export function parseConfig(v: unknown): LiveConfig | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const { events, fp, token } = o;
  if (typeof events !== "string" || typeof fp !== "string" || typeof token !== "string") return null;
  if (!ENDPOINT.test(events) || !ENDPOINT.test(fp) || !TOKEN.test(token)) return null;
  if (location.protocol !== "http:" && location.protocol !== "https:") return null;
  return { events, fp, token };
}

export class LiveApi {
  constructor(private cfg: LiveConfig) {}

  get config(): LiveConfig {
    return this.cfg;
  }

  // refresh reads live.js again (the server may have restarted with a new
  // token). It is parsed as JSON, never run.
  async refresh(): Promise<void> {
    const s = document.querySelector<HTMLScriptElement>('script[src$="live.js"]');
    if (!s) return;
    try {
      const r = await fetch(s.src, { cache: "no-store", credentials: "same-origin" });
      if (!r.ok) return;
      const m = /^window\.__srLive=(.*);\s*$/s.exec(await r.text());
      if (!m) return;
      const n = parseConfig(JSON.parse(m[1]));
      if (n) this.cfg = n;
    } catch {
      /* keep the old settings */
    }
  }

  // post sends body as JSON to one of the server's endpoints and says how
  // it went; a reply is a success when it is 2xx with {"ok": true}.
  async post(url: string, body: Record<string, unknown>): Promise<ApiResult> {
    const send = () =>
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        cache: "no-store",
        headers: { "Content-Type": "application/json", "X-SR-Token": this.cfg.token },
        body: JSON.stringify(body),
      });
    let r: Response;
    try {
      r = await send();
      if (r.status === 403) {
        await this.refresh(); // the server may have restarted with a new token
        r = await send();
      }
    } catch (e) {
      return { ok: false, refused: false, text: "The preview server did not answer: " + (e instanceof Error ? e.message : String(e)) };
    }
    let reply: Record<string, unknown> = {};
    try {
      reply = (await r.json()) as Record<string, unknown>;
    } catch {
      /* not JSON */
    }
    if (r.ok && reply.ok === true) return { ok: true, body: reply };
    const text = typeof reply.error === "string" && reply.error !== "" ? reply.error : `The preview server answered ${r.status}.`;
    return { ok: false, refused: r.status === 409 || reply.refused === true, text };
  }

  // postFP asks the server to mark (fp) or unmark elements of the scan, by
  // the scanner's element ids.
  postFP(scan: string, ids: string[], fp: boolean): Promise<ApiResult> {
    return this.post(this.cfg.fp, { scan, ids, fp });
  }
}
