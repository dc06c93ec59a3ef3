import type { PoolState } from '../../src-shared/ipc/snapshot';

/**
 * Small inline SVG icons. They sit next to text that says the same thing, so they are hidden
 * from assistive technology; their shapes differ so that state never depends on colour alone.
 */

type IconProps = { className?: string };

const svg = (children: React.ReactNode, className = 'icon'): React.JSX.Element => (
  <svg className={className} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

export function CheckIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" opacity="0.18" />
      <path
        d="M4.5 8.2 7 10.6l4.6-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>,
    className,
  );
}

export function WarnIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <>
      <path
        d="M8 1.5 15 14H1z"
        fill="currentColor"
        opacity="0.18"
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
      <path d="M8 6v4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12" r="0.9" fill="currentColor" />
    </>,
    className,
  );
}

export function CriticalIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <>
      <path
        d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z"
        fill="currentColor"
        opacity="0.2"
        stroke="currentColor"
        strokeWidth="1.2"
      />
      <path d="M8 4.5v4.5" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      <circle cx="8" cy="11.5" r="0.95" fill="currentColor" />
    </>,
    className,
  );
}

export function EmptyIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4"
        className="icon-knockout"
        strokeWidth="1.7"
        strokeLinecap="round"
      />
    </>,
    className,
  );
}

export function SyncIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <path
      d="M13.5 8a5.5 5.5 0 0 1-9.6 3.7M2.5 8a5.5 5.5 0 0 1 9.6-3.7M12.5 1.5v3h-3M3.5 14.5v-3h3"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />,
    className,
  );
}

export function OfflineIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <>
      <path
        d="M1.5 6a9.5 9.5 0 0 1 13 0M4 8.8a6 6 0 0 1 8 0M6.4 11.4a2.5 2.5 0 0 1 3.2 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
      <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </>,
    className,
  );
}

export function BackIcon({ className }: IconProps): React.JSX.Element {
  return svg(
    <path
      d="M10 3 5 8l5 5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />,
    className,
  );
}

/** The icon of a pool state. */
export function StateIcon({ state, className }: { state: PoolState } & IconProps): React.JSX.Element {
  switch (state) {
    case 'ok':
      return <CheckIcon className={className} />;
    case 'past-threshold':
      return <WarnIcon className={className} />;
    case 'at-risk':
      return <CriticalIcon className={className} />;
    case 'dry':
      return <EmptyIcon className={className} />;
    case 'stale':
      return <OfflineIcon className={className} />;
  }
}
