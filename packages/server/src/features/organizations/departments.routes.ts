import {
  CreateDepartmentBody,
  DeleteDepartmentQuery,
  Department,
  DepartmentList,
  DepartmentGroupBody,
  DepartmentParams,
  OrganizationParams,
  UpdateDepartmentBody,
} from '@carillon/protocol/organizations';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { DepartmentsService } from './departments.service';

const tags = ['organizations'];
const admin = ['not_found', 'forbidden', 'conflict'];

/** The department tree: list, create, rename/move/set manager, delete, department groups. */
export function departmentsRoutes(departments: DepartmentsService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/organizations/:id/departments',
      summary: 'Every department, with parent ids to build the tree',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: DepartmentList,
      errors: ['not_found'],
      handler: async ({ user, params }) => ({
        departments: await departments.list(user.userId, params.id),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/departments',
      summary: 'Create a department (admins with departments, within their subtree)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: CreateDepartmentBody,
      response: Department,
      status: 201,
      errors: admin,
      handler: ({ user, params, body }) =>
        departments.create(user.userId, params.id, body.name, body.parentId),
    }),
    route({
      method: 'PATCH',
      path: '/api/organizations/:id/departments/:departmentId',
      summary: 'Rename, move (cycles are refused) or set the manager of a department',
      tags,
      auth: 'user',
      params: DepartmentParams,
      body: UpdateDepartmentBody,
      response: Department,
      errors: admin,
      handler: ({ user, params, body }) =>
        departments.update(user.userId, params.id, params.departmentId, body),
    }),
    route({
      method: 'DELETE',
      path: '/api/organizations/:id/departments/:departmentId',
      summary: 'Delete a department without sub-departments; members move to moveMembersTo',
      tags,
      auth: 'user',
      params: DepartmentParams,
      query: DeleteDepartmentQuery,
      errors: admin,
      handler: async ({ user, params, query }) => {
        await departments.delete(user.userId, params.id, params.departmentId, query.moveMembersTo);
      },
    }),
    route({
      method: 'PUT',
      path: '/api/organizations/:id/departments/:departmentId/group',
      summary: "Turn a department's group on (members follow the department) or off (dissolved)",
      tags,
      auth: 'user',
      params: DepartmentParams,
      body: DepartmentGroupBody,
      response: Department,
      errors: ['not_found', 'forbidden'],
      handler: ({ user, params, body }) =>
        departments.setGroup(user.userId, params.id, params.departmentId, body.enabled),
    }),
  ];
}
