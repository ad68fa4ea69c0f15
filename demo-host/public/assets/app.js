// @ts-check
// The MojeBiuro24 stand-in's only script: who is logged in (the demo persona), the top bar,
// the avatar menu, the right sidebar, and the wiring of the Zapytaj Eksperta widget —
// exactly what a real host page does with the SupportWidget API (PRODUCT.md §4.2).
;(() => {
  /** @type {import('../../types/host.js').DemoPublicConfig} */
  const config = JSON.parse(/** @type {HTMLElement} */ (document.getElementById('demo-config')).textContent || '{}')
  const DEFAULT_PERSONA = 'chief-office'
  const ROLE_LABELS = { office_chief: 'Szef biura', employee: 'Pracownik biura', client: 'Klient biura' }
  // Always go through window.SupportWidget: until widget.js arrives it is the queue stub, and
  // the script then replaces it with the real function (a saved reference would keep the stub).
  const SupportWidget = (/** @type {string} */ command, /** @type {unknown[]} */ ...args) => window.SupportWidget(command, ...args)

  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id))
  const known = (/** @type {string | null} */ id) => config.personas.some((p) => p.id === id)

  const requested = new URLSearchParams(location.search).get('persona')
  let persona = requested && known(requested) ? requested : DEFAULT_PERSONA

  const current = () => /** @type {import('../../types/host.js').DemoPersona} */ (config.personas.find((p) => p.id === persona))

  /** Same page, same persona: every internal link carries ?persona= so navigation keeps who you are. */
  const withPersona = (/** @type {string} */ href) => {
    const url = new URL(href, location.href)
    url.searchParams.set('persona', persona)
    return url.pathname + url.search + url.hash
  }

  function updateLinks() {
    for (const a of document.querySelectorAll('a[data-nav-link]')) {
      const base = a.getAttribute('data-href') || a.getAttribute('href') || '/'
      a.setAttribute('data-href', base)
      a.setAttribute('href', withPersona(base))
    }
  }

  function renderUser() {
    const p = current()
    const initials = p.name
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .slice(0, 2)
      .toUpperCase()
    byId('avatar-initials').textContent = initials
    byId('user-name').textContent = p.name
    byId('menu-user-name').textContent = p.name
    byId('menu-user-role').textContent = ROLE_LABELS[p.role] || p.role
    byId('package-name').textContent = p.packageActive ? 'aktywny' : 'nieaktywny'
    byId('package-name').className = p.packageActive ? 'ok' : 'warn'
    const ctx = byId('account-context')
    ctx.textContent = ''
    const kind = document.createElement('span')
    kind.className = 'kind'
    kind.textContent = p.account.type === 'client' ? 'Konto klienta' : 'Konto biura'
    const name = document.createElement('b')
    name.textContent = p.account.name
    ctx.append(kind, ' ', name)
    if (p.account.type === 'client') {
      const office = document.createElement('span')
      office.className = 'office'
      office.textContent = `· ${p.office.name}`
      ctx.append(' ', office)
    }
    for (const el of document.querySelectorAll('[data-user-first-name]')) el.textContent = p.name.split(' ')[0] || p.name
    ;/** @type {HTMLSelectElement} */ (byId('persona-switcher')).value = persona
  }

  // ---- unread badge (the widget's 'unread' event on the host's own avatar menu) ----
  function setUnread(/** @type {number} */ n) {
    const text = n > 99 ? '99+' : String(n)
    for (const id of ['avatar-badge', 'menu-badge']) {
      const badge = byId(id)
      badge.textContent = text
      badge.hidden = !n
    }
    byId('avatar-unread-text').textContent = n ? `, nieprzeczytane odpowiedzi ekspertów: ${n}` : ''
    document.documentElement.dataset.unread = String(n)
  }

  // ---- toast ----
  let toastTimer = 0
  function toast(/** @type {string} */ text) {
    const el = byId('toast')
    el.textContent = text
    el.hidden = false
    clearTimeout(toastTimer)
    toastTimer = window.setTimeout(() => {
      el.hidden = true
    }, 3500)
  }

  // ---- the widget ----
  /** The host backend signs the identity token; the browser never sees the secret. */
  async function getToken() {
    const res = await fetch('/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona })
    })
    if (!res.ok) throw new Error(`/demo/token answered ${res.status}`)
    const body = await res.json()
    return /** @type {string} */ (body.token)
  }

  const slot = document.getElementById('expert-messages')

  /** R9: the widget points chiefs with an inactive package here; the host decides how to get there. */
  function openMessages() {
    if (slot) {
      SupportWidget('close')
      slot.focus()
      return
    }
    location.href = withPersona('/wiadomosci')
  }

  function startWidget() {
    SupportWidget('init', {
      apiUrl: config.serviceUrl,
      appId: config.appId,
      getToken,
      locale: 'pl',
      launcher: 'none',
      onOpenMessages: openMessages
    })
    if (slot) SupportWidget('mount', slot, { view: 'cases' })
  }

  function switchPersona(/** @type {string} */ id) {
    if (!known(id) || id === persona) return
    persona = id
    const url = new URL(location.href)
    url.searchParams.set('persona', id)
    history.replaceState(null, '', url)
    updateLinks()
    renderUser()
    setUnread(0)
    SupportWidget('logout')
    startWidget()
    toast(`Zalogowano jako: ${current().name} (${current().label})`)
  }

  // ---- avatar menu ----
  const avatarButton = byId('avatar-button')
  const dropdown = byId('avatar-dropdown')
  const setMenu = (/** @type {boolean} */ open) => {
    dropdown.hidden = !open
    avatarButton.setAttribute('aria-expanded', String(open))
  }
  avatarButton.addEventListener('click', () => {
    const open = dropdown.hidden
    setMenu(open)
    if (open) /** @type {HTMLElement | null} */ (dropdown.querySelector('button'))?.focus()
  })
  dropdown.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      setMenu(false)
      avatarButton.focus()
    }
  })
  document.addEventListener('click', (e) => {
    if (!dropdown.hidden && e.target instanceof Node && !avatarButton.parentElement?.contains(e.target)) setMenu(false)
  })

  // ---- actions (avatar menu, right sidebar, page buttons) ----
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-action]') : null
    if (!target) return
    switch (target.getAttribute('data-action')) {
      case 'help':
        SupportWidget('open', 'home')
        break
      case 'my-questions':
        setMenu(false)
        // The widget gives focus back to what was focused when it opened: make that the avatar, not the hidden item.
        avatarButton.focus()
        SupportWidget('open', 'cases')
        break
      default:
        setMenu(false)
        toast('To wersja demonstracyjna — ta akcja nic nie robi.')
    }
  })

  byId('persona-switcher').addEventListener('change', (e) => switchPersona(/** @type {HTMLSelectElement} */ (e.target).value))

  // ---- notification bell: events the host backend received as signed webhooks ----
  const BELL_LABELS = /** @type {Record<string, string>} */ ({
    'case.created': 'Nowa sprawa',
    'case.replied': 'Odpowiedź eksperta w sprawie',
    'case.resolved': 'Rozwiązano sprawę',
    'case.read': 'Przeczytano sprawę'
  })
  const bellButton = byId('bell-button')
  const bellList = byId('bell-list')
  /** @type {Array<{ id: string, type: string, caseId: string, caseNumber: number, at: string }>} */
  let bellEvents = []
  const seenKey = () => `demo-bell-seen:${persona}`
  const setBell = (/** @type {boolean} */ open) => {
    bellList.hidden = !open
    bellButton.setAttribute('aria-expanded', String(open))
    if (open && bellEvents[0]) localStorage.setItem(seenKey(), bellEvents[0].id)
    if (open) renderBell()
  }
  function renderBell() {
    const seen = localStorage.getItem(seenKey())
    const seenAt = bellEvents.findIndex((e) => e.id === seen)
    const unseen = bellList.hidden ? (seenAt === -1 ? bellEvents.length : seenAt) : 0
    const badge = byId('bell-badge')
    badge.textContent = String(unseen)
    badge.hidden = !unseen
    byId('bell-unseen-text').textContent = unseen ? `, nowe: ${unseen}` : ''
    const items = byId('bell-items')
    // the poll re-renders every 3 s: keep keyboard focus on the same item, or it drops to <body>
    const focused = document.activeElement instanceof HTMLElement && items.contains(document.activeElement) ? document.activeElement.dataset.eventId : undefined
    items.textContent = ''
    for (const event of bellEvents) {
      const li = document.createElement('li')
      const button = document.createElement('button')
      button.type = 'button'
      button.dataset.caseId = event.caseId
      button.dataset.eventId = event.id
      const title = document.createElement('span')
      title.textContent = `${BELL_LABELS[event.type] || event.type} #${event.caseNumber}`
      const when = document.createElement('small')
      when.textContent = new Date(event.at).toLocaleTimeString('pl-PL')
      button.append(title, when)
      li.append(button)
      items.append(li)
      if (event.id === focused) button.focus()
    }
    if (focused !== undefined && !items.contains(document.activeElement)) /** @type {HTMLElement | null} */ (items.querySelector('button'))?.focus()
    byId('bell-empty').hidden = bellEvents.length > 0
  }
  async function pollBell() {
    if (document.visibilityState === 'visible') {
      try {
        const res = await fetch(`/demo/notifications?persona=${encodeURIComponent(persona)}`)
        if (res.ok) {
          bellEvents = (await res.json()).events
          renderBell()
        }
      } catch {
        // the demo backend restarting: try again on the next round
      }
    }
    window.setTimeout(pollBell, 3000)
  }
  bellButton.addEventListener('click', () => {
    const open = bellList.hidden
    setBell(open)
    if (open) /** @type {HTMLElement | null} */ (bellList.querySelector('button'))?.focus()
  })
  // on the document, not the list: Escape closes the open list wherever focus is
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !bellList.hidden) {
      setBell(false)
      bellButton.focus()
    }
  })
  bellList.addEventListener('click', (e) => {
    const item = e.target instanceof Element ? e.target.closest('button[data-case-id]') : null
    if (!(item instanceof HTMLElement)) return
    setBell(false)
    bellButton.focus()
    if (current().role === 'office_chief') SupportWidget('open', { caseId: item.dataset.caseId })
  })
  document.addEventListener('click', (e) => {
    if (!bellList.hidden && e.target instanceof Node && !bellButton.parentElement?.contains(e.target)) setBell(false)
  })

  SupportWidget('on', 'unread', (/** @type {number} */ n) => setUnread(n))
  SupportWidget('on', 'caseCreated', () => toast('Pytanie zostało wysłane do ekspertów.'))

  updateLinks()
  renderUser()
  setUnread(0)
  startWidget()
  // A link from a notification e-mail (the app's caseUrlTemplate, ?case=ID) opens that case.
  const linkedCase = new URLSearchParams(location.search).get('case')
  if (linkedCase && current().role === 'office_chief') SupportWidget('open', { caseId: linkedCase })
  void pollBell()
})()
