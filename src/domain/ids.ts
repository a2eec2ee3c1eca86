/** A document id: a number on SQL databases, a string (ObjectId) on MongoDB. */
export type Id = number | string
