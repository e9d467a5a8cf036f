import React from 'react';

export function RecordsUnavailable({ reason }) {
  if (reason === 'policy') {
    return (
      <section className="alert alert-warning">
        <p>This request violates our policy and cannot be completed.</p> {/* ruleid: hipaa-blanket-reason */}
      </section>
    );
  }
  return (
    <section className="alert alert-info">
      <p>Some results are withheld at your request. Contact the HIM office to change this.</p> {/* ok: hipaa-blanket-reason */}
      <a href="/privacy">Read our privacy policy</a> {/* ok: hipaa-blanket-reason */}
    </section>
  );
}

export function toastForStatus(status) {
  if (status === 403) {
    // ruleid: hipaa-blanket-reason
    return 'Blocked per HIPAA regulations. Please contact your provider.';
  }
  // ok: hipaa-blanket-reason
  console.error('403 from records API; HIPAA review may be required');
  return 'Something went wrong';
}

export function usernameError(name) {
  // Account validation, not a refusal of records.
  // ok: hipaa-blanket-reason
  return `The username ${name} violates our policy`;
}
