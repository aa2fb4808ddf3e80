/**
 * The hand-computed March 2026 referrals of shared/waiting/report.test.ts as imported cases
 * (plus what the import format needs: pupils, reasons, handover notes).
 */
export function marchCases() {
  const pupil = (name: string, school: string) => ({ name, school, grade: 6 });
  const ref = (r: Record<string, unknown>) => ({
    id: 'r-1',
    referredBy: 'skole',
    reason: 'ufrivillig skolefravær',
    ...r,
  });
  return {
    format: 'bro-interchange/1',
    cases: [
      {
        id: 'c-1',
        service: 'PPT',
        pupil: pupil('Siri Testesen', 'Hov skole'),
        referrals: [ref({ received: '2026-01-05', firstContact: '2026-03-02', concluded: '2026-03-31' })],
        assignments: [
          {
            caseworker: 'Kari Rådgiver',
            role: 'rådgiver',
            from: '2026-01-20',
            to: '2026-02-10',
            handoverNote: 'Status.',
          },
          { caseworker: 'Ola Rådgiver', role: 'rådgiver', from: '2026-02-20' },
        ],
      },
      {
        id: 'c-2',
        service: 'PPT',
        pupil: pupil('Per Prøvesen', 'Hov skole'),
        referrals: [ref({ received: '2026-02-16' })],
      },
      {
        id: 'c-3',
        service: 'BUP',
        pupil: pupil('Åse Eksempel', 'Berg skole'),
        referrals: [
          ref({
            referredBy: 'fastlege',
            received: '2026-03-02',
            decided: '2026-03-13',
            decision: 'accepted',
            frist: '2026-03-20',
            firstContact: '2026-03-23',
          }),
        ],
      },
      {
        id: 'c-4',
        service: 'Skoleteam',
        pupil: pupil('Nils Fiktiv', 'Dal skole'),
        referrals: [
          ref({
            received: '2026-03-10',
            signal: '2026-02-20',
            sent: '2026-03-09',
            firstContact: '2026-03-20',
          }),
        ],
      },
      {
        id: 'c-5',
        service: 'PPT',
        pupil: pupil('Liv Oppdiktet', 'Dal skole'),
        referrals: [ref({ received: '2026-03-20', decided: '2026-03-25', decision: 'rejected' })],
      },
      {
        id: 'c-6',
        service: 'PPT',
        pupil: pupil('Ole Påfunnet', 'Dal skole'),
        referrals: [ref({ received: '2025-10-01', firstContact: '2025-11-03', concluded: '2026-02-27' })],
      },
      {
        id: 'c-7',
        service: 'BUP',
        pupil: pupil('Kim Tenkt', 'Berg skole'),
        referrals: [ref({ received: '2026-10-30' })],
        accessRequests: [{ id: 'i-1', received: '2026-10-01', requestedBy: 'foresatte' }],
      },
    ],
  };
}
