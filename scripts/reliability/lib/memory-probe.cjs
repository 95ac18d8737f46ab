// Preloaded into the app by `npm run soak` (node --require): writes process.memoryUsage() as one
// `[memory] {json}` line to stderr every WAYPOINT_MEMORY_PROBE_MS (default 5000) ms, so the soak
// can tell the V8 heap, external memory and array buffers apart from the rest of RSS.
const every = Number(process.env.WAYPOINT_MEMORY_PROBE_MS || 5000);
setInterval(() => {
  const usage = process.memoryUsage();
  process.stderr.write(`[memory] ${JSON.stringify({ at: Date.now(), ...usage })}\n`);
}, every).unref();
