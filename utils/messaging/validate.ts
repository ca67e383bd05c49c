/**
 * Tiny runtime validators for messages that cross a context boundary. Each validator either
 * returns the value typed, or throws a ValidationError naming the first offending path.
 */

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ValidationError';
  }
}

export type Validator<T> = (value: unknown, path: string) => T;

/** A plain object (`{}` or `Object.create(null)`): not an array, Date, Map, boxed value… */
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A string no longer than `max` characters. */
export const str =
  (max: number, opts: { min?: number; pattern?: RegExp } = {}): Validator<string> =>
  (v, path) => {
    if (typeof v !== 'string') throw new ValidationError(path, 'expected a string');
    if (v.length > max) throw new ValidationError(path, `longer than ${max} characters`);
    if (opts.min !== undefined && v.length < opts.min)
      throw new ValidationError(path, `shorter than ${opts.min} characters`);
    if (opts.pattern && !opts.pattern.test(v))
      throw new ValidationError(path, 'has an unexpected form');
    return v;
  };

/** An absolute http(s) URL, at most `max` characters. */
export const httpUrl =
  (max: number): Validator<string> =>
  (v, path) => {
    const s = str(max)(v, path);
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      throw new ValidationError(path, 'is not a URL');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new ValidationError(path, 'is not an http(s) URL');
    return s;
  };

export const bool: Validator<boolean> = (v, path) => {
  if (typeof v !== 'boolean') throw new ValidationError(path, 'expected a boolean');
  return v;
};

/** A finite number within [min, max]. */
export const num =
  (min: number, max: number, opts: { integer?: boolean } = {}): Validator<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ValidationError(path, 'expected a number');
    if (v < min || v > max) throw new ValidationError(path, `outside ${min}…${max}`);
    if (opts.integer && !Number.isInteger(v))
      throw new ValidationError(path, 'expected an integer');
    return v;
  };

export const oneOf =
  <const T extends readonly string[]>(values: T): Validator<T[number]> =>
  (v, path) => {
    if (typeof v !== 'string' || !values.includes(v))
      throw new ValidationError(path, `expected one of ${values.join(', ')}`);
    return v as T[number];
  };

/** An array of at most `max` items, each validated. */
export const arr =
  <T>(item: Validator<T>, max: number): Validator<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) throw new ValidationError(path, 'expected an array');
    if (v.length > max) throw new ValidationError(path, `more than ${max} items`);
    // Array.from visits holes too: a sparse array's missing items are checked as undefined.
    return Array.from(v as unknown[], (x, i) => item(x, `${path}[${i}]`));
  };

export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (v, path) =>
    v === undefined || v === null ? undefined : inner(v, path);

type Shape = Record<string, Validator<unknown>>;
type FromShape<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]>;
};

/**
 * An object with exactly the listed keys (unknown keys are rejected, so a page cannot smuggle
 * fields through). The result is a fresh object: nothing of the input's prototype survives.
 */
export const obj =
  <S extends Shape>(shape: S): Validator<FromShape<S>> =>
  (v, path) => {
    if (!isPlainObject(v)) throw new ValidationError(path, 'expected an object');
    for (const key of Object.keys(v))
      // Own keys only: `in` would let "constructor", "toString" or "__proto__" through.
      if (!Object.hasOwn(shape, key)) throw new ValidationError(`${path}.${key}`, 'is not allowed');
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const value = check(v[key], `${path}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as FromShape<S>;
  };
