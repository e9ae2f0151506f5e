export * from "./random.js";
export * from "./checksum.js";
export * from "./decode.js";
export * from "./patterns.js";
export type * from "./samples.js";
export type * from "../types.js";
export type * from "./emulator.js";
