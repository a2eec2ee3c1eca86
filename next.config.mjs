import { withPayload } from '@payloadcms/next/withPayload'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Turbopack compiles only files under its root. A checkout whose node_modules is a link to
 * another checkout's (a git worktree sharing one install) needs the folder holding both.
 */
function turbopackRoot() {
  const modules = path.dirname(realpathSync(path.join(dirname, 'node_modules')))
  let root = dirname
  while (path.relative(root, modules).startsWith('..')) {
    root = path.dirname(root)
  }
  return root
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev` serves its scripts only to localhost unless told otherwise; without this,
  // http://127.0.0.1:3000/admin is a blank page.
  allowedDevOrigins: ['127.0.0.1'],
  // The browser tests run their own server; a separate build folder keeps it from
  // disturbing a developer's `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // Each process keeps its data cache (the /compare pages' API reads) in memory, where the
    // invalidation broadcast expires it (README › Deploying). Written to disk it would be
    // shared by every process on the host and read back after a restart, past the
    // invalidations that process never saw: a server on another database, or one restarted
    // after a publish, served another server's or an older figure.
    isrFlushToDisk: false,
  },
  turbopack: {
    root: turbopackRoot(),
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
