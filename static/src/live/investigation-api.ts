// Requests to the preview server's investigation and lookup endpoints
// (docs/investigations.md). They exist only when `scanreport serve` serves
// the page: live.js then sets window.__srLive with the endpoints and the
// per-server token, which travels in the X-SR-Token header (never in a
// URL), the same protection as the false-positive requests (live/live.ts).

import { liveConfig } from "./live";

export interface LookupInfo {
  name: string;
  label: string;
  types: string[]; // element type codes; "*" for any
  kinds: string[]; // scan kinds
}

interface Endpoints {
  investigation: string | null;
  lookup: string | null;
  lookups: LookupInfo[];
  token: string;
}

const ENDPOINT = /^\/_sr\/[a-z][a-z0-9_/-]*$/;
const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

function parse(v: unknown, token: string): Endpoints {
  const o = v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  const ep = (k: string) => {
    const s = str(o[k]);
    return s && ENDPOINT.test(s) ? s : null;
  };
  const lookups: LookupInfo[] = [];
  if (Array.isArray(o.lookups)) {
    for (const l of o.lookups) {
      if (!l || typeof l !== "object") continue;
      const r = l as Record<string, unknown>;
      const name = str(r.name);
      if (!name || !NAME.test(name)) continue;
      const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
      lookups.push({ name, label: str(r.label) || name, types: list(r.types), kinds: list(r.kinds) });
    }
  }
  return { investigation: ep("investigation"), lookup: ep("lookup"), lookups, token };
}

// endpoints is what the preview server offers, or null in a built site.
export function endpoints(): Endpoints | null {
  const cfg = liveConfig(); // validated by live/live.ts (protocol, token, events)
  if (!cfg) return null;
  return parse(window.__srLive, cfg.token);
}

let token: string | null = null;

// refreshToken reads live.js again (the server may have restarted with a
// new token). It is parsed as JSON, never run.
async function refreshToken(): Promise<void> {
  const s = document.querySelector<HTMLScriptElement>('script[src$="live.js"]');
  if (!s) return;
  try {
    const r = await fetch(s.src, { cache: "no-store", credentials: "same-origin" });
    if (!r.ok) return;
    const m = /^window\.__srLive=(.*);\s*$/s.exec(await r.text());
    if (!m) return;
    const v = JSON.parse(m[1]) as Record<string, unknown>;
    if (typeof v.token === "string" && /^[A-Za-z0-9_-]{16,256}$/.test(v.token)) token = v.token;
  } catch {
    /* keep the old token */
  }
}

export type ApiResult = { ok: true; body: Record<string, unknown> } | { ok: false; refused: boolean; text: string };

// post sends body to the endpoint named kind and says how it went.
export async function post(kind: "investigation" | "lookup", body: Record<string, unknown>): Promise<ApiResult> {
  const e = endpoints();
  const url = e ? e[kind] : null;
  if (!e || !url) return { ok: false, refused: false, text: "This works only in the preview server (scanreport serve)." };
  const send = () =>
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "X-SR-Token": token ?? e.token },
      body: JSON.stringify(body),
    });
  let r: Response;
  try {
    r = await send();
    if (r.status === 403) {
      await refreshToken();
      r = await send();
    }
  } catch (err) {
    return { ok: false, refused: false, text: "The preview server did not answer: " + (err instanceof Error ? err.message : String(err)) };
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
