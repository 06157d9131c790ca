// Sending and counting a run's requests: every request goes out through here, becomes an exchange (a
// transport failure included), is counted and is published as an `exchange` event, redacted: the raw
// exchange goes back only to the caller inside execution (judging, confirming, shrinking).
import type { Exchange, SentRequest } from '../../core/exchange.js';
import type { RunEventHandler } from '../../core/events.js';
import type { TestCase } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import type { IdentitySet } from '../auth/identity.js';
import { toTransportError, type HttpClient } from '../http-client.js';
import { prepareRequest } from '../prepare.js';
import { redactExchange } from '../redaction/redact.js';
import type { TargetWatch } from '../target-watch.js';

export interface ExchangeSender {
  /** Builds the case's request for the operation and sends it. */
  send(operation: Operation, testCase: TestCase): Promise<Exchange>;
  /** Sends an already prepared request again (a re-measurement): same method, URL, headers and body. */
  resend(caseId: string, request: SentRequest): Promise<Exchange>;
  /** True once sending more is pointless: the target answered nothing so far, went away, or the run was interrupted. */
  gaveUp(): boolean;
  requests(): number;
  /** Transport error code → requests that ended with it (`ECONNREFUSED`, `timeout`...). */
  readonly transportErrorsByCode: Record<string, number>;
  /** The first message of each code, in words (what the target did wrong). */
  readonly transportMessages: Record<string, string>;
}

export interface SenderOptions {
  model: ApiModel;
  baseUrl: string;
  identities: IdentitySet;
  client: HttpClient;
  concurrency: number;
  emit: RunEventHandler;
  /** The description's apiKey parameter names, redacted in the published exchanges. */
  secretNames: readonly string[];
  signal?: AbortSignal;
  /** Sees every exchange; once it finds the target gone, nothing more is sent. */
  watch?: TargetWatch;
}

export function createExchangeSender(options: SenderOptions): ExchangeSender {
  const { model, client, emit } = options;
  const transportErrorsByCode: Record<string, number> = {};
  const transportMessages: Record<string, string> = {};
  let requests = 0;
  let responses = 0;
  // A target that accepts connections but has answered nothing after this many requests is not going to:
  // stop sending rather than wait out every remaining timeout.
  const giveUpAfter = Math.max(16, 2 * options.concurrency);

  function record(exchange: Exchange): Exchange {
    requests += 1;
    if (exchange.response !== undefined) responses += 1;
    options.watch?.observe(exchange);
    if (exchange.error !== undefined) {
      transportErrorsByCode[exchange.error.code] = (transportErrorsByCode[exchange.error.code] ?? 0) + 1;
      // `timeout` already says it in a word; the others name what the target did.
      if (exchange.error.code !== 'timeout') transportMessages[exchange.error.code] ??= exchange.error.message;
    }
    emit({ type: 'exchange', exchange: redactExchange(exchange, options.secretNames) });
    return exchange;
  }

  return {
    transportErrorsByCode,
    transportMessages,
    requests: () => requests,
    gaveUp: () => (responses === 0 && requests >= giveUpAfter) || options.signal?.aborted === true || options.watch?.lost !== undefined,
    async send(operation, testCase) {
      let exchange: Exchange;
      try {
        const request = prepareRequest(model, operation, testCase.request, options.baseUrl, options.identities);
        exchange = await client.send(testCase.id, request);
      } catch (error) {
        // A request that cannot even be built or handed to the client is recorded like a transport failure.
        exchange = {
          caseId: testCase.id,
          correlationId: '',
          request: { method: testCase.request.method.toUpperCase(), url: options.baseUrl + operation.path, headers: {} },
          error: toTransportError(error),
          startedAt: Date.now(),
          durationMs: 0,
          retries: 0,
        };
      }
      return record(exchange);
    },
    async resend(caseId, request) {
      let exchange: Exchange;
      try {
        exchange = await client.send(caseId, request);
      } catch (error) {
        exchange = { caseId, correlationId: '', request, error: toTransportError(error), startedAt: Date.now(), durationMs: 0, retries: 0 };
      }
      return record(exchange);
    },
  };
}
