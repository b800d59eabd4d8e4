// What a value becomes on the wire. Fastify answers with JSON.stringify, which writes a Date as its ISO string
// (Date.toJSON); the web reads strings. A route whose service returns Dates states that with asJson, so the
// handler is still checked against its contract's response type, which describes the JSON (dates as strings).

/** Dates become strings, everything else keeps its shape (a mapped type keeps arrays and tuples as they are). */
export type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** The value as the JSON answer has it; nothing is converted here, JSON.stringify does that when sending. */
export const asJson = <T>(value: T): Json<T> => value as Json<T>;
