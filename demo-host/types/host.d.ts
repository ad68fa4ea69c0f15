// Types for public/assets/app.js (checked with // @ts-check), not shipped to the browser.
export interface DemoPersona {
  id: string
  label: string
  name: string
  role: 'office_chief' | 'employee' | 'client'
  account: { type: 'office' | 'client'; id: string; name: string }
  office: { id: string; name: string }
  packageActive: boolean
}

export interface DemoPublicConfig {
  serviceUrl: string
  widgetUrl: string
  appId: string
  personas: DemoPersona[]
  page: string
}

declare global {
  interface Window {
    SupportWidget: (command: string, ...args: unknown[]) => unknown
  }
}
