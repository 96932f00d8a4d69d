import { ScreenHeading } from './ScreenHeading';

export function NotFoundScreen() {
  return (
    <>
      <ScreenHeading>Sidan finns inte</ScreenHeading>
      <p>
        Adressen leder inte till någon vy. <a href="#/mallar">Gå till mallarna</a>.
      </p>
    </>
  );
}
