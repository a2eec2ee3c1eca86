// For a custom node:http production server (see the demo's server.ts): answers cached
// comparison pages before Next.js sees the request, and hands the socket's address to the
// route handlers, which cannot see it (votes and sign-ins are limited per client address).
export { stampSocketAddress } from '../http/clientAddress.ts'
export { createMatchupFastPath } from '../public/fastPath.ts'
