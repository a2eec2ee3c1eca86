// A host Payload app that knows nothing of verdicts CMS but its package name: its own users
// collection with auth, an unrelated collection, and hooks of its own on both; a collection
// with text ids of its own.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { verdictsPlugin } from 'verdicts-cms'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, 'app/(payload)/admin/importMap.js') },
    user: 'users',
  },
  collections: [
    {
      slug: 'users',
      auth: true,
      fields: [{ name: 'nickname', type: 'text' }],
      hooks: {
        beforeChange: [({ data }) => ({ ...data, nickname: data.nickname ?? 'set by the host' })],
      },
    },
    {
      slug: 'notes',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'stamp', type: 'text' },
      ],
      hooks: {
        beforeChange: [({ data }) => ({ ...data, stamp: `host hook saw "${data.title}"` })],
      },
    },
    // Ids the host chose: text, which the plugin's REST guard must let through.
    {
      slug: 'pages',
      access: { read: () => true },
      fields: [
        { name: 'id', type: 'text' },
        { name: 'title', type: 'text' },
      ],
    },
  ],
  db: sqliteAdapter({ client: { url: `file:${path.join(dirname, 'host.db')}` } }),
  editor: lexicalEditor(),
  plugins: [verdictsPlugin()],
  secret: 'host-app-secret',
})
