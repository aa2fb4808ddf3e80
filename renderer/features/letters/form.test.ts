import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../shared/errors';
import { letterOptions } from '../../../shared/letters/options';
import { emptyForm, formFromOptions, optionsFromForm } from './form';
import { optionFieldId, targetOf } from './targets';

describe('the editor form and the letter options', () => {
  it('an empty form is no options at all: the letter uses the case and the defaults', () => {
    expect(optionsFromForm(emptyForm())).toEqual({});
  });

  it('turns typed dates round, trims, leaves out empty groups, and survives a draft round trip', () => {
    const f = emptyForm();
    f.replyBy = ' 3.12.2026 ';
    f.legalBasis.rektor = '  Forvaltningsloven § 13 b nr. 1 ';
    f.assessment.validUntil = '01.08.2027';
    f.assessment.goals = 'Lese og skrive på trinnets nivå.';
    f.waitingAdvice = [
      { what: 'Kontaktlærer ringer hjem hver fredag.', who: 'kontaktlærer' },
      { what: ' ', who: '' },
    ];
    f.keep = [{ phrase: 'ved behov', path: 'recommendations[1].frequency', reason: 'Elevens egne ord.' }];
    const o = optionsFromForm(f);
    expect(o).toEqual({
      replyBy: '2026-12-03',
      legalBasis: { rektor: 'Forvaltningsloven § 13 b nr. 1' },
      assessment: { goals: 'Lese og skrive på trinnets nivå.', validUntil: '2027-08-01' },
      waitingAdvice: [{ what: 'Kontaktlærer ringer hjem hver fredag.', who: 'kontaktlærer' }],
      keep: [{ phrase: 'ved behov', path: 'recommendations[1].frequency', reason: 'Elevens egne ord.' }],
    });
    // What the form makes is what the contract accepts, and a saved draft opens as it was typed.
    expect(letterOptions.safeParse(o).success).toBe(true);
    const back = formFromOptions(letterOptions.parse(o));
    expect(back.replyBy).toBe('03.12.2026');
    expect(optionsFromForm(back)).toEqual(o);
  });

  it('passes a malformed date on unchanged, so the contract names the field', () => {
    const f = emptyForm();
    f.replyBy = '31.02';
    const o = optionsFromForm(f);
    expect(o.replyBy).toBe('31.02');
    const r = letterOptions.safeParse(o);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['replyBy']);
  });
});

describe('where a finding is fixed', () => {
  it('options in the editor, measure texts in place, the rest in its tab', () => {
    expect(targetOf(['options', 'legalBasis', 'rektor'])).toEqual({
      kind: 'option',
      fieldId: optionFieldId(['legalBasis', 'rektor']),
    });
    expect(targetOf(['recommendations', 1, 'frequency'])).toEqual({
      kind: 'measureText',
      index: 1,
      field: 'frequency',
    });
    expect(targetOf(['recommendations', 0, 'evaluation', 'method'])).toMatchObject({
      kind: 'measureText',
      nested: 'evaluation',
    });
    expect(targetOf(['recommendations', 0, 'leader'])).toEqual({ kind: 'tab', tab: 'measures' });
    expect(targetOf(['pupilVoice'])).toEqual({ kind: 'tab', tab: 'voices' });
    expect(targetOf(['meetings', 0, 'agreements', 1, 'deadline'])).toEqual({ kind: 'tab', tab: 'meetings' });
    expect(targetOf(['text'])).toEqual({ kind: 'none' });
    // The keep path the editor records is the one the checks compare with.
    expect(formatPath(['recommendations', 1, 'frequency'])).toBe('recommendations[1].frequency');
  });
});
