import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1 className="auth-title">Page not found</h1>
        <p className="auth-subtitle">That page doesn&apos;t exist.</p>
        <Link className="btn btn-primary btn-block" href="/">
          Go to my tasks
        </Link>
      </div>
    </main>
  );
}
