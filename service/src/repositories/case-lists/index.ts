export { createCaseListStore, type CaseListStore, type ListPlan } from './store.js'
export { buildLists, SEGMENT_FILL, SEGMENT_MAX } from './build.js'
export * from './lists.js'
export { createPageCache, touchOffice, type PageCache } from './page-cache.js'
