/** The request's secret values; throws InvalidRequestError for a cyclic or too deeply nested request. */
export declare function requestSecrets(request: object | undefined): string[];
