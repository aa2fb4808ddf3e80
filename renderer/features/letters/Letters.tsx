import type { CaseData } from '../cases/useCase';

/** The case's letters: drafts, issued letters and the editor. */
export function LettersPanel({
  caseId,
  data,
  sub,
}: {
  caseId: string;
  data: CaseData;
  sub?: string | undefined;
}) {
  void data;
  return (
    <p>
      {caseId} {sub}
    </p>
  );
}
