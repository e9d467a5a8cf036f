import React from 'react';

export function Footer() {
  return (
    <footer className="portal-footer">
      <a href="/legal/notice-of-privacy-practices">See our HIPAA Notice of Privacy Practices</a>
      <a href="/legal/privacy">Read our privacy policy</a>
      <span>© Riverbend Health</span>
    </footer>
  );
}
