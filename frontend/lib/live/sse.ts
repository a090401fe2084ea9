/**
 * An incremental Server-Sent Events parser (the WHATWG "event stream interpretation"): text goes
 * in as it arrives, in chunks cut anywhere; each block ending in a blank line comes out as one
 * event. Fetch streams need it because EventSource cannot send `Authorization`.
 */

export interface SseEvent {
  /** The `event:` field; "message" when absent. */
  event: string;
  /** The `data:` lines joined by "\n"; "" for a block without data (e.g. an id-only one). */
  data: string;
  /** The `id:` field of this block, if it had one. */
  id?: string;
}

export function createSseParser(onEvent: (event: SseEvent) => void) {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  let any = false;
  // A "\r" at the end of a chunk may be the first half of "\r\n".
  let pendingCr = false;

  function line(text: string) {
    if (text === "") {
      if (any) onEvent({ event: event || "message", data: data.join("\n"), ...(id !== undefined ? { id } : {}) });
      event = "";
      data = [];
      id = undefined;
      any = false;
      return;
    }
    if (text.startsWith(":")) return; // a comment (keep-alive)
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        event = value;
        any = true;
        break;
      case "data":
        data.push(value);
        any = true;
        break;
      case "id":
        if (!value.includes("\0")) {
          id = value;
          any = true;
        }
        break;
      default:
      // "retry" and unknown fields: ignored
    }
  }

  return {
    /** Feeds the next piece of text. */
    push(chunk: string) {
      let text = chunk;
      if (pendingCr && text.startsWith("\n")) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === "\n" || c === "\r") {
          line(buffer.slice(start, i));
          if (c === "\r") {
            if (i + 1 < buffer.length) {
              if (buffer[i + 1] === "\n") i++;
            } else {
              pendingCr = true;
            }
          }
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
  };
}
