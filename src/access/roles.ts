import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const userRoles = ['admin', 'editor', 'reviewer'] as const
export type UserRole = (typeof userRoles)[number]

export const userRoleLabels: Record<UserRole, string> = { admin: 'Admin', editor: 'Editor', reviewer: 'Reviewer' }

type UserWithRole = { collection?: string; id: number | string; role?: UserRole | null }

/** The signed-in user's role, or null for anonymous callers and users without one. */
export function roleOf(req: Pick<PayloadRequest, 'user'>): null | UserRole {
  const user = req.user as null | UserWithRole | undefined
  return user?.role ?? null
}

export function hasRole(req: Pick<PayloadRequest, 'user'>, ...roles: UserRole[]): boolean {
  const role = roleOf(req)
  return role !== null && roles.includes(role)
}

export const anyone: Access = () => true

export const isAdmin: Access = ({ req }) => hasRole(req, 'admin')

/** Editors write content; admins may do everything an editor may. */
export const isEditor: Access = ({ req }) => hasRole(req, 'admin', 'editor')

/**
 * Editors write content. Reviewers may save a document only while the workflow operation
 * carries out a transition it has already checked (approve, request changes).
 */
export function isEditorOrCheckedTransition(transitionContextField: string): Access {
  return ({ req }) =>
    hasRole(req, 'admin', 'editor') || (hasRole(req, 'reviewer') && Boolean(req.context?.[transitionContextField]))
}

/** Reference data (tools, categories, personas): anyone reads, editors write, admins delete. */
export const referenceDataAccess = { create: isEditor, delete: isAdmin, read: anyone, update: isEditor }

/** Logs that only the plugin's hooks write (through the Local API); nobody edits them. */
export function appendOnlyAccess(read: Access) {
  const nobody: Access = () => false
  return { create: nobody, delete: nobody, read, update: nobody }
}

/** Whether the caller is on the editorial team: an admin, an editor or a reviewer. */
export function isEditorialUser(req: Pick<PayloadRequest, 'user'>): boolean {
  return hasRole(req, ...userRoles)
}

/** Anyone on the editorial team, as an access rule. */
export const isStaff: Access = ({ req }) => isEditorialUser(req)

/** The public sees published documents only; the editorial team sees every stage. */
export const publishedOrStaff: Access = ({ req }) => {
  if (hasRole(req, 'admin', 'editor', 'reviewer')) {
    return true
  }
  const onlyPublished: Where = { _status: { equals: 'published' } }
  return onlyPublished
}

/** Admins manage every account; everyone else reads and updates only their own. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (hasRole(req, 'admin')) {
    return true
  }
  if (!req.user) {
    return false
  }
  const ownAccount: Where = { id: { equals: req.user.id } }
  return ownAccount
}

export const isAdminField: FieldAccess = ({ req }) => hasRole(req, 'admin')

/** For computed fields that only hooks (through the Local API) may write. */
export const nobody: FieldAccess = () => false

/**
 * Content that goes through review (verdicts, matchups): the public reads what is
 * published, the team reads everything, editors write, and reviewers save only through a
 * checked workflow transition.
 */
export function reviewedContentAccess(transitionContextField: string) {
  return {
    create: isEditor,
    delete: isEditor,
    read: publishedOrStaff,
    readVersions: isStaff,
    update: isEditorOrCheckedTransition(transitionContextField),
  }
}
