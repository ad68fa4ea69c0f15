import { Type } from 'typebox'

const Ref = Type.Object({ id: Type.String(), name: Type.String() })

export const MeResponse = Type.Object({
  user: Type.Object({
    id: Type.String(),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    role: Type.Union([Type.Literal('office_chief'), Type.Literal('employee'), Type.Literal('client')]),
    locale: Type.Union([Type.Literal('pl'), Type.Literal('en')])
  }),
  office: Ref,
  account: Type.Object({ type: Type.Union([Type.Literal('office'), Type.Literal('client')]), id: Type.String(), name: Type.String() }),
  package: Type.Object({ active: Type.Boolean(), name: Type.Union([Type.String(), Type.Null()]) }),
  capabilities: Type.Object({
    canAskExpert: Type.Boolean(),
    askExpertDeniedReason: Type.Union([Type.Literal('ONLY_OFFICE_CHIEF'), Type.Null()]),
    entryPoints: Type.Array(Type.Union([Type.Literal('sidebar'), Type.Literal('avatar'), Type.Literal('messages')]))
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
