import type { Pupil } from '../domain/pupil';
import { sameName } from '../registers/schema';

/** What identifies a pupil well enough to notice a second case for them. */
export type PupilIdentity = Pick<Pupil, 'name' | 'school'> & { birthDate?: string | null | undefined };

/**
 * DUPLICATE_PUPIL: a new case names a pupil who already has one: the same name (spelling aside:
 * case, spaces) and either the same birth date or the same school. Two pupils can share a name;
 * sharing a name and a birth date, or a name and a school, is rare enough to ask first.
 */
export function samePupil(a: PupilIdentity, b: PupilIdentity): boolean {
  if (!sameName(a.name, b.name)) return false;
  return (!!a.birthDate && a.birthDate === b.birthDate) || sameName(a.school, b.school);
}
