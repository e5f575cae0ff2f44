import { type RestRequestOptions, type RestTransport } from "./rest.js";
import type { DerivedPicker, TypeDescriptor, TypeRef } from "./schema.js";
/** Types one entity's endpoints reach. */
export interface EntitySchema {
	/** Entity name, e.g. "Contact". */
	readonly name: string;
	readonly types: Readonly<Record<string, TypeDescriptor>>;
	/** The runtime's `pickDerivedByFields` (json.ts), where the types hold a carrier with derived carriers (as `RestDescriptor.derive`). */
	readonly derive?: DerivedPicker;
}
export interface EndpointDescriptor {
	/** e.g. "v1ContactEntity_GetContactEntity" */
	readonly name: string;
	readonly method: string;
	/** Path template, e.g. "/api/v1/Contact/{id}". */
	readonly path: string;
	/** [name in the template and the request, type]. */
	readonly pathParams: readonly (readonly [name: string, type: TypeRef])[];
	/** [query parameter and request property name, type]. */
	readonly query?: readonly (readonly [name: string, type: TypeRef])[];
	readonly body?: {
		/** Request property holding the body. */
		readonly key: string;
		readonly type: TypeRef;
		readonly encoding: "json" | "json-patch" | "form-data";
		/** An object (not an array of operations) is sent as JSON Merge Patch. */
		readonly merge?: boolean;
	};
	/** Type of the success body; null when there is none. */
	readonly returns: TypeRef | null;
	/** The endpoint answers 304 to If-Modified-Since. */
	readonly notModified?: boolean;
	/**
	 * Media types of a success body that is not JSON (an image): sent as Accept, and the body is
	 * returned as the text fetch decoded, unparsed. Lossless for text; binary bytes need a byte read
	 * the transport does not offer yet.
	 */
	readonly accept?: string;
}
export interface EntityCallOptions extends RestRequestOptions {
	/** Sent as If-Modified-Since; an unchanged entity resolves to {@link NotModified}. */
	ifModifiedSince?: Date | string;
	/** Sent as If-Unmodified-Since; a changed entity rejects with HttpError 412. */
	ifUnmodifiedSince?: Date | string;
}
/** What a conditional GET resolves to when the server answers 304 Not Modified. */
export interface NotModified {
	readonly notModified: true;
	/** The Last-Modified header, when sent. */
	readonly lastModified: string | null;
}
/** `T | NotModified` only when the options ask with If-Modified-Since. */
export type Conditional<
	T,
	O
> = O extends {
	ifModifiedSince: Date | string;
} ? T | NotModified : T;
export declare function isNotModified(value: unknown): value is NotModified;
type FieldName<T> = Extract<keyof T, string>;
type FieldPath<T> = `/${FieldName<T>}` | FieldName<T>;
/**
 * One RFC 6902 operation on a carrier: top-level paths are the carrier's fields (TypeScript checks
 * them and the value's type); deeper paths (`/Emails/0/Value`) are checked only at their first step.
 * The WebAPI supports add, replace, remove and test, and matches paths case-insensitively.
 */
export type JsonPatchOperation<T> = { [K in FieldName<T>]: {
	op: "add" | "replace" | "test";
	path: `/${K}` | K;
	value: T[K] | null;
} }[FieldName<T>] | {
	op: "add" | "replace" | "test";
	path: `/${FieldName<T>}/${string}`;
	value: unknown;
} | {
	op: "remove";
	path: FieldPath<T> | `/${FieldName<T>}/${string}`;
};
/** RFC 7396: the fields to change; null removes a value. */
export type MergePatch<T> = { [K in keyof T]?: T[K] | null };
/** A form-data file: bytes, a Blob, or a base64 string. */
export type FormFile = Blob | Uint8Array | ArrayBuffer | string;
/** Calls one entity endpoint; resolves to the revived body, undefined for 204, or NotModified for 304. */
export declare function callEntity(transport: RestTransport, schema: EntitySchema, endpoint: EndpointDescriptor, request: object | undefined, options?: EntityCallOptions): Promise<unknown>;
export {};
