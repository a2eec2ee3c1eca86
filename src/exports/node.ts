// For a custom node:http production server: answers cached comparison pages before
// Next.js sees the request (see the demo's server.ts).
export { createMatchupFastPath } from '../public/fastPath.ts'
