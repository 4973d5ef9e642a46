import type { SVGProps } from 'react';

/**
 * Designsystemet's spinner markup and styles without its animation synchronisation: that hook calls
 * `document.getAnimations()` on every mount, which forces a style recalculation of the whole page
 * while it loads (a long main-thread task on a phone).
 */
export function Spinner({ className, ...rest }: SVGProps<SVGSVGElement> & { 'data-size'?: string }) {
  return (
    <svg {...rest} className={className ? `ds-spinner ${className}` : 'ds-spinner'} role="img" viewBox="0 0 50 50">
      <circle className="ds-spinner__background" cx="25" cy="25" r="20" fill="none" strokeWidth="5" />
      <circle className="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" strokeWidth="5" />
    </svg>
  );
}
