/**
 * Renders a template into a fresh container on the page and removes it after the test.
 * Plain rendering, for tests that need no element upgrade wait.
 */
import { render, type TemplateResult } from 'lit';

const mounted: HTMLElement[] = [];

export function mount<T extends Element = HTMLElement>(template: TemplateResult): T {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  return container.firstElementChild as T;
}

afterEach(() => {
  mounted.splice(0).forEach((container) => container.remove());
});
