/**
 * The six demo personas (README, "Try it"). The demo backend signs identity tokens for them;
 * the seed uses the same definitions so demo data belongs to these people.
 */
export const DEMO_APP_ID = 'mojebiuro24-demo'

export const offices = {
  alfa: { id: 'biuro-alfa', name: 'Biuro Rachunkowe Alfa Sp. z o.o.' },
  beta: { id: 'biuro-beta', name: 'Kancelaria Podatkowa Beta' },
  gamma: { id: 'biuro-gamma', name: 'Biuro Księgowe Gamma' }
} as const

export const clients = {
  piekarnia: { id: 'klient-piekarnia', name: 'Piekarnia Złoty Kłos' },
  transport: { id: 'klient-transport', name: 'Trans-Pol Transport' },
  warsztat: { id: 'klient-warsztat', name: 'Auto-Serwis Nowak' }
} as const

export interface PersonaClaims {
  sub: string
  name: string
  email: string
  role: 'office_chief' | 'employee' | 'client'
  office: { id: string; name: string }
  account: { type: 'office' | 'client'; id: string; name: string }
  package: { active: boolean; name?: string }
  locale: 'pl' | 'en'
}

export const personas = {
  'chief-office': {
    label: 'Szef biura (konto biura)',
    claims: {
      sub: 'u-anna',
      name: 'Anna Kowalska',
      email: 'anna.kowalska@alfa-biuro.pl',
      role: 'office_chief',
      office: offices.alfa,
      account: { type: 'office', ...offices.alfa },
      package: { active: true, name: 'Biznes Pro' },
      locale: 'pl'
    }
  },
  'chief-client': {
    label: 'Szef biura (konto klienta)',
    claims: {
      sub: 'u-anna',
      name: 'Anna Kowalska',
      email: 'anna.kowalska@alfa-biuro.pl',
      role: 'office_chief',
      office: offices.alfa,
      account: { type: 'client', ...clients.piekarnia },
      package: { active: true, name: 'Biznes Pro' },
      locale: 'pl'
    }
  },
  employee: {
    label: 'Pracownik biura',
    claims: {
      sub: 'u-marek',
      name: 'Marek Wiśniewski',
      email: 'marek@alfa-biuro.pl',
      role: 'employee',
      office: offices.alfa,
      account: { type: 'office', ...offices.alfa },
      package: { active: true, name: 'Biznes Pro' },
      locale: 'pl'
    }
  },
  client: {
    label: 'Klient biura',
    claims: {
      sub: 'u-zofia',
      name: 'Zofia Nowak',
      email: 'zofia@zlotyklos.pl',
      role: 'client',
      office: offices.alfa,
      account: { type: 'client', ...clients.piekarnia },
      package: { active: true, name: 'Biznes Pro' },
      locale: 'pl'
    }
  },
  'chief-inactive': {
    label: 'Szef biura (nieaktywny pakiet)',
    claims: {
      sub: 'u-celina',
      name: 'Celina Mazur',
      email: 'celina@gamma-ksiegowosc.pl',
      role: 'office_chief',
      office: offices.gamma,
      account: { type: 'office', ...offices.gamma },
      package: { active: false, name: 'Start' },
      locale: 'pl'
    }
  },
  'chief-other-office': {
    label: 'Szef innego biura',
    claims: {
      sub: 'u-bogdan',
      name: 'Bogdan Zieliński',
      email: 'bogdan@beta-podatki.pl',
      role: 'office_chief',
      office: offices.beta,
      account: { type: 'office', ...offices.beta },
      package: { active: true, name: 'Biznes' },
      locale: 'pl'
    }
  }
} as const satisfies Record<string, { label: string; claims: PersonaClaims }>

export type PersonaId = keyof typeof personas
export const personaIds = Object.keys(personas) as PersonaId[]
// Object.hasOwn, not `in`: "toString" or "__proto__" must not name a persona (issue 16).
export const isPersonaId = (value: unknown): value is PersonaId => typeof value === 'string' && Object.hasOwn(personas, value)
