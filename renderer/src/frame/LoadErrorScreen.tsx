import { ScreenHeading } from './ScreenHeading';

/** What a screen shows when its data could not be loaded: what failed, why, and the way back. */
export function LoadErrorScreen({ title, message, backHref, backLabel }: { title: string; message: string | undefined; backHref: string; backLabel: string }) {
  return (
    <div className="screen">
      <ScreenHeading>{title}</ScreenHeading>
      <div className="alert alert-error" role="alert">
        <p>{message}</p>
      </div>
      <p>
        <a href={backHref}>{backLabel}</a>
      </p>
    </div>
  );
}
