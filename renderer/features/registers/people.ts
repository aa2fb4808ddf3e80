import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api';
import { useI18n } from '../../app/i18n';

export function useMembers() {
  return useQuery({ queryKey: ['members'], queryFn: () => api['members.list']({}) });
}

export function useRegisters() {
  return useQuery({ queryKey: ['registers'], queryFn: () => api['registers.get']({}) });
}

/**
 * The name of whoever wrote an event or a draft (`actor`: a member id, or `recovery`), as people
 * see it: the member's name, «(uten navn)» for a member who has not set one, never the id.
 */
export function useAuthorName(): (actor: string) => string {
  const { t } = useI18n();
  const members = useMembers();
  const data = members.data;
  return useCallback(
    (actor: string) => {
      if (actor === 'recovery') return t('people.recovery');
      const m = data?.members.find((x) => x.memberId === actor);
      if (!m) return data ? t('people.unknown') : '…';
      return m.name.trim() || t('members.unnamed');
    },
    [data, t],
  );
}
