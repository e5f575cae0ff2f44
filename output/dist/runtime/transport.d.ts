/**
 * What a generated agent client needs from a transport. SoapTransport and
 * RestTransport both fit, so one agent implementation serves both and the two
 * clients of a version implement the same interface.
 */
import type { CallOptions } from "./http.js";
import type { OperationDescriptor, SoapSchema } from "./schema.js";
export type { CallOptions } from "./http.js";
export interface Transport<O extends CallOptions = CallOptions> {
	call(schema: SoapSchema, op: OperationDescriptor, request: object | undefined, options?: O): Promise<unknown>;
}
