// Preloaded with NODE_OPTIONS=--import (where --cpu-prof is not allowed) by bench/profile-route.ts:
// profiles this process from start to exit with the inspector and writes a .cpuprofile into
// PIXEL_CPU_PROFILE_DIR. Session.post on the process's own session answers synchronously, so the
// profile is complete even when the process ends with process.exit().
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.PIXEL_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
