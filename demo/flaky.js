// The demo's "flaky network" and "offline" switches: an adapter wrapper that slows every call
// down and fails some of them — before the backend saw the call, or after it stored a comment
// (the answer is "lost") — so maoni's retries, its idempotency keys and its offline queue can be
// watched at work. (Tests use the deterministic `withFaults` of `maoni/testing` instead.)
import { AdapterError } from '../dist/maoni.js';

export const network = { flaky: false, offline: false };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reading `navigator.onLine` says what the "offline" switch says; real offline still counts. */
const realOnLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
Object.defineProperty(navigator, 'onLine', {
  configurable: true,
  get: () => !network.offline && realOnLine.get.call(navigator),
});

export function setOffline(offline) {
  network.offline = offline;
  // What the browser does when the connection comes back: the queued comments are sent.
  if (!offline) dispatchEvent(new Event('online'));
}

export function flaky(inner) {
  const calls = ['list', 'post', 'edit', 'delete', 'react', 'count', 'viewer'];
  return new Proxy(inner, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function' || !calls.includes(name)) return typeof value === 'function' ? value.bind(target) : value;
      return async (...args) => {
        if (network.offline) throw new AdapterError('network', 'offline (demo switch)');
        if (!network.flaky) return value.apply(target, args);
        await sleep(400 + Math.random() * 1200);
        const roll = Math.random();
        if (roll < 0.15) throw new AdapterError('network', 'request lost (demo: flaky network)');
        const result = await value.apply(target, args);
        if (roll < 0.3 && name !== 'list') throw new AdapterError('network', 'answer lost (demo: flaky network)');
        return result;
      };
    },
  });
}
