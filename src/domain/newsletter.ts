/** Where a newsletter subscriber stands; only the newsletter's operations move it. */
export const subscriberStatuses = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const
export type SubscriberStatus = (typeof subscriberStatuses)[number]
