import type { paths } from "./openapi.gen";

/**
 * Types of the server's API, generated from its OpenAPI document (`npm run api:types -w @yulin/web`
 * against a running server writes `openapi.gen.d.ts`). Feature API modules name their shapes from here,
 * so a changed server schema breaks the web build instead of a page.
 */
export type ApiPath = keyof paths;
type Method = "get" | "post" | "put" | "delete";

type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : never;

/** The JSON body of the 200 (or 201) answer of `M P`. */
export type ResponseOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer OK }
      ? JsonOf<OK>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : R extends { 202: infer Accepted }
          ? JsonOf<Accepted>
          : never
    : never;

/** The JSON request body of `M P`. */
export type RequestOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : never;

/** The JSON body of the 400 answer of `M P`: every error the server sends has this shape. */
export type ErrorOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: { 400: infer E } } ? JsonOf<E> : never;
