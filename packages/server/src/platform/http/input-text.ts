import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors";

/**
 * One place for the text every route receives (body, query string, path parameters): strings are
 * normalised to Unicode NFC, and a NUL character, another C0 control character other than tab,
 * line feed and carriage return, or a lone surrogate is refused with `REQUEST.INVALID_TEXT` (400).
 * PostgreSQL cannot store U+0000 in `text` or `jsonb`, so without this a NUL in any field became a
 * 500 deep in a repository (issue 17).
 */
export function registerInputTextGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request: FastifyRequest) => {
    request.params = cleanInput(request.params, "params");
    request.query = cleanInput(request.query, "querystring");
    const body = request.body;
    // A body kept as raw text is signed by its sender (department callbacks): checked, not rewritten.
    if (typeof body === "string") cleanText(body, "body", "");
    else if (body !== undefined && !Buffer.isBuffer(body)) request.body = cleanInput(body, "body");
  });
}

// C0 controls except \t \n \r (U+0000 in particular): this is what the guard is for.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The input with every string NFC-normalised; throws on forbidden characters, naming the path. */
export function cleanInput(value: unknown, where: string, path = ""): unknown {
  if (typeof value === "string") return cleanText(value, where, path);
  if (Array.isArray(value)) return value.map((v, i) => cleanInput(v, where, `${path}/${i}`));
  if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        cleanText(key, where, `${path}/${key}`),
        cleanInput(v, where, `${path}/${key}`),
      ]),
    );
  }
  return value;
}

function cleanText(text: string, where: string, path: string): string {
  if (FORBIDDEN.test(text) || LONE_SURROGATE.test(text)) {
    throw new AppError("REQUEST.INVALID_TEXT", { in: where, path: path || "/" });
  }
  return text.normalize("NFC");
}
