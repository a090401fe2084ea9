import Link from "next/link";

interface Props {
  twoFactorEnabled: boolean;
  twoFactorHref: string;
  signInMethodsHref: string;
}

/** Where the second factor and the linked providers are managed: each has a page of its own. */
export function SecuritySection({ twoFactorEnabled, twoFactorHref, signInMethodsHref }: Props) {
  return (
    <section className="account-card card" aria-labelledby="security-title">
      <h2 id="security-title">Sign-in security</h2>
      <dl className="profile">
        <dt>Two-factor</dt>
        <dd>
          {twoFactorEnabled ? (
            <span className="badge badge-ok" data-testid="two-factor-on">
              On
            </span>
          ) : (
            <span className="badge badge-warn" data-testid="two-factor-off">
              Off
            </span>
          )}{" "}
          <Link href={twoFactorHref}>{twoFactorEnabled ? "Manage two-factor" : "Turn on two-factor"}</Link>
        </dd>
        <dt>Sign-in methods</dt>
        <dd>
          <Link href={signInMethodsHref}>Password and linked providers</Link>
        </dd>
      </dl>
    </section>
  );
}
