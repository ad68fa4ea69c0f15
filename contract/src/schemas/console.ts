import { Type, type Static } from 'typebox'

/**
 * What the experts' console needs beside the queue itself: the count of each queue view,
 * the offices to filter by and the experts to assign to. Plain admin endpoints, so a
 * script sees exactly what the console shows.
 */
const count = (description: string) => Type.Integer({ minimum: 0, description })

export const AdminQueueCountsQuery = Type.Object(
  { officeId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Count one office only' })) },
  { additionalProperties: false }
)
export const AdminQueueCounts = Type.Object(
  {
    unassigned: count('"Nieprzypisane": open (waiting for an expert), nobody assigned'),
    mine: count('"Moje": open, assigned to the caller'),
    open: count('"Wszystkie otwarte": open, whoever is assigned'),
    waiting: count('"Czekają na klienta": answered, waiting for the chief'),
    resolved: count('"Rozwiązane"')
  },
  { additionalProperties: false, examples: [{ unassigned: 3, mine: 2, open: 7, waiting: 12, resolved: 140 }] }
)

const Ref = Type.Object({ id: Type.String(), name: Type.String() })
export const AdminExpertList = Type.Object(
  { items: Type.Array(Ref, { description: 'Active experts (revoked keys left out), by name' }) },
  { examples: [{ items: [{ id: '665f1c2e9b1e8a3d4c5b6a99', name: 'Tomasz Ekspert' }] }] }
)
export const AdminOfficeList = Type.Object(
  { items: Type.Array(Ref, { description: 'Offices that have cases, by name (at most 500)' }) },
  { examples: [{ items: [{ id: 'office-a', name: 'Biuro Rachunkowe Kowalska' }] }] }
)

export type AdminQueueCountsQuery = Static<typeof AdminQueueCountsQuery>
export type AdminQueueCounts = Static<typeof AdminQueueCounts>
export type AdminExpertList = Static<typeof AdminExpertList>
export type AdminOfficeList = Static<typeof AdminOfficeList>
