/** `sniff`: the charset the body names itself, asked after the BOM and Content-Type (SOAP's `xmlDeclCharset`; REST asks none, so its bundle has no XML code). */
export declare function decodeBody(body: Uint8Array | string, contentType: string | null, status: number, sniff?: (bytes: Uint8Array) => string | undefined): string;
/** `<?xml version="1.0" encoding="ISO-8859-1"?>`, read as ASCII (a character a byte) from the first bytes. */
export declare function xmlDeclCharset(bytes: Uint8Array): string | undefined;
