// The preview server's event stream, shared by every open page of the site.
//
// An EventSource holds one HTTP/1.1 connection for as long as the page is
// open, and a browser opens at most six per host: with one stream per tab,
// the seventh tab of a preview server would wait for ever for its page. So
// the pages of one origin elect a leader with the Web Locks API: the page
// holding the lock opens the one stream and passes every event on over a
// BroadcastChannel; the others follow. When the leader goes (closed, hidden
// into the back-forward cache, frozen), the lock passes to a follower, which
// opens its own stream; its "hello" makes every page look at what changed
// in between. Where the APIs are missing (a server bound beyond loopback is
// not a secure context, so no navigator.locks), each page opens its own.
//
// Messages on the channel are data from pages of the same origin; they are
// checked like the server's events and only ever parsed as JSON.

export interface StreamHandlers {
  // hello: the stream is (again) connected; data is the server's hello
  // event, again says it was connected before (the server may have
  // restarted with new settings).
  hello(data: string, again: boolean): void;
  change(data: string): void; // a "change" event's data
  down(): void; // the stream is lost and being reconnected
  up(): void; // another page's stream, which this page follows, is connected
}

const CHANNEL = "sr-live-events";
const LOCK = "sr-live-stream";

// The role of the page, on <html data-live-role> (tests and docs read it):
// "leader" holds the stream, "follower" hears it from the leader, "own" has
// its own stream (no sharing possible).
export type Role = "leader" | "follower" | "own" | "";

function setRole(r: Role): void {
  if (r) document.documentElement.setAttribute("data-live-role", r);
  else document.documentElement.removeAttribute("data-live-role");
}

// A message between pages.
type Message = { k: "hello"; d: string; again: boolean } | { k: "change"; d: string } | { k: "down" } | { k: "ask" } | { k: "up" };

function parseMessage(v: unknown): Message | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  switch (o.k) {
    case "hello":
      return typeof o.d === "string" ? { k: "hello", d: o.d, again: o.again === true } : null;
    case "change":
      return typeof o.d === "string" ? { k: "change", d: o.d } : null;
    case "down":
    case "ask":
    case "up":
      return { k: o.k };
  }
  return null;
}

// stream opens one EventSource on url and reports it to on; retryMs is the
// wait before trying again when the server refused the stream. It returns
// a function that closes it for good.
function stream(url: string, retryMs: number, on: Pick<StreamHandlers, "hello" | "change" | "down">): () => void {
  let es: EventSource | null = null;
  let connected = false;
  let closed = false;
  let timer = 0;
  const connect = () => {
    if (closed) return;
    es = new EventSource(url);
    es.addEventListener("hello", (e) => {
      const again = connected;
      connected = true;
      on.hello((e as MessageEvent<string>).data, again);
    });
    es.addEventListener("change", (e) => on.change((e as MessageEvent<string>).data));
    es.onerror = () => {
      if (closed) return;
      on.down();
      if (es && es.readyState === EventSource.CLOSED) {
        // The server refused the stream (too many pages, restarting): try
        // again later; the browser only retries dropped connections.
        es = null;
        timer = window.setTimeout(connect, retryMs);
      }
    };
  };
  connect();
  return () => {
    closed = true;
    window.clearTimeout(timer);
    es?.close();
    es = null;
  };
}

function canShare(): boolean {
  return typeof BroadcastChannel === "function" && typeof navigator !== "undefined" && !!navigator.locks && typeof navigator.locks.request === "function";
}

// listen follows the server's events on url for as long as the page lives.
export function listen(url: string, retryMs: number, on: StreamHandlers): void {
  let stop: (() => void) | null = null;
  const start = () => {
    if (!stop) stop = canShare() ? shared(url, retryMs, on) : own(url, retryMs, on);
  };
  const end = () => {
    stop?.();
    stop = null;
  };
  // A page going into the back-forward cache or being frozen lets go of
  // its stream (and the lead); it listens again when it comes back, and
  // its hello makes it look at what changed meanwhile.
  window.addEventListener("pagehide", end);
  document.addEventListener("freeze", end);
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) start();
  });
  document.addEventListener("resume", start);
  start();
}

function own(url: string, retryMs: number, on: StreamHandlers): () => void {
  setRole("own");
  return stream(url, retryMs, on);
}

function shared(url: string, retryMs: number, on: StreamHandlers): () => void {
  const bc = new BroadcastChannel(CHANNEL);
  const abort = new AbortController();
  let leading = false;
  let up = false; // the leader's stream is connected
  let release: (() => void) | null = null;
  let heard = false; // a follower has heard a hello since it started following

  bc.onmessage = (e: MessageEvent) => {
    const m = parseMessage(e.data);
    if (!m) return;
    if (leading) {
      // A new follower asks whether the stream is up.
      if (m.k === "ask") bc.postMessage(up ? { k: "up" } : { k: "down" });
      return;
    }
    switch (m.k) {
      case "hello":
        on.hello(m.d, m.again || heard);
        heard = true;
        break;
      case "change":
        on.change(m.d);
        break;
      case "down":
        on.down();
        break;
      case "up":
        on.up();
        break;
    }
  };

  // lead holds the lock until the page lets go: it opens the stream and
  // passes every event on.
  const lead = () =>
    new Promise<void>((resolve) => {
      if (abort.signal.aborted) {
        resolve();
        return;
      }
      leading = true;
      setRole("leader");
      const close = stream(url, retryMs, {
        hello: (d, again) => {
          up = true;
          on.hello(d, again);
          bc.postMessage({ k: "hello", d, again });
        },
        change: (d) => {
          on.change(d);
          bc.postMessage({ k: "change", d });
        },
        down: () => {
          up = false;
          on.down();
          bc.postMessage({ k: "down" });
        },
      });
      release = () => {
        close();
        leading = false;
        release = null;
        resolve();
      };
    });

  // (ifAvailable cannot be combined with an abort signal; it answers at once.)
  void navigator.locks
    .request(LOCK, { ifAvailable: true }, (lock) => {
      if (lock) return lead();
      if (abort.signal.aborted) return undefined;
      // Another page leads: follow it, and take over when it goes. Nothing
      // was heard before: look at everything once, as a first hello does,
      // and ask the leader whether its stream is up.
      setRole("follower");
      heard = true;
      on.hello("{}", false);
      bc.postMessage({ k: "ask" });
      void navigator.locks.request(LOCK, { signal: abort.signal }, () => lead()).catch(() => undefined);
      return undefined;
    })
    .catch(() => undefined);

  return () => {
    abort.abort();
    release?.();
    bc.close();
    setRole("");
  };
}
