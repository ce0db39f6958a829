// The shape of a V8 CPU profile (`.cpuprofile`, as cpu-profile-preload.mjs and the inspector
// write it), for the bench scripts that summarise one.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
