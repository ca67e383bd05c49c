/**
 * Typed sending and handling of the messages declared in ./protocol. A handler's every outcome —
 * success, a thrown error, a refused sender, a malformed message — becomes a reply, so no sender
 * is ever left waiting.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  MAX_PAYLOAD_CHARS,
  PROTOCOL,
  type MessageType,
  type Req,
  type Res,
  type SenderKind,
} from './protocol';
import type { Reply, ReplyError } from './types';
import { ValidationError } from './validate';

type Sender = Browser.runtime.MessageSender;

/** The envelope every message travels in. */
interface Envelope {
  sl: 1;
  type: string;
  payload: unknown;
}

/** A reply that came back `{ ok: false }`, or a failure to deliver the message at all. */
export class MessageError extends Error {
  constructor(
    readonly code: ReplyError['code'] | 'no-receiver',
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** A handler may throw this to send a specific, reader-facing error back. */
export class HandlerError extends Error {
  constructor(
    readonly code: ReplyError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

export type Handlers = {
  [K in MessageType]?: (req: Req<K>, sender: Sender) => Promise<Res<K>> | Res<K>;
};

const isEnvelope = (m: unknown): m is Envelope =>
  typeof m === 'object' &&
  m !== null &&
  (m as Envelope).sl === 1 &&
  typeof (m as Envelope).type === 'string';

/** Decide whether `sender` is the kind of context allowed to send this message. */
export function senderIs(kind: SenderKind, sender: Sender, ownId = browser.runtime.id): boolean {
  if (typeof sender !== 'object' || sender === null || sender.id !== ownId) return false;
  if (kind === 'content') {
    const url = sender.url ?? sender.tab?.url ?? '';
    return sender.tab?.id !== undefined && /^https?:/.test(url);
  }
  const base = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

const fail = (code: ReplyError['code'], message: string): Reply<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * Validate and dispatch one incoming message. Returns `undefined` for messages this context has
 * no handler for (another context will answer them).
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Sender,
): Promise<Reply<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  const type = message.type as MessageType;
  if (!Object.hasOwn(PROTOCOL, type)) return fail('unknown-type', `Unknown message “${type}”.`);
  const handler = handlers[type] as
    ((req: unknown, sender: Sender) => Promise<unknown> | unknown) | undefined;
  if (!handler) return undefined;
  const spec = PROTOCOL[type];
  if (!senderIs(spec.from, sender))
    return fail('forbidden-sender', 'This sender may not ask that.');
  let size: number;
  try {
    size = JSON.stringify(message.payload ?? null).length;
  } catch {
    return fail('invalid-message', 'The message could not be read.');
  }
  if (size > MAX_PAYLOAD_CHARS) return fail('too-large', 'The message is too large.');
  let req: unknown;
  try {
    req = spec.validate(message.payload, type);
  } catch (err) {
    if (err instanceof ValidationError) return fail('invalid-message', err.message);
    throw err;
  }
  if (spec.bind) {
    try {
      req = (spec.bind as (r: unknown, s: Sender) => unknown)(req, sender);
    } catch {
      return fail('forbidden-sender', 'This sender may not ask that.');
    }
  }
  try {
    return { ok: true, value: await handler(req, sender) };
  } catch (err) {
    if (err instanceof HandlerError) return fail(err.code, err.message);
    console.error('[sourcelight] handler failed', type, err);
    return fail('internal', 'Something went wrong inside Sourcelight.');
  }
}

/**
 * Register `handlers` on runtime.onMessage; returns the function that removes them. With
 * `refuseMalformed` (the background, which answers for the whole extension), a message that is not
 * Sourcelight's envelope at all is answered `{ ok: false }` instead of being left to others.
 */
export function handleMessages(
  handlers: Handlers,
  options: { refuseMalformed?: boolean } = {},
): () => void {
  const listener = (message: unknown, sender: Sender) => dispatch(handlers, message, sender);
  // The polyfill resolves the sender's promise with what our promise resolves to; returning
  // undefined (not a promise) lets other contexts answer messages we do not handle.
  const wrapped = (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isEnvelope(message))
      return options.refuseMalformed
        ? Promise.resolve(fail('invalid-message', 'Not a Sourcelight message.'))
        : undefined;
    const type = message.type as MessageType;
    if (Object.hasOwn(PROTOCOL, type) && !handlers[type]) return undefined;
    return listener(message, sender);
  };
  browser.runtime.onMessage.addListener(wrapped as never);
  return () => browser.runtime.onMessage.removeListener(wrapped as never);
}

/** The reply's value, checked by the message's reply validator when it has one. */
function unwrap<K extends MessageType>(type: K, reply: unknown): Res<K> {
  if (
    typeof reply !== 'object' ||
    reply === null ||
    typeof (reply as Reply<Res<K>>).ok !== 'boolean'
  )
    throw new MessageError('no-receiver', 'No part of Sourcelight answered.');
  const r = reply as Reply<Res<K>>;
  if (!r.ok) throw new MessageError(r.error.code, r.error.message);
  const check = PROTOCOL[type].reply as ((v: unknown, path: string) => Res<K>) | undefined;
  if (!check) return r.value;
  try {
    return check(r.value, `${type} reply`);
  } catch (err) {
    if (err instanceof ValidationError) throw new MessageError('invalid-message', err.message);
    throw err;
  }
}

/** Send a message to the background (or extension pages) and get its typed answer. */
export async function sendMessage<K extends MessageType>(
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ sl: 1, type, payload } satisfies Envelope);
  } catch (err) {
    throw new MessageError('no-receiver', err instanceof Error ? err.message : String(err));
  }
  return unwrap(type, reply);
}

/** Send a message to the content script of a tab and get its typed answer. */
export async function sendToTab<K extends MessageType>(
  tabId: number,
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, { sl: 1, type, payload } satisfies Envelope);
  } catch (err) {
    throw new MessageError('no-receiver', err instanceof Error ? err.message : String(err));
  }
  return unwrap(type, reply);
}
