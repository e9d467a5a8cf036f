import React, { useMemo } from 'react';
import type { Bundle, Observation } from 'fhir/r4';
import { LineChart } from '../charts/LineChart';

export function VitalsChart({ bundle }: { bundle: Bundle }) {
  const series = useMemo(() => {
    const obs = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is Observation => r?.resourceType === 'Observation');
    return obs.map((o) => ({ t: o.effectiveDateTime, v: o.valueQuantity?.value }));
  }, [bundle]);
  return <LineChart data={series} />;
}
