// Preloaded into the app by `npm run bench` (NODE_OPTIONS=--require): measures the event-loop
// delay of the whole process with perf_hooks.monitorEventLoopDelay and writes the histogram's
// figures (milliseconds) to WAYPOINT_EVENT_LOOP_FILE every half second. SIGUSR2 starts a new
// histogram (the bench sends it once the app is ready, so start-up is not counted).
'use strict';
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const file = process.env.WAYPOINT_EVENT_LOOP_FILE;
if (file) {
  let histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const write = () => {
    const ms = (ns) => ns / 1e6;
    writeFileSync(
      file,
      JSON.stringify({
        samples: histogram.count,
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
      }),
    );
  };
  setInterval(write, 500).unref();
  process.on('SIGUSR2', () => {
    histogram.disable();
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    write();
  });
}
