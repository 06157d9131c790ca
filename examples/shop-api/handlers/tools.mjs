// Tools: shared file downloads, the ping check and the chat assistant.
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, sendJson, sendText } from '../lib/http.mjs';
import { readByJoinedPath, readSharedFile } from '../lib/files.mjs';
import { pingOutcome, runShellLine } from '../lib/shell.mjs';
import { assistantReply } from '../lib/chatbot.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */

/** @type {Record<string, Handler>} */
export const toolHandlers = {
  downloadFile({ res, params, defects }) {
    // DEFECT(path_traversal): the (unchecked) name is decoded and resolved against the folder.
    const text = defects ? readByJoinedPath(String(params.name)) : readSharedFile(String(params.name));
    if (text === undefined) throw new HttpError(404, 'not_found', 'File not found.');
    sendText(res, 200, 'text/plain; charset=utf-8', text);
  },

  async pingHost({ res, params, defects }) {
    const host = String(params.host);
    if (!defects) {
      // The host is one argument of the (simulated) ping: nothing is ever handed to a shell.
      sendJson(res, 200, pingOutcome(host));
      return;
    }
    // DEFECT(command_injection): the host is pasted into a shell command line.
    const outcome = runShellLine(`ping -c 1 ${host}`);
    if (outcome.sleepSeconds > 0) await sleep(outcome.sleepSeconds * 1000);
    sendJson(res, 200, { reachable: outcome.output.includes(' 1 received'), output: outcome.output });
  },

  chat({ res, body, defects }) {
    // DEFECT(prompt_injection): the assistant obeys the user's message over its own instructions.
    sendJson(res, 200, { reply: assistantReply(String(body.message), { guarded: !defects }) });
  },
};
