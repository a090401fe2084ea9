"use client";

export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-page">
      <div className="auth-card" role="alert">
        <h1 className="auth-title">Something went wrong</h1>
        <p className="auth-subtitle">The page couldn&apos;t load. This is usually brief; try again in a moment.</p>
        <button type="button" className="btn btn-primary btn-block" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
