import { EmailText } from "@/components/EmailText";
import { ResendVerification } from "@/components/ResendVerification";
import { confirmBannerText } from "@/lib/mail/confirm-banner";
import { EmailChangeForm, NameForm } from "./ProfileForms";

interface Props {
  user: { name: string; email: string; emailVerified: boolean };
  here: string;
}

/** Who is signed in, and editing it: rendered on the server, the forms run in the browser. */
export function ProfileSection({ user, here }: Props) {
  return (
    <section className="account-card card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <dl className="profile">
        <dt>Name</dt>
        <dd data-testid="account-name">{user.name || "—"}</dd>
        <dt>Email</dt>
        <dd>
          <EmailText email={user.email} testId="account-email" />{" "}
          {user.emailVerified ? (
            <span className="badge badge-ok" data-testid="email-verified">
              Verified
            </span>
          ) : (
            <span className="badge badge-warn" data-testid="email-unverified">
              Not verified
            </span>
          )}
        </dd>
      </dl>
      {!user.emailVerified && (
        <>
          <p className="field-hint">
            {confirmBannerText(user.email, null).sent} {confirmBannerText(user.email, null).why}
          </p>
          <ResendVerification email={user.email} />
        </>
      )}
      <NameForm current={user.name} here={here} />
      <EmailChangeForm current={user.email} confirmed={user.emailVerified} here={here} />
    </section>
  );
}
