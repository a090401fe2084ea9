import { ResendVerification } from "@/components/ResendVerification";

interface Props {
  user: { name: string; email: string; emailVerified: boolean };
}

/** Who is signed in: rendered on the server, only the resend button runs in the browser. */
export function ProfileSection({ user }: Props) {
  return (
    <section className="account-card card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <dl className="profile">
        <dt>Name</dt>
        <dd data-testid="account-name">{user.name || "—"}</dd>
        <dt>Email</dt>
        <dd>
          <span data-testid="account-email">{user.email}</span>{" "}
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
      {!user.emailVerified && <ResendVerification email={user.email} />}
    </section>
  );
}
