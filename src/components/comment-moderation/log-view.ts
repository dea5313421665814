/**
 * The activity log: who did what to which comment, newest first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Localization } from '../../i18n/localization.js';
import type { ModerationLogEntry } from './moderation-client.js';
import { doneLabel } from './moderation-labels.js';

export function renderLogTable(l: Localization, entries: readonly ModerationLogEntry[], now: number): TemplateResult {
  const { msg } = l;
  if (!entries.length) return html`<p part="empty">${msg('No moderation actions yet.', { id: 'admin.log.empty' })}</p>`;
  return html`<div part="log-scroll">
    <table part="log" aria-labelledby="log-heading">
      <thead>
        <tr>
          <th scope="col">${msg('When', { id: 'admin.log.when' })}</th>
          <th scope="col">${msg('Moderator', { id: 'admin.log.who' })}</th>
          <th scope="col">${msg('Action', { id: 'admin.log.action' })}</th>
          <th scope="col">${msg('Comment', { id: 'admin.log.comment' })}</th>
          <th scope="col">${msg('Thread', { id: 'admin.thread' })}</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map((entry) => {
          const date = new Date(entry.at);
          const shown = l.relative(date, now) || l.date(date);
          return html`<tr part="log-entry">
            <td>${shown ? html`<time datetime=${entry.at} title=${l.fullDate(date)}>${shown}</time>` : nothing}</td>
            <td>${entry.actor.email}</td>
            <td><span part="log-action" data-action=${entry.action}>${doneLabel(l, entry.action)}</span></td>
            <td><code>${entry.commentId}</code></td>
            <td>${entry.threadId}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
