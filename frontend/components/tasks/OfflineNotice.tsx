interface Props {
  pendingEdits: number;
}

/** A small, calm state while the API cannot be reached: edits are kept and sent when it can. */
export function OfflineNotice({ pendingEdits }: Props) {
  return (
    <p className="offline-notice" role="status" data-testid="offline-notice">
      Offline — changes will sync
      {pendingEdits > 0 ? ` (${pendingEdits} waiting)` : ""}
    </p>
  );
}
