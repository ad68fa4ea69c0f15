import { Type, type Static } from 'typebox'
import { Nullable } from './common.js'
import { AccountType, EntryPoint, Locale, Role } from '../identity.js'

const Ref = Type.Object({ id: Type.String(), name: Type.String() })

export const AccountRef = Type.Object({ type: AccountType, id: Type.String(), name: Type.String() })

/** Upload limits the widget shows before a file is sent (the service enforces the same). */
export const Limits = Type.Object({
  maxFiles: Type.Integer(),
  maxFileBytes: Type.Integer(),
  maxBodyChars: Type.Integer(),
  allowedTypes: Type.Array(Type.String()),
  allowedExtensions: Type.Array(Type.String())
})

export const MeResponse = Type.Object({
  user: Type.Object({
    id: Type.String(),
    name: Type.String(),
    email: Nullable(Type.String()),
    role: Role,
    locale: Locale
  }),
  office: Ref,
  account: AccountRef,
  package: Type.Object({ active: Type.Boolean(), name: Nullable(Type.String()) }),
  capabilities: Type.Object({
    canAskExpert: Type.Boolean(),
    askExpertDeniedReason: Type.Union([Type.Literal('ONLY_OFFICE_CHIEF'), Type.Null()]),
    entryPoints: Type.Array(EntryPoint)
  }),
  unreadCount: Type.Integer({ minimum: 0 }),
  scopeNotice: Type.Object({ pl: Type.String(), en: Type.String() }),
  limits: Limits
})

export type AccountRef = Static<typeof AccountRef>
export type Limits = Static<typeof Limits>
export type MeResponse = Static<typeof MeResponse>
