/**
 * UI text for measures (issue 13), merged into the app's dictionaries (renderer/app/i18n.tsx):
 * bokmål is the source of keys; a key missing in nn or en falls back to bokmål.
 */
export const nb = {
  'f.recommendations.schoolAnswer.reasonCategory': 'Årsak (kategori)',
  'opt.reasonCategory.ressurser': 'Ressurser',
  'opt.reasonCategory.kompetanse': 'Kompetanse',
  'opt.reasonCategory.organisering': 'Organisering',
  'opt.reasonCategory.annet': 'Annet',
  'mea.implementation': 'Gjennomført? Skolen og foresatte',
  'mea.bySchool': 'Meldt av skolen',
  'mea.byParents': 'Bekreftet av foresatte',
  'mea.inPlace': 'på plass',
  'mea.notInPlace': 'ikke på plass',
  'mea.disagree': 'Skolen og foresatte er uenige om tiltaket er gjennomført.',
  'mea.occurrences': 'Gjennomføringer',
  'mea.held': 'holdt',
  'mea.notHeld': 'ikke holdt',
  'mea.checkIns': 'Korte oppfølginger',
  'mea.statusChanges': 'Statusendringer',
} as const;

export const nn: Partial<Record<keyof typeof nb, string>> = {
  'f.recommendations.schoolAnswer.reasonCategory': 'Årsak (kategori)',
  'opt.reasonCategory.ressurser': 'Ressursar',
  'opt.reasonCategory.kompetanse': 'Kompetanse',
  'opt.reasonCategory.organisering': 'Organisering',
  'opt.reasonCategory.annet': 'Anna',
  'mea.implementation': 'Gjennomført? Skulen og føresette',
  'mea.bySchool': 'Meldt av skulen',
  'mea.byParents': 'Stadfesta av føresette',
  'mea.inPlace': 'på plass',
  'mea.notInPlace': 'ikkje på plass',
  'mea.disagree': 'Skulen og føresette er usamde om tiltaket er gjennomført.',
  'mea.occurrences': 'Gjennomføringar',
  'mea.held': 'halde',
  'mea.notHeld': 'ikkje halde',
  'mea.checkIns': 'Korte oppfølgingar',
  'mea.statusChanges': 'Statusendringar',
};

export const en: Partial<Record<keyof typeof nb, string>> = {
  'f.recommendations.schoolAnswer.reasonCategory': 'Reason (category)',
  'opt.reasonCategory.ressurser': 'Resources',
  'opt.reasonCategory.kompetanse': 'Competence',
  'opt.reasonCategory.organisering': 'Organisation',
  'opt.reasonCategory.annet': 'Other',
  'mea.implementation': 'Carried out? The school and the parents',
  'mea.bySchool': 'Reported by the school',
  'mea.byParents': 'Confirmed by the parents',
  'mea.inPlace': 'in place',
  'mea.notInPlace': 'not in place',
  'mea.disagree': 'The school and the parents disagree on whether the measure was carried out.',
  'mea.occurrences': 'Occurrences',
  'mea.held': 'held',
  'mea.notHeld': 'not held',
  'mea.checkIns': 'Short check-ins',
  'mea.statusChanges': 'Status changes',
};
