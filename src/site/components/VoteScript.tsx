/**
 * The page's only script: sends each vote form as JSON to the same site route and updates
 * the card in place (pressed button, withdraw button, community figure, message) and the
 * at-a-glance table, so a
 * vote needs no reload. Without JavaScript the forms post and the page comes back.
 * Self-contained on purpose: it is sent as the source of this function, inline (no
 * external script), and stays far below 10 KB compressed (the browser suite measures it).
 */
function enhanceVotes(): void {
  const failed = 'Your vote could not be recorded; please try again in a moment.'
  document.querySelectorAll<HTMLFormElement>('form[data-vote-form]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      const button = event.submitter as HTMLButtonElement | null
      if (!button) {
        return
      }
      event.preventDefault()
      const status = form.querySelector('.vote-message')!
      const card = form.closest('.tool-card')!
      const tool = (form.elements.namedItem('tool') as HTMLInputElement).value
      form.setAttribute('aria-busy', 'true')
      fetch(form.action, {
        body: JSON.stringify({ decision: button.value, tool }),
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        method: 'POST',
      })
        .then((response) => response.json())
        .then(
          (body: {
            community: null | { detail: string; figure: string }
            decision: null | string
            message: string
            outcome: string
          }) => {
            status.textContent = body.message || failed
            if (body.outcome === 'cast' || body.outcome === 'withdrawn') {
              form.querySelectorAll('.vote-button').forEach((choice) => {
                choice.setAttribute('aria-pressed', String((choice as HTMLButtonElement).value === body.decision))
              })
              const withdraw = form.querySelector<HTMLButtonElement>('.vote-withdraw')!
              if (!body.decision && document.activeElement === withdraw) {
                form.querySelector<HTMLButtonElement>('.vote-button')!.focus()
              }
              withdraw.hidden = !body.decision
            }
            if (body.community) {
              card.querySelector('[data-figure="community"]')!.textContent = body.community.figure
              card.querySelector('[data-figure-detail="community"]')!.textContent = body.community.detail
              const glance = document.querySelector(`[data-glance-community="${tool}"]`)
              if (glance) {
                glance.textContent = body.community.figure
              }
            }
          },
        )
        .catch(() => {
          status.textContent = failed
        })
        .finally(() => form.removeAttribute('aria-busy'))
    })
  })
}

export const voteScriptSource = `(${enhanceVotes.toString()})()`

export function VoteScript() {
  return <script dangerouslySetInnerHTML={{ __html: voteScriptSource }} />
}
