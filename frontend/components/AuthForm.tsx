"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { forgotPasswordPath } from "@/lib/account/account-links";
import { authClient } from "@/lib/auth/auth-client";
import { authErrorMessage, MIN_PASSWORD_LENGTH, validateCredentials, type AuthMode } from "@/lib/auth/auth-errors";
import { signInPath, signUpPath, type Locale } from "@/lib/http/paths";
import { EMAIL_MAX_CHARS, NAME_MAX_CHARS } from "@/lib/auth/user-limits";
import { Logo } from "./Logo";
import { SsoButtons } from "./SsoButtons";
import { TwoFactorStep } from "./TwoFactorStep";
import type { SsoProvider } from "@/lib/sign-in/auth-sso";
import { AuthCard } from "./AuthCard";
import { FormAlert } from "./FormAlert";
import { ResendVerification } from "./ResendVerification";
import { SubmitButton } from "./SubmitButton";
import { EMAIL_INPUT, TextField } from "./TextField";

interface Props {
  mode: AuthMode;
  /** Already sanitised on the server: a same-site path. */
  next: string;
  locale: Locale;
  /** Configured single-sign-on providers (from the server's environment) and where their errors land. */
  sso?: { providers: SsoProvider[]; errorPath: string };
  /** A message to show at once, e.g. why a provider sign-in came back refused. */
  initialError?: string | null;
  /** A one-time message from the previous step (password changed, email confirmed). */
  notice?: string;
  /**
   * REQUIRE_EMAIL_VERIFICATION is on: an unconfirmed address's sign-in answers like a wrong password
   * (lib/sign-in/unverified-sign-in.ts), so every refused sign-in also offers to send the link again.
   */
  confirmFirst?: boolean;
}

type FieldErrors = { email?: string; password?: string };

export function AuthForm({ mode, next, locale, sso, initialError = null, notice, confirmFirst = false }: Props) {
  const id = useId();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [twoFactor, setTwoFactor] = useState(false);
  const [pending, setPending] = useState(false);
  // Email verification: the address a refused sign-in was for / a sign-up that must confirm first.
  const [unverified, setUnverified] = useState<string | null>(null);
  const [checkMail, setCheckMail] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const isSignUp = mode === "signup";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    setUnverified(null);
    const errors = validateCredentials({ email, password }, mode);
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setPending(true);
    try {
      const trimmedEmail = email.trim();
      // A 429 says how long to wait in Retry-After (both Better Auth's limit and ours).
      let retryAfter: string | null = null;
      const fetchOptions = {
        onError: (ctx: { response: Response }) => void (retryAfter = ctx.response.headers.get("retry-after")),
      };
      const result = isSignUp
        ? await authClient.signUp.email(
            { email: trimmedEmail, password, name: name.trim() || trimmedEmail.split("@")[0] },
            fetchOptions,
          )
        : await authClient.signIn.email({ email: trimmedEmail, password }, fetchOptions);
      if (result.error) {
        const maybeUnconfirmed = confirmFirst && !isSignUp && result.error.code === "INVALID_EMAIL_OR_PASSWORD";
        const message = authErrorMessage(
          { ...result.error, retryAfter: retryAfter ?? (result.error as { retryAfter?: number }).retryAfter },
          mode,
        );
        setFormError(maybeUnconfirmed ? `${message} If you signed up recently, confirm your email address first.` : message);
        if (result.error.code === "EMAIL_NOT_VERIFIED" || maybeUnconfirmed) setUnverified(trimmedEmail);
        setPending(false);
        return;
      }
      // Two-factor on: no session yet, the code step comes next.
      if (result.data && "twoFactorRedirect" in result.data && result.data.twoFactorRedirect) {
        setTwoFactor(true);
        return;
      }
      // REQUIRE_EMAIL_VERIFICATION: sign-up made no session; the mailed link confirms the address. (The
      // answer no longer carries the session token to tell: lib/auth/hide-session-token.ts.)
      if (isSignUp && confirmFirst) return setCheckMail(trimmedEmail);
      // A full navigation, so the server components see the new session cookie.
      window.location.assign(next);
    } catch {
      setFormError(authErrorMessage({ status: 0 }, mode));
      setPending(false);
    }
  }

  if (twoFactor) {
    return (
      <TwoFactorStep
        next={next}
        onRestart={(message) => {
          setTwoFactor(false);
          setPending(false);
          setPassword("");
          setFormError(message ?? null);
        }}
      />
    );
  }

  if (checkMail) {
    return (
      <AuthCard title="Check your email">
        <p role="status" className="alert alert-success">
          We sent a link to {checkMail}. Open it to confirm your address, then sign in.
        </p>
        <ResendVerification email={checkMail} />
      </AuthCard>
    );
  }

  const otherHref = isSignUp ? signInPath(next, locale) : signUpPath(next, locale);
  const errorId = `${id}-error`;

  return (
    <main className="auth-page">
      <div className="auth-card">
        <Logo />
        <h1 className="auth-title">{isSignUp ? "Create your account" : "Welcome back"}</h1>
        <p className="auth-subtitle">{isSignUp ? "Start organising your day in seconds." : "Sign in to see your tasks."}</p>
        {notice && (
          <p role="status" className="alert alert-success">
            {notice}
          </p>
        )}

        <FormAlert id={errorId} message={formError} />
        {unverified && <ResendVerification email={unverified} />}

        <form onSubmit={onSubmit} noValidate aria-describedby={formError ? errorId : undefined} className="auth-form">
          {isSignUp && (
            <TextField
              id={`${id}-name`}
              label={
                <>
                  Name <span className="optional">(optional)</span>
                </>
              }
              name="name"
              type="text"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={NAME_MAX_CHARS}
            />
          )}

          <TextField
            id={`${id}-email`}
            label="Email"
            error={fieldErrors.email}
            inputRef={emailRef}
            name="email"
            {...EMAIL_INPUT}
            autoComplete={isSignUp ? "email" : "username"}
            required
            maxLength={EMAIL_MAX_CHARS}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />

          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <div className="password-row">
              <input
                ref={passwordRef}
                id={`${id}-password`}
                name="password"
                type={showPassword ? "text" : "password"}
                autoComplete={isSignUp ? "new-password" : "current-password"}
                required
                minLength={isSignUp ? MIN_PASSWORD_LENGTH : undefined}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={
                  [fieldErrors.password ? `${id}-password-error` : null, isSignUp ? `${id}-password-hint` : null]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
              />
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-pressed={showPassword}
                aria-controls={`${id}-password`}
                onClick={() => setShowPassword((v) => !v)}
              >
                {showPassword ? "Hide" : "Show"}
                <span className="visually-hidden"> password</span>
              </button>
            </div>
            {isSignUp && (
              <p id={`${id}-password-hint`} className="field-hint">
                At least {MIN_PASSWORD_LENGTH} characters.
              </p>
            )}
            {fieldErrors.password && (
              <p id={`${id}-password-error`} className="field-error">
                {fieldErrors.password}
              </p>
            )}
          </div>

          {!isSignUp && (
            <p className="forgot-link">
              <Link href={forgotPasswordPath(locale)}>Forgot password?</Link>
            </p>
          )}

          <SubmitButton
            className="btn btn-primary btn-block"
            pending={pending}
            label={isSignUp ? "Create account" : "Sign in"}
            pendingLabel={isSignUp ? "Creating account…" : "Signing in…"}
          />
        </form>

        {sso && <SsoButtons providers={sso.providers} next={next} errorPath={sso.errorPath} />}

        <p className="auth-switch">
          {isSignUp ? "Already have an account? " : "New here? "}
          <Link href={otherHref}>{isSignUp ? "Sign in" : "Create an account"}</Link>
        </p>
      </div>
    </main>
  );
}
