import { api } from "../../../api/client";
import type { RequestOf, ResponseOf } from "../../../api/openapi";

/** Shapes of the sign-up and password-reset API, from the server's OpenAPI document. */
export type CodeSent = ResponseOf<"/api/sign-up/code", "post">;
export type SignUpCodeRequest = RequestOf<"/api/sign-up/code", "post">;
export type SignUpRequest = RequestOf<"/api/sign-up", "post">;
export type ResetCodeRequest = RequestOf<"/api/password-reset/code", "post">;
export type ResetRequest = RequestOf<"/api/password-reset", "post">;

export const requestSignUpCode = (body: SignUpCodeRequest) => api.post<CodeSent>("/api/sign-up/code", body);
export const signUp = (body: SignUpRequest) => api.post<unknown>("/api/sign-up", body);
export const requestResetCode = (body: ResetCodeRequest) =>
  api.post<CodeSent>("/api/password-reset/code", body);
export const resetPassword = (body: ResetRequest) => api.post<void>("/api/password-reset", body);

/** A chosen photo as the base64 the API takes (no `data:` prefix). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
