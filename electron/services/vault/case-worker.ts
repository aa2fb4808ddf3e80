// The case list's helper thread (./case-helper.ts): parses and folds the cases the main thread
// decrypted, and sends back each case's summary. It is given plaintexts, never a key or a path.
import { parentPort } from 'node:worker_threads';
import { summaryJob, type SummaryJob } from './case-summaries';

parentPort?.on('message', (job: SummaryJob) => parentPort!.postMessage(summaryJob(job)));
// Its code is loaded: the main thread hands over cases from now on.
parentPort?.postMessage({ ready: true });
