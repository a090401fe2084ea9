import { Fragment } from "react";
import { emailBreakParts } from "@/lib/account/profile";

/** An email address that a narrow screen wraps after a dot or before the @, never mid-word. */
export function EmailText({ email, testId }: { email: string; testId?: string }) {
  return (
    <span className="email-text" data-testid={testId} title={email}>
      {emailBreakParts(email).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
