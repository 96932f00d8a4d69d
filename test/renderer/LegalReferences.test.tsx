import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LegalReferences } from '../../renderer/src/components/LegalReferences';
import type { LegalRef } from '../../shared/templates/schema';

const refs: LegalRef[] = [
  { act: 'SoL (2001:453)', chapter: 11, section: '1 a', validTo: '2025-06-30' },
  { act: 'SoL (2025:400)', chapter: 20, section: '2', validFrom: '2025-07-01' },
  { act: 'SOSFS 2014:5', chapter: 6 },
];

const items = () => within(screen.getByRole('list', { name: 'Lagrum' })).getAllByRole('listitem').map((li) => li.textContent);

describe('LegalReferences', () => {
  it('shows both acts across the change of law, each marked with when it applies', () => {
    render(<LegalReferences refs={refs} period={{ from: '2025-01-01', to: '2025-12-31' }} />);
    expect(screen.getByRole('heading', { level: 4, name: 'Lagrum' })).toBeTruthy();
    expect(items()).toEqual([
      '20 kap. 2 § SoL (2025:400) (gäller från den 1 juli 2025)',
      '6 kap. SOSFS 2014:5',
      '11 kap. 1 a § SoL (2001:453) (gäller till och med den 30 juni 2025)',
    ]);
  });

  it('shows only the law in force, unmarked, for a period on one side of the change', () => {
    render(<LegalReferences refs={refs} period={{ from: '2025-09-01', to: '2026-02-28' }} headingLevel={3} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Lagrum' })).toBeTruthy();
    expect(items()).toEqual(['20 kap. 2 § SoL (2025:400)', '6 kap. SOSFS 2014:5']);
  });

  it('renders nothing when no reference applies in the period', () => {
    const { container } = render(<LegalReferences refs={[refs[0]]} period={{ from: '2026-01-01', to: '2026-06-30' }} />);
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('list', { name: 'Lagrum' })).toBeNull();
  });
});
