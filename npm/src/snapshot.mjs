import { KycError } from './kyc-error.mjs';

// Reads a caller's object once, here in JS, so a throwing getter or Proxy trap fails as a KycError
// instead of unwinding through the wasm stack. Keeps the prototype, which the core's rules check.
export function snapshot(value, code, what) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  try {
    const copy = Object.create(Object.getPrototypeOf(value));
    for (const key of Object.keys(value)) copy[key] = value[key];
    return copy;
  } catch (error) {
    throw new KycError({ code, message: `${what} could not be read: ${error?.message ?? error}` });
  }
}
