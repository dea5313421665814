/** The shipped adapters for the CDN bundle, each loaded on first use (see lazy-adapter.ts). */
import type { LocalStorageAdapter as LocalStorageAdapterClass } from '../adapters/local-storage.js';
import type { MemoryAdapter as MemoryAdapterClass } from '../adapters/memory.js';
import type { RestAdapter as RestAdapterClass } from '../adapters/rest.js';
import { lazyAdapter } from './lazy-adapter.js';

export const RestAdapter = lazyAdapter(() => import('../adapters/rest.js').then((module) => module.RestAdapter)) as typeof RestAdapterClass;
export type RestAdapter = RestAdapterClass;

export const LocalStorageAdapter = lazyAdapter(
  () => import('../adapters/local-storage.js').then((module) => module.LocalStorageAdapter)
) as typeof LocalStorageAdapterClass;
export type LocalStorageAdapter = LocalStorageAdapterClass;

export const MemoryAdapter = lazyAdapter(() => import('../adapters/memory.js').then((module) => module.MemoryAdapter)) as typeof MemoryAdapterClass;
export type MemoryAdapter = MemoryAdapterClass;
