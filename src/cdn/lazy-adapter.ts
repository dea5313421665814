/**
 * For the CDN bundle (`dist/maoni.js`): adapter classes whose code loads on first use, so a page
 * pays only for the adapter it uses, and the elements alone stay small. Each instance builds the
 * real adapter (from its own lazy chunk) with the same constructor arguments, and forwards to it.
 *
 * Until the real adapter is there: methods return promises that wait for it, `subscribe` returns
 * an unsubscribe that also works before the subscription starts, the synchronous capability
 * properties read as undefined (the elements call `ready()` and render again), and property
 * writes are applied once it exists. Bundler users import the real classes from `maoni`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

type AnyClass = new (...args: any[]) => object;

export function lazyAdapter<C extends AnyClass>(load: () => Promise<C>): C {
  return class LazyAdapter {
    constructor(...args: unknown[]) {
      let real: any;
      let loading: Promise<any> | undefined;
      const pendingWrites: Array<[PropertyKey, unknown]> = [];
      const ensure = () =>
        (loading ??= load().then((Real) => {
          real = new Real(...args);
          for (const [key, value] of pendingWrites) real[key] = value;
          return real;
        }));
      return new Proxy(this, {
        get(target, key, receiver) {
          if (real) {
            const value = real[key];
            return typeof value === 'function' ? value.bind(real) : value;
          }
          if (typeof key === 'symbol' || key === 'then' || key === 'constructor') return Reflect.get(target, key, receiver);
          if (key === 'sorts' || key === 'reactions' || key === 'authorFields') {
            void ensure();
            return undefined;
          }
          if (key === 'subscribe') {
            return (...call: unknown[]) => {
              let stop: (() => void) | undefined;
              let stopped = false;
              ensure().then((adapter) => {
                if (!stopped) stop = adapter.subscribe(...call);
              });
              return () => {
                stopped = true;
                stop?.();
              };
            };
          }
          if (key === 'ready') return () => ensure().then((adapter) => adapter.ready?.());
          return (...call: unknown[]) => ensure().then((adapter) => adapter[key](...call));
        },
        set(_target, key, value) {
          if (real) real[key] = value;
          else pendingWrites.push([key, value]);
          return true;
        },
      });
    }
  } as unknown as C;
}
