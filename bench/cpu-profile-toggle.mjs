// Preloaded with NODE_OPTIONS=--import by bench/server-cpu.ts: the first SIGUSR2 starts a CPU
// profile of this process's main thread, the second stops it and writes it into
// PIXEL_CPU_PROFILE_DIR, so the profile holds the measured requests only (not the start-up, the
// seeding or the warm-up, which cpu-profile-preload.mjs's whole-life profile also counts).
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.PIXEL_CPU_PROFILE_DIR;
if (dir) {
  let session;
  process.on("SIGUSR2", () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      session.post("Profiler.enable");
      session.post("Profiler.setSamplingInterval", { interval: 250 });
      session.post("Profiler.start");
      return;
    }
    const done = session;
    session = undefined;
    done.post("Profiler.stop", (error, result) => {
      if (!error)
        fs.writeFileSync(
          path.join(dir, `${process.pid}-${Date.now()}.cpuprofile`),
          JSON.stringify(result.profile),
        );
      done.disconnect();
    });
  });
}
