import { describe, expect, it } from "vitest";
import { ApiError, apiErrorFrom, clientErrorCodes, errorMessageOf } from "./api-error";

describe("apiErrorFrom", () => {
  it("keeps the server's code, both messages and details", () => {
    const error = apiErrorFrom(401, {
      code: "AUTH.INVALID_CREDENTIALS",
      message_zh: "用户名或密码错误",
      message_en: "Wrong username or password",
      details: null,
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe("AUTH.INVALID_CREDENTIALS");
    expect(error.messageIn("zh-CN")).toBe("用户名或密码错误");
    expect(error.messageIn("en")).toBe("Wrong username or password");
  });

  it("explains a response that is not an error body, e.g. a proxy's 502 page", () => {
    const error = apiErrorFrom(502, "<html>Bad Gateway</html>");
    expect(error.code).toBe(clientErrorCodes.unexpected);
    expect(error.messageIn("zh-CN")).toContain("HTTP 502");
    expect(error.messageIn("en")).toContain("HTTP 502");
  });

  it("reports a failed fetch as a network error in the reader's language", () => {
    expect(errorMessageOf(new TypeError("Failed to fetch"), "zh-CN")).toBe(
      "无法连接服务器，请检查网络后重试",
    );
  });
});
