export function Logo() {
  return (
    <span className="logo">
      <svg aria-hidden="true" width="28" height="28" viewBox="0 0 28 28" focusable="false">
        <rect width="28" height="28" rx="8" fill="currentColor" />
        <path d="M8 14.5l4 4 8-9" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="logo-text">Tasks</span>
    </span>
  );
}
