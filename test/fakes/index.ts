// One import for integration tests and the benchmark: every fake upstream plus the drivers.

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
