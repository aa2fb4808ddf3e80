import { describe, expect, it } from 'vitest';
import { NB as nb, NN as nn } from './texts';

// Issue 16: an anbefaling does not ask the school to «set in motion» measures already running.
describe('the anbefaling lead says what is new and what continues', () => {
  it('bokmål', () => {
    expect(nb.anbefaling.lead('PPT', 2, 'Ada', 5)).toMatch(
      /^Vi anbefaler at skolen setter i gang to tiltak for Ada, 5\. trinn\./u,
    );
    expect(nb.anbefaling.lead('PPT', 2, 'Ada', 5, 1)).toMatch(
      /^Vi anbefaler at skolen setter i gang ett nytt tiltak for Ada, 5\. trinn og fortsetter med det ene som allerede er i gang\./u,
    );
    expect(nb.anbefaling.lead('PPT', 4, 'Ada', 5, 2)).toContain('to nye tiltak');
    expect(nb.anbefaling.lead('PPT', 4, 'Ada', 5, 2)).toContain(
      'fortsetter med de to som allerede er i gang',
    );
    const all = nb.anbefaling.lead('PPT', 2, 'Ada', null, 2);
    expect(all).toMatch(
      /^Vi anbefaler at skolen fortsetter med de to tiltakene for Ada som allerede er i gang\./u,
    );
    expect(all).not.toContain('setter i gang');
    expect(nb.anbefaling.lead('PPT', 1, 'Ada', null, 1)).toContain('fortsetter med tiltaket for Ada');
  });

  it('nynorsk', () => {
    expect(nn.anbefaling.lead('PPT', 2, 'Ada', 5, 1)).toMatch(
      /^Vi tilrår at skulen set i gang eitt nytt tiltak for Ada, 5\. trinn og held fram med det eine som alt er i gang\./u,
    );
    expect(nn.anbefaling.lead('PPT', 2, 'Ada', null, 2)).toMatch(
      /^Vi tilrår at skulen held fram med dei to tiltaka for Ada som alt er i gang\./u,
    );
  });
});
