import { install } from './install'

install(window as Window & Parameters<typeof install>[0])
