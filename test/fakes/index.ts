// One import for integration tests and the benchmark: every fake upstream plus the drivers.

export { startA1111Fake } from "./a1111-fake";
export { startComfyuiFake } from "./comfyui-fake";
export { startDashscopeFake } from "./dashscope-fake";
export type { FailMode, FakeJob, FakeServer, JobTiming, RecordedCall } from "./fake-server";
export { samplePng } from "./fake-server";
export { makeCtx, providerError, runToCompletion } from "./harness";
export { startHdredrawFake } from "./hdredraw-fake";
export { startModelscopeFake } from "./modelscope-fake";
export { startOpenaiFake } from "./openai-fake";
export { startQwen2512Fake } from "./qwen2512-fake";
export { startTencentvodFake } from "./tencentvod-fake";
export { startVolcengineFake } from "./volcengine-fake";
