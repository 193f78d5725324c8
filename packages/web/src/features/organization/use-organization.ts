import {
  DepartmentList,
  Organization,
  OrganizationList,
  type Department,
} from '@carillon/protocol/organizations';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../app/services';

/** The organizations I belong to (the switcher's choices). */
export function useOrganizations() {
  const { api } = useServices();
  const [organizations, setOrganizations] = useState<Organization[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setOrganizations(
        (await api.get('/api/organizations', { schema: OrganizationList })).organizations,
      );
    } catch (failure) {
      setError(failure);
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { organizations, error, reload };
}

/** One organization and its department tree, re-read after changes. */
export function useOrganization(id: string) {
  const { api } = useServices();
  const [organization, setOrganization] = useState<Organization | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const [org, list] = await Promise.all([
        api.get(`/api/organizations/${id}`, { schema: Organization }),
        api.get(`/api/organizations/${id}/departments`, { schema: DepartmentList }),
      ]);
      setOrganization(org);
      setDepartments(list.departments);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api, id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { organization, departments, error, reload };
}

/** Main and sub-administrators see the console; what each may do there the server decides. */
export const isAdmin = (organization: Organization): boolean => organization.myRole !== 'member';
