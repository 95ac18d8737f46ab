// Preloaded into the app by `npm run soak` (node --require): writes process.memoryUsage() as one
// `[memory] {json}` line to stderr every 5 s (the soak's sampling interval), so the soak can tell
// the V8 heap, external memory and array buffers apart from the rest of RSS.
setInterval(() => {
  const usage = process.memoryUsage();
  process.stderr.write(`[memory] ${JSON.stringify({ at: Date.now(), ...usage })}\n`);
}, 5000).unref();
