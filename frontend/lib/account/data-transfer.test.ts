import { describe, expect, it, vi } from "vitest";

const authClientMock = vi.hoisted(() => ({ token: vi.fn(), signOut: vi.fn() }));
vi.mock("../auth/auth-client", () => ({ authClient: authClientMock }));

const { ApiError, createApiClient } = await import("../tasks/api");
const { createTokenSource } = await import("../auth/token-source");
const { fakeJwt } = await import("../auth/test-tokens");
const { attachmentName, createDataTransfer, detectFormat, importErrorMessage, summary, TOO_LARGE_MESSAGE } =
  await import("./data-transfer");

const result = {
  dry_run: true,
  format: "csv" as const,
  tasks_in_file: 3,
  tasks_added: 2,
  tasks_already_present: 1,
  lists_added: 1,
  labels_added: 0,
  rows_ignored: 0,
  dates_in_description: 0,
};

/** The real API client on a fake backend that records what it was sent. */
function client(answer: (url: string, init: RequestInit) => Response) {
  const sent: { url: string; init: RequestInit }[] = [];
  const api = createApiClient({
    baseUrl: "http://api.test",
    tokens: createTokenSource({ fetchToken: async () => fakeJwt({ sub: "u1", iat: 1, exp: 9e9 }, "tok") }),
    onUnauthorized: vi.fn(),
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      sent.push({ url: String(input), init });
      return answer(String(input), init);
    }) as typeof fetch,
  });
  return { transfer: createDataTransfer(api), sent };
}

describe("data transfer", () => {
  it("detects JSON, Todoist's CSV and a plain CSV as the API does", () => {
    expect(detectFormat("export.json", '\uFEFF  {"format_version":1}')).toBe("json");
    expect(detectFormat("Inbox.csv", '"TYPE","CONTENT","DESCRIPTION"\r\ntask,Milk,')).toBe("todoist-csv");
    expect(detectFormat("Inbox.csv", "TYPE,CONTENT,DESCRIPTION,PRIORITY\n")).toBe("todoist-csv");
    expect(detectFormat("tasks.csv", "title,due_date\nMilk,2026-01-01\n")).toBe("csv");
  });

  it("names a download after the attachment, else by date", () => {
    expect(attachmentName('attachment; filename="tasks-2026-12-07.json"', "json")).toBe("tasks-2026-12-07.json");
    expect(attachmentName(null, "csv", new Date("2026-01-02T10:00:00Z"))).toBe("tasks-2026-01-02.csv");
  });

  it("summarises a preview and a result in words", () => {
    expect(summary(result)).toEqual(["2 tasks to import", "1 task already here, to be skipped", "1 new list"]);
    expect(summary({ ...result, dry_run: false, tasks_added: 10_000, tasks_already_present: 0, lists_added: 0 })).toEqual([
      "10,000 tasks imported",
    ]);
  });

  it("sends the file as it is, with its format and dry_run, and the token", async () => {
    const { transfer, sent } = client(() => Response.json(result));
    const file = new Blob(["title\nMilk\n"], { type: "text/csv" });
    await expect(transfer.importFile("u 1", file, "csv", true)).resolves.toEqual(result);
    expect(sent[0]!.url).toBe("http://api.test/api/u%201/import?format=csv&dry_run=true");
    const headers = new Headers(sent[0]!.init.headers);
    expect(headers.get("Content-Type")).toBe("text/csv");
    expect(headers.get("Authorization")).toMatch(/^Bearer /);
    expect(sent[0]!.init.body).toBe(file);
  });

  it("shows the API's message naming the line, and the bounds for a file too large", async () => {
    const { transfer } = client(
      () =>
        new Response(JSON.stringify({ status: 422, detail: "The file cannot be imported: line 12: title must not be blank" }), {
          status: 422,
          headers: { "Content-Type": "application/problem+json" },
        }),
    );
    const error = await transfer.importFile("u1", new Blob(["x"]), "csv", true).catch((e: unknown) => e);
    expect(importErrorMessage(error)).toMatch(/line 12: title/);
    const big = { size: 6 * 1024 * 1024 } as Blob;
    const tooLarge = await transfer.importFile("u1", big, "csv", true).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(ApiError);
    expect(importErrorMessage(tooLarge)).toBe(TOO_LARGE_MESSAGE);
  });

  it("downloads the export with the token and its file name", async () => {
    const { transfer, sent } = client(
      () => new Response("title\r\n", { headers: { "Content-Disposition": 'attachment; filename="tasks-2026-12-07.csv"' } }),
    );
    const { blob, name } = await transfer.download("u1", "csv");
    expect(sent[0]!.url).toBe("http://api.test/api/u1/export.csv");
    expect(name).toBe("tasks-2026-12-07.csv");
    expect(await blob.text()).toBe("title\r\n");
  });
});
