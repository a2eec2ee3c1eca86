/**
 * Ship / Skip for one tool: a plain form post to the site's vote route (the page comes
 * back with a message), which the page's script turns into a request without a reload.
 * The reader's own vote is the pressed button; "Withdraw my vote" appears once there is one.
 */
export function VoteForm({
  message,
  own,
  pageSlug,
  tool,
}: {
  message: null | string
  own: 'ship' | 'skip' | null
  pageSlug: string
  tool: { name: string; slug: string }
}) {
  const labelId = `vote-label-${tool.slug}`
  return (
    <form action={`/compare/${pageSlug}/vote`} className="vote-form" data-vote-form="" method="post">
      <input name="tool" type="hidden" value={tool.slug} />
      <p className="vote-label" id={labelId}>
        Your vote on {tool.name}
      </p>
      <div aria-labelledby={labelId} className="vote-buttons" role="group">
        {(['ship', 'skip'] as const).map((decision) => (
          <button
            aria-pressed={own === decision}
            className={`vote-button vote-button-${decision}`}
            key={decision}
            name="decision"
            type="submit"
            value={decision}
          >
            {decision === 'ship' ? 'Ship' : 'Skip'}
          </button>
        ))}
        <button className="vote-withdraw" hidden={own === null} name="decision" type="submit" value="withdraw">
          Withdraw my vote
        </button>
      </div>
      <p aria-live="polite" className="vote-message" role="status">
        {message}
      </p>
    </form>
  )
}
