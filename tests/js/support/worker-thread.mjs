// Runs web/worker.js in a Node worker thread, with the two Web Worker globals it uses
// (self.postMessage, self.addEventListener('message')), so the protocol is tested under node.
import { parentPort, workerData } from 'node:worker_threads';

globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = (type, listener) => {
  if (type === 'message') parentPort.on('message', (data) => listener({ data }));
};
await import(workerData.workerUrl);
