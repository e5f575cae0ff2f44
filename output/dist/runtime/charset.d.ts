export declare function decodeBody(body: Uint8Array | string, contentType: string | null, status: number): string;
