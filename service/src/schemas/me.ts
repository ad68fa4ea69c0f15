import { Type } from 'typebox'
import { AccountType, EntryPoint, Role } from '../domain/identity.js'

const Ref = Type.Object({ id: Type.String(), name: Type.String() })

export const MeResponse = Type.Object({
  user: Type.Object({
    id: Type.String(),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    role: Role,
    locale: Type.Union([Type.Literal('pl'), Type.Literal('en')])
  }),
  office: Ref,
  account: Type.Object({ type: AccountType, id: Type.String(), name: Type.String() }),
  package: Type.Object({ active: Type.Boolean(), name: Type.Union([Type.String(), Type.Null()]) }),
  capabilities: Type.Object({
    canAskExpert: Type.Boolean(),
    askExpertDeniedReason: Type.Union([Type.Literal('ONLY_OFFICE_CHIEF'), Type.Null()]),
    entryPoints: Type.Array(EntryPoint)
  }),
  unreadCount: Type.Integer({ minimum: 0 }),
  scopeNotice: Type.Object({ pl: Type.String(), en: Type.String() }),
  limits: Type.Object({
    maxFiles: Type.Integer(),
    maxFileBytes: Type.Integer(),
    maxBodyChars: Type.Integer(),
    allowedTypes: Type.Array(Type.String()),
    allowedExtensions: Type.Array(Type.String())
  })
})
