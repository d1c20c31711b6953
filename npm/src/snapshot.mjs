import { KycError, describeThrown } from './kyc-error.mjs';

// Reads a caller's object once, here in JS, so a throwing getter or Proxy trap fails as a KycError
// instead of unwinding through the wasm stack, where any throw stops the module for every client.
// Keeps the prototype, which the core's rules check. The core asks each field's type with
// Array.isArray, which throws for a revoked Proxy: that is asked here first. An array is never a valid
// input; the core only learns that it is one, from a fresh one whose traps (if any) are not the caller's.
export function snapshot(value, code, what) {
  try {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return [];
    const copy = Object.create(Object.getPrototypeOf(value));
    for (const key of Object.keys(value)) {
      const field = value[key];
      Array.isArray(field);
      // Defined, not assigned: a "__proto__" key (JSON.parse makes one) stays a key, reported as unknown.
      Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  } catch (error) {
    throw new KycError({ code, message: `${what} could not be read: ${describeThrown(error)}` });
  }
}
