// Boots the host app and does what its editors would: a verdict and a matchup through the
// workflow over the REST handlers a Next.js app mounts at /api. Writes report.json.
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { writeFileSync } from 'node:fs'
import { getPayload } from 'payload'
import { guardRestHandler } from 'verdicts-cms/next'

import config from './payload.config.mjs'

const payload = await getPayload({ config, cron: false })
// Mounted as the README tells a host app to: behind the plugin's guard.
const handlers = {
  GET: guardRestHandler(payload.config, REST_GET(payload.config)),
  POST: guardRestHandler(payload.config, REST_POST(payload.config)),
}

async function rest(method, path, { body, token } = {}) {
  const url = new URL(`http://localhost:3000/api${path}`)
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (token) {
    headers.set('Authorization', `JWT ${token}`)
  }
  const request = new Request(url, { body: body === undefined ? undefined : JSON.stringify(body), headers, method })
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { body: text ? JSON.parse(text) : null, status: response.status }
}

const password = 'host-password-1'
const user = async (email, role) => {
  const created = await payload.create({ collection: 'users', data: { email, password, ...(role ? { role } : {}) } })
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  return { doc: created, token }
}

const report = {}
const users = payload.collections.users.config
report.collections = payload.config.collections.map((collection) => collection.slug)
report.userFields = users.fields.map((field) => field.name).filter(Boolean)
report.userAuth = Boolean(users.auth)
report.note = (await payload.create({ collection: 'notes', data: { title: 'hello' } })).stamp
await payload.create({ collection: 'pages', data: { id: 'about-us', title: 'About us' } })
report.customIds = {
  byPath: (await rest('GET', '/pages/about-us')).status,
  byWhere: (await rest('GET', '/pages?where[id][equals]=about-us')).body?.totalDocs,
  notesById: (await rest('GET', '/notes?where[id][equals]=about-us')).status,
}

const admin = await user('admin@host.test')
const editor = await user('editor@host.test', 'editor')
const reviewer = await user('reviewer@host.test', 'reviewer')
report.adminRole = admin.doc.role
report.editorNickname = editor.doc.nickname

const category = await payload.create({ collection: 'categories', data: { name: 'Code Assistants' } })
const tool = (name) =>
  payload.create({ collection: 'tools', data: { category: category.id, name, pricing: { tier: 'free' } } })
const left = await tool('Host Left')
const right = await tool('Host Right')
const persona = await payload.create({
  collection: 'reviewers',
  data: { approvers: [reviewer.doc.id], lens: 'does it hold up', name: 'The Host Skeptic' },
})
const paragraph = (text) => ({
  root: {
    children: [{ children: [{ text, type: 'text', version: 1 }], type: 'paragraph', version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
})

const verdict = await rest('POST', '/verdicts?draft=true', {
  body: {
    decision: 'ship',
    quote: paragraph('Holds up under a week of real use.'),
    reviewer: persona.id,
    tool: left.id,
  },
  token: editor.token,
})
const matchup = await rest('POST', '/matchups?draft=true', {
  body: { leftTool: left.id, rightTool: right.id },
  token: editor.token,
})
report.created = [verdict.status, matchup.status]
const steps = []
for (const [collection, id] of [
  ['verdicts', verdict.body.doc.id],
  ['matchups', matchup.body.doc.id],
]) {
  for (const [action, token] of [
    ['submit', editor.token],
    ['approve', reviewer.token],
    ['publish', editor.token],
  ]) {
    const answer = await rest('POST', `/${collection}/${id}/workflow`, { body: { action }, token })
    steps.push(`${collection} ${action} ${answer.status}`)
  }
}
report.steps = steps
report.panelScore = (await payload.findByID({ collection: 'tools', id: left.id })).panelScore
const page = await rest('GET', `/public/matchups/${matchup.body.doc.slug}`)
report.publicPage = {
  panels: page.body?.tools?.map((entry) => [entry.slug, entry.panel.percent]),
  scorecard: page.body?.scorecard?.map((entry) => [entry.reviewer.name, entry.tool, entry.decision]),
  status: page.status,
}

writeFileSync(new URL('./report.json', import.meta.url), JSON.stringify(report, null, 2))
await payload.destroy()
process.exit(0)
