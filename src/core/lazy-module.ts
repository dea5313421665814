/**
 * A module loaded on first use and shared by every caller: `load()` starts (or joins) the one
 * request, `loaded()` answers synchronously once it is in, so a render can use it or ask again
 * later. After a failed load the next call tries again; callers keep a fallback meanwhile.
 */
export interface LazyModule<T> {
  loaded(): T | undefined;
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    loaded: () => module,
    load: () =>
      (loading ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        }
      )),
  };
}
