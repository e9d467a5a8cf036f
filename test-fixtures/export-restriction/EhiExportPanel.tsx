import React, { useState } from 'react';
import { api } from '../api';

// The portal's "Download my record" panel: UI state only, nothing is switched off here.
export function EhiExportPanel({ patientId }: { patientId: string }) {
  // ok: export-restriction
  const [busy, setBusy] = useState({ patientExport: false, bulkExport: false });
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy({ ...busy, patientExport: true });
    try {
      await api.post(`/api/patients/${patientId}/ehi-export`);
    } catch (e) {
      setError(String(e));
    } finally {
      // ok: export-restriction
      setBusy({ ...busy, patientExport: false });
    }
  }

  return (
    <button disabled={busy.patientExport} onClick={download}>
      Download my health record
    </button>
  );
}
