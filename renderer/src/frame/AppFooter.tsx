import { useEffect, useState } from 'react';
import { services } from '../services';

/** The program version, from app.info; nothing is shown if it cannot be read. */
export function AppFooter() {
  const [version, setVersion] = useState<string>();
  useEffect(() => {
    let live = true;
    services()
      .api.send('app.info', {})
      .then((r) => live && r.ok && setVersion(r.value.appVersion))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return <footer className="app-footer">{version ? `Granskningsbänken ${version}` : 'Granskningsbänken'}</footer>;
}
