// The "Zapytaj Eksperta" chunk: ask form, case list and conversation load together
// because they share the file picker, the case API and their stylesheet.
export { default as AskView } from './ask/AskView'
export { default as CasesView } from './cases/CasesView'
export { default as ConversationView } from './conversation/ConversationView'
