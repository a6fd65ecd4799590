import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { PhaseJob, PhaseResult, PlannedRequest } from './load-driver.js';

/**
 * Runs in a worker thread, so the client does not share the event loop with the servers
 * it measures. Each job: `concurrency` keep-alive connections drain one list of requests.
 */
const agents = new Map<string, Agent>();

function agentFor(url: string, concurrency: number) {
  let agent = agents.get(url);
  if (!agent) agents.set(url, (agent = new Agent({ keepAlive: true, maxSockets: concurrency })));
  return agent;
}

function send(url: string, agent: Agent, token: string, planned: PlannedRequest): Promise<{ status: number; text: string }> {
  const body = planned.body === undefined ? undefined : JSON.stringify(planned.body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}${planned.path}`, {
      method: planned.method,
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: PhaseJob): Promise<PhaseResult> {
  const agent = agentFor(job.url, job.concurrency);
  const latencies = new Float64Array(job.requests.length);
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const connection = async () => {
    for (let i = next++; i < job.requests.length; i = next++) {
      const planned = job.requests[i]!;
      const began = performance.now();
      const { status, text } = await send(job.url, agent, job.tokens[planned.user]!, planned);
      latencies[i] = performance.now() - began;
      if (status >= 300) {
        errors++;
        firstError ??= `${planned.method} ${planned.path} → ${status} ${text.slice(0, 300)}`;
      }
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, connection));
  return { latencies, seconds: (performance.now() - began) / 1000, errors, firstError };
}

parentPort?.on('message', (job: PhaseJob) => {
  run(job).then(
    (result) => parentPort?.postMessage(result, [result.latencies.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ failed: String((error as Error).stack ?? error) }),
  );
});
