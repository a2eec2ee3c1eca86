/**
 * Demo content for `npm run dev` and `npm run seed`. Tool names, pricing tiers and panel
 * percentages follow the publication's real pages; every sentence here is our own.
 */

import type { PanelPersona } from '../catalog/defaultPanel.ts'

import { defaultPanel } from '../catalog/defaultPanel.ts'

export const demoPassword = 'verdicts-demo'

export type DemoUser = { email: string; name: string; persona?: string; role: 'admin' | 'editor' | 'reviewer' }

export type DemoPersona = PanelPersona

export type DemoTool = {
  category: string
  description: string
  license?: string
  name: string
  pricing: { note?: string; tier: 'enterprise' | 'free' | 'freemium' | 'paid' }
  slug: string
  tagline: string
  vendor: string
  website?: string
}

export type DemoVerdict = { decision: 'ship' | 'skip'; persona: string; quote: string; tool: string }

export type DemoMatchup = { intro?: string; left: string; right: string }

export const demoCategories = [
  { name: 'Developer Tools', slug: 'developer-tools' },
  { name: 'Inference Platforms', slug: 'inference-platforms' },
  { name: 'Local Runtimes', slug: 'local-runtimes' },
]

/** The demo panel is the default panel: one definition of the personas. */
export const demoPersonas: DemoPersona[] = defaultPanel

export const demoUsers: DemoUser[] = [
  { email: 'admin@verdicts.test', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@verdicts.test', name: 'Eli Editor', role: 'editor' },
  ...demoPersonas.map((persona) => ({
    email: `${persona.slug}@verdicts.test`,
    name: `Reviewer for ${persona.name}`,
    persona: persona.slug,
    role: 'reviewer' as const,
  })),
]

export const demoTools: DemoTool[] = [
  {
    name: 'Gemini 2.5 Flash Lite',
    slug: 'gemini-2-5-flash-lite',
    tagline: 'The budget tier of Gemini 2.5, tuned for volume',
    category: 'developer-tools',
    vendor: 'Google',
    pricing: { tier: 'free', note: 'Free tier in AI Studio; per-token billing on Vertex AI' },
    website: 'https://ai.google.dev',
    description:
      'The smallest member of the Gemini 2.5 line. It gives up some reasoning depth in exchange for low latency and a low price per token, and it is served from the same endpoints as the larger Gemini models, so trying it is a one-line change for teams already on Google Cloud.',
  },
  {
    name: 'Code Llama 4 (70B & 400B)',
    slug: 'code-llama-4-70b-400b',
    tagline: 'Open code models in two sizes you can host yourself',
    category: 'developer-tools',
    vendor: 'Meta',
    license: 'Llama community license',
    pricing: { tier: 'free', note: 'Free weights; you pay for the GPUs' },
    description:
      'A pair of open-weight coding models. The 70B size fits on a single large accelerator once quantised; the 400B size needs a cluster. Both handle tool calls and long files, and both can be fine-tuned on a private codebase without sending code to a vendor.',
  },
  {
    name: 'Mistral 3 Small',
    slug: 'mistral-3-small',
    tagline: 'A 7B model that calls functions on your own hardware',
    category: 'developer-tools',
    vendor: 'Mistral AI',
    license: 'Apache 2.0',
    pricing: { tier: 'free' },
    description:
      'A seven-billion-parameter model built to run on laptops, phones and edge boxes. It quantises well, supports structured function calls out of the box, and ships under a licence that lets companies embed it in commercial products without a negotiation.',
  },
  {
    name: 'Mistral-Next 22B',
    slug: 'mistral-next-22b',
    tagline: 'Open weights under 30B that hold their own',
    category: 'developer-tools',
    vendor: 'Mistral AI',
    license: 'Apache 2.0',
    pricing: { tier: 'free' },
    description:
      'A dense 22B model aimed at the gap between small on-device models and large hosted ones. It runs on one workstation GPU, scores close to much larger models on everyday coding and writing tasks, and carries a permissive licence.',
  },
  {
    name: 'Code Llama 4',
    slug: 'code-llama-4',
    tagline: 'The small base code model for laptops and CI runners',
    category: 'developer-tools',
    vendor: 'Meta',
    license: 'Llama community license',
    pricing: { tier: 'free' },
    description:
      'The entry size of the Code Llama 4 family, separate from the 70B and 400B release. It is meant for autocomplete and quick refactors where latency matters more than depth, and it fits comfortably in the memory of an ordinary developer machine.',
  },
  {
    name: 'OpenRouter',
    slug: 'openrouter',
    tagline: 'One API key in front of hundreds of hosted models',
    category: 'inference-platforms',
    vendor: 'OpenRouter',
    pricing: { tier: 'paid', note: 'Provider price per token plus a platform fee' },
    website: 'https://openrouter.ai',
    description:
      'A hosted gateway that puts many model providers behind one OpenAI-compatible API. It handles billing, fallbacks between providers and usage reporting, so a team can switch models by changing a string instead of signing another contract.',
  },
  {
    name: 'Ollama',
    slug: 'ollama',
    tagline: 'Pull and run open models locally with one command',
    category: 'local-runtimes',
    vendor: 'Ollama',
    license: 'MIT',
    pricing: { tier: 'free' },
    website: 'https://ollama.com',
    description:
      'A local model runner for macOS, Linux and Windows. It downloads quantised open models, serves them over a small HTTP API, and keeps the details of GPU memory and model formats out of the way of the developer.',
  },
]

export const demoVerdicts: DemoVerdict[] = [
  // Gemini 2.5 Flash Lite: 4 of 4 ship (100%)
  {
    tool: 'gemini-2-5-flash-lite',
    persona: 'builder',
    decision: 'ship',
    quote:
      'Swapping it in took one changed model name and nothing else. For classification and extraction calls, that is exactly the kind of upgrade I want to make on a Friday.',
  },
  {
    tool: 'gemini-2-5-flash-lite',
    persona: 'skeptic',
    decision: 'ship',
    quote:
      'The cheap-model shelf is crowded and this is not the smartest thing on it. It wins on being already inside the cloud account you pay for, which is a real advantage until Google prices the next tier down.',
  },
  {
    tool: 'gemini-2-5-flash-lite',
    persona: 'futurist',
    decision: 'ship',
    quote:
      'Most model calls of the next few years will be dull plumbing, not dazzling demos. A tier priced for plumbing is the right bet, made at the right time.',
  },
  {
    tool: 'gemini-2-5-flash-lite',
    persona: 'buyer',
    decision: 'ship',
    quote:
      'It lands on the existing cloud invoice, so nobody has to approve a new vendor. The moat is distribution rather than the model, and that moat is wide.',
  },
  // Code Llama 4 (70B & 400B): 4 of 4 ship (100%)
  {
    tool: 'code-llama-4-70b-400b',
    persona: 'builder',
    decision: 'ship',
    quote:
      'The 70B size is a weekend project on hardware many teams already own, and the usual serving stacks picked it up on day one. Tool calling in the weights means no glue layer to maintain.',
  },
  {
    tool: 'code-llama-4-70b-400b',
    persona: 'skeptic',
    decision: 'ship',
    quote:
      'Treat the benchmark claims with care; real repositories are messier than test suites. Still, a serious open baseline gives every team leverage in its next API negotiation.',
  },
  {
    tool: 'code-llama-4-70b-400b',
    persona: 'futurist',
    decision: 'ship',
    quote:
      'Agents that write code burn tokens at a rate no per-call price survives. Self-hosted weights are where that volume goes, and this release is built for it.',
  },
  {
    tool: 'code-llama-4-70b-400b',
    persona: 'buyer',
    decision: 'ship',
    quote:
      'Compliance teams like code that never leaves the building, and finance likes paying for GPUs it already has. The risk is a fast successor, not the price.',
  },
  // Mistral 3 Small: 3 of 4 ship (75%)
  {
    tool: 'mistral-3-small',
    persona: 'builder',
    decision: 'ship',
    quote:
      'It runs on a laptop after one download and answers function calls in valid JSON. That is the whole on-device story, and it works.',
  },
  {
    tool: 'mistral-3-small',
    persona: 'skeptic',
    decision: 'skip',
    quote:
      'Every lab now ships a capable small model, and this one does not clearly beat its neighbours on the tasks I tried. Without a standout skill it is one more file to evaluate.',
  },
  {
    tool: 'mistral-3-small',
    persona: 'futurist',
    decision: 'ship',
    quote:
      'Inference is drifting toward the device for privacy and cost reasons. A permissive small model is the kind of part that ends up everywhere once that drift becomes a flood.',
  },
  {
    tool: 'mistral-3-small',
    persona: 'buyer',
    decision: 'ship',
    quote:
      'An Apache licence means legal signs off in a day. For a product team embedding a model, that is worth more than a few benchmark points.',
  },
  // Mistral-Next 22B: 4 of 4 ship (100%)
  {
    tool: 'mistral-next-22b',
    persona: 'builder',
    decision: 'ship',
    quote:
      'One workstation GPU, one command, and it is answering. The size is the feature: big enough to be useful, small enough to run without a platform team.',
  },
  {
    tool: 'mistral-next-22b',
    persona: 'skeptic',
    decision: 'ship',
    quote:
      'It has to justify itself against larger open models on every task. On the everyday work most teams do, it does, and it costs less to run.',
  },
  {
    tool: 'mistral-next-22b',
    persona: 'futurist',
    decision: 'ship',
    quote:
      'Private deployments need models that fit in one box. This is that class of model arriving at a quality that makes the hosted default look optional.',
  },
  {
    tool: 'mistral-next-22b',
    persona: 'buyer',
    decision: 'ship',
    quote:
      'A mid-sized company can run it on hardware it can buy outright. Predictable cost beats a metered bill for steady internal workloads.',
  },
  // Code Llama 4: 2 of 4 ship (50%)
  {
    tool: 'code-llama-4',
    persona: 'builder',
    decision: 'ship',
    quote:
      'Completions come back fast enough to feel like typing, even on a CPU runner. For autocomplete in the editor, it is pleasant to use.',
  },
  {
    tool: 'code-llama-4',
    persona: 'skeptic',
    decision: 'skip',
    quote:
      'The name borrows credibility from the bigger release, but this size struggles past single functions. Teams will compare it with the 70B and feel short-changed.',
  },
  {
    tool: 'code-llama-4',
    persona: 'buyer',
    decision: 'skip',
    quote:
      'Free weights do not help when the output needs a second pass from a paid model. Nobody budgets for a tool that doubles the review work.',
  },
  {
    tool: 'code-llama-4',
    persona: 'product-lead',
    decision: 'ship',
    quote:
      'The job is small and clear: finish the line I am writing. It does that job without setup, which is more than many larger tools manage.',
  },
  // OpenRouter: 2 of 3 ship (67%)
  {
    tool: 'openrouter',
    persona: 'builder',
    decision: 'ship',
    quote:
      'Point the SDK you already use at a new base URL and every major model is one string away. Fallbacks between providers come free.',
  },
  {
    tool: 'openrouter',
    persona: 'skeptic',
    decision: 'skip',
    quote:
      'A gateway sits in the path of every request and adds a margin on top. Once a team settles on one or two models, going direct is cheaper and removes a dependency.',
  },
  {
    tool: 'openrouter',
    persona: 'buyer',
    decision: 'ship',
    quote:
      'One contract and one invoice instead of five is a genuine saving in procurement time. The fee is small next to that.',
  },
  // Ollama: 4 of 5 ship (80%)
  {
    tool: 'ollama',
    persona: 'builder',
    decision: 'ship',
    quote:
      'Install, pull, run: the first answer arrives within minutes of hearing about it. The local API is simple enough to script against without a client library.',
  },
  {
    tool: 'ollama',
    persona: 'skeptic',
    decision: 'ship',
    quote:
      'Other runners are faster on some hardware, but none is easier. Ease is what wins developer laptops, and laptops are where habits form.',
  },
  {
    tool: 'ollama',
    persona: 'futurist',
    decision: 'ship',
    quote:
      'Local models are becoming a normal part of the toolbox. Whoever makes running them boring becomes the default layer underneath, and this is the front runner.',
  },
  {
    tool: 'ollama',
    persona: 'buyer',
    decision: 'skip',
    quote:
      'There is no obvious buyer yet: the tool is free, and the paid story is still forming. I would wait to see what a company is being asked to pay for.',
  },
  {
    tool: 'ollama',
    persona: 'product-lead',
    decision: 'ship',
    quote:
      'Onboarding is the best in the category: one command and a model is talking. It feels finished, down to the error messages.',
  },
]

export const demoMatchups: DemoMatchup[] = [
  { left: 'gemini-2-5-flash-lite', right: 'code-llama-4-70b-400b' },
  { left: 'code-llama-4-70b-400b', right: 'mistral-3-small' },
  { left: 'code-llama-4-70b-400b', right: 'mistral-next-22b' },
  {
    left: 'code-llama-4',
    right: 'code-llama-4-70b-400b',
    intro: 'Same family, very different jobs: the small model for your editor, the large pair for your cluster.',
  },
  { left: 'ollama', right: 'openrouter' },
]
