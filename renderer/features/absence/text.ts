/**
 * UI text for absence over time and the closing figures (issue 15, items 1 and 5's fields). Merged
 * into the app's dictionaries (renderer/app/i18n.tsx): bokmål is the source of keys; nn and en
 * fall back to it.
 */
export const nb = {
  'task.absenceUpdate': 'Nye fraværstall',
  'tasks.act.absenceUpdate': 'Hent nye fraværstall fra skolen',
  'tasks.act.absenceUpdate.for': 'Hent nye fraværstall fra skolen for {who}',
  'f.targets.absenceUpdateWeeks': 'Nye fraværstall mens henvisningen venter (hver N. uke)',
  'f.referrals.closingOutcome': 'Tilbake på skolen ved avslutning',
  'f.referrals.closingAbsencePercent': 'Fravær ved avslutning (%)',
  'opt.closingOutcome.helt': 'Helt',
  'opt.closingOutcome.delvis': 'Delvis',
  'opt.closingOutcome.ikke': 'Ikke',
};

export const nn: Partial<Record<keyof typeof nb, string>> = {
  'task.absenceUpdate': 'Nye fråværstal',
  'tasks.act.absenceUpdate': 'Hent nye fråværstal frå skulen',
  'tasks.act.absenceUpdate.for': 'Hent nye fråværstal frå skulen for {who}',
  'f.targets.absenceUpdateWeeks': 'Nye fråværstal medan tilvisinga ventar (kvar N. veke)',
  'f.referrals.closingOutcome': 'Tilbake på skulen ved avslutning',
  'f.referrals.closingAbsencePercent': 'Fråvær ved avslutning (%)',
};

export const en: Partial<Record<keyof typeof nb, string>> = {
  'task.absenceUpdate': 'New absence figures',
  'tasks.act.absenceUpdate': 'Ask the school for new absence figures',
  'tasks.act.absenceUpdate.for': 'Ask the school for new absence figures for {who}',
  'f.targets.absenceUpdateWeeks': 'New absence figures while the referral waits (every N weeks)',
  'f.referrals.closingOutcome': 'Back at school at closing',
  'f.referrals.closingAbsencePercent': 'Absence at closing (%)',
  'opt.closingOutcome.helt': 'Fully',
  'opt.closingOutcome.delvis': 'Partly',
  'opt.closingOutcome.ikke': 'Not',
};
