import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "./sse";

function parse(...chunks: string[]): SseEvent[] {
  const out: SseEvent[] = [];
  const parser = createSseParser((e) => out.push(e));
  chunks.forEach((c) => parser.push(c));
  return out;
}

describe("createSseParser", () => {
  it("reads the API's events, comments and id-only blocks", () => {
    expect(
      parse(': live events\n\nid: 10\n\nid: 10\nevent: task\ndata: {"op":"upsert","id":4}\n\n: keep-alive\nid: 12\n\n'),
    ).toEqual([
      { event: "message", data: "", id: "10" },
      { event: "task", data: '{"op":"upsert","id":4}', id: "10" },
      { event: "message", data: "", id: "12" },
    ]);
  });

  it("joins chunks cut anywhere, also between \\r and \\n", () => {
    const whole = "event: list\r\ndata: a\r\ndata: b\r\n\r\nevent: end\rdata: {}\r\r";
    const expected = [
      { event: "list", data: "a\nb" },
      { event: "end", data: "{}" },
    ];
    for (let cut = 0; cut <= whole.length; cut++) {
      expect(parse(whole.slice(0, cut), whole.slice(cut))).toEqual(expected);
    }
    expect(parse(...whole.split(""))).toEqual(expected);
  });

  it("keeps an incomplete block until its blank line arrives", () => {
    expect(parse("event: task\ndata: x\n")).toEqual([]);
  });

  it("takes a value without a space after the colon, and a field without a colon", () => {
    expect(parse("event:reset\ndata\n\n")).toEqual([{ event: "reset", data: "" }]);
  });
});
