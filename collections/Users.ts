import type { CollectionConfig, Field } from 'payload'

import type { SanitizedVerdictsOptions } from '../src/options.ts'

import { makeFirstUserAdmin } from '../hooks/accounts/makeFirstUserAdmin.ts'
import { currentPasswordField, guardAccounts } from '../src/accounts/accountGuards.ts'
import { isAdmin, isAdminField, isAdminOrSelf, isStaff, userRoleLabels, userRoles } from '../src/access/roles.ts'
import { InvalidPluginOptionsError } from '../src/options.ts'

/** The fields the workflow relies on, added to the host's users collection or to ours. */
function editorialUserFields(options: SanitizedVerdictsOptions): Field[] {
  return [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: 'Editors write and publish; reviewers approve for their personas; admins do everything.',
        position: 'sidebar',
      },
      defaultValue: 'editor',
      options: userRoles.map((role) => ({ label: userRoleLabels[role], value: role })),
      required: true,
      saveToJWT: true,
    },
    {
      // Never stored: checked against the account's password when it sets a new one (src/accounts).
      name: currentPasswordField,
      type: 'text',
      admin: {
        condition: (data, _siblingData, { user }) => Boolean(user && data?.id && String(user.id) === String(data.id)),
        description: 'Needed to change your own password.',
      },
      hooks: { afterRead: [() => undefined] },
      label: 'Current password',
      virtual: true,
    },
    {
      name: 'approvesFor',
      type: 'join',
      admin: {
        condition: (data) => data?.role === 'reviewer' || data?.role === 'admin',
        description: 'Personas this account may approve for. Edit the list on each persona.',
      },
      collection: options.collectionSlugs.reviewers,
      on: 'approvers',
    },
  ]
}

export function createUsersCollection(options: SanitizedVerdictsOptions): CollectionConfig {
  const accountGuards = guardAccounts(options, options.collectionSlugs.users)
  return {
    slug: options.collectionSlugs.users,
    access: {
      admin: ({ req }) => Boolean(req.user),
      create: isAdmin,
      delete: isAdmin,
      // The team sees each other (approvers, history); the public sees no accounts.
      read: isStaff,
      // Lifting a login lockout is an admin's call; Payload's default lets any signed-in user.
      unlock: isAdmin,
      update: isAdminOrSelf,
    },
    admin: {
      defaultColumns: ['name', 'email', 'role'],
      group: 'Admin',
      useAsTitle: 'email',
    },
    // Locking needs many failures; one address is throttled long before (options.accounts).
    auth: {
      // Payload's own interval between reset requests writes a reservation outside the
      // request's transaction, which on SQLite (one writer) waits on that very transaction;
      // reset requests are throttled per client address instead (src/accounts).
      forgotPassword: { minRequestInterval: 0 },
      lockTime: 10 * 60 * 1000,
      maxLoginAttempts: options.accounts.lockAfterFailedLogins,
    },
    fields: editorialUserFields(options),
    hooks: options.enabled
      ? {
          afterLogin: [accountGuards.afterLogin],
          beforeChange: [makeFirstUserAdmin],
          beforeOperation: [accountGuards.beforeOperation],
        }
      : undefined,
    labels: { plural: 'Users', singular: 'User' },
  }
}

/**
 * A host that already has its users collection keeps it, with its access rules and hooks;
 * the plugin only appends the editorial fields (and the first-user hook).
 */
export function extendUsersCollection(existing: CollectionConfig, options: SanitizedVerdictsOptions): CollectionConfig {
  if (!existing.auth) {
    throw new InvalidPluginOptionsError(
      `collection "${existing.slug}" is used as the users collection but has no auth; set collectionSlugs.users`,
    )
  }
  const ours = editorialUserFields(options)
  const taken = new Set(existing.fields.flatMap((field) => ('name' in field ? [field.name] : [])))
  const clash = ours.find((field) => 'name' in field && taken.has(field.name) && field.name !== 'name')
  if (clash && 'name' in clash) {
    throw new InvalidPluginOptionsError(`users collection "${existing.slug}" already has a field named "${clash.name}"`)
  }
  const hooks = existing.hooks ?? {}
  const accountGuards = guardAccounts(options, options.collectionSlugs.users)
  return {
    ...existing,
    // Lifting a login lockout is an admin's call, also on a host's own users collection.
    access: { ...existing.access, unlock: existing.access?.unlock ?? isAdmin },
    fields: [...existing.fields, ...ours.filter((field) => !('name' in field) || !taken.has(field.name))],
    hooks: options.enabled
      ? {
          ...hooks,
          afterLogin: [...(hooks.afterLogin ?? []), accountGuards.afterLogin],
          beforeChange: [...(hooks.beforeChange ?? []), makeFirstUserAdmin],
          beforeOperation: [...(hooks.beforeOperation ?? []), accountGuards.beforeOperation],
        }
      : hooks,
  }
}
