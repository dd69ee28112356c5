// The few Node APIs the pure-module tests use (node --test), declared here
// so the project needs no @types/node.
declare module "node:test" {
  export function test(name: string, fn: () => void | Promise<void>): void;
  export function test(name: string, opts: { skip?: boolean }, fn: () => void | Promise<void>): void;
}
declare module "node:assert/strict" {
  const assert: {
    equal(a: unknown, b: unknown, msg?: string): void;
    deepEqual(a: unknown, b: unknown, msg?: string): void;
    ok(v: unknown, msg?: string): void;
    notEqual(a: unknown, b: unknown, msg?: string): void;
    fail(msg?: string): never;
    throws(fn: () => unknown, msg?: string): void;
    rejects(p: Promise<unknown>, msg?: string): Promise<void>;
  };
  export default assert;
}
declare module "node:fs" {
  export function readFileSync(path: string, enc: "utf8"): string;
}
declare module "node:vm" {
  export function runInNewContext(code: string, context: object): unknown;
}
declare const process: {
  env: Record<string, string | undefined>;
  memoryUsage(): { arrayBuffers: number };
};
