// Requests to the preview server's investigation and lookup endpoints
// (docs/investigations.md). They exist only when `scanreport serve` serves
// the page: live.js then sets window.__srLive with the endpoints and the
// per-server token, which travels in the X-SR-Token header (never in a
// URL), the same protection as the false-positive requests (live/api.ts).

import { ENDPOINT, type ApiResult, type LiveApi } from "./api";

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

// endpoints is what the preview server offers, or null in a built site
// (api is null there).
export function endpoints(api: LiveApi | null): Endpoints | null {
  if (!api) return null;
  return parse(window.__srLive, api.config.token);
}

// post sends body to the endpoint named kind and says how it went.
export async function post(api: LiveApi | null, kind: "investigation" | "lookup", body: Record<string, unknown>): Promise<ApiResult> {
  const e = endpoints(api);
  const url = e ? e[kind] : null;
  if (!api || !e || !url) return { ok: false, refused: false, text: "This works only in the preview server (scanreport serve)." };
  return api.post(url, body);
}
