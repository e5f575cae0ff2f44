/** Escapes element content. */
export declare function escapeText(text: string): string;
/** Escapes an attribute value written between double quotes. */
export declare function escapeAttr(text: string): string;
