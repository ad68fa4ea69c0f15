// The kit's one real database for this test project (vitest's globalSetup takes a file, not a package name).
export { default } from '@ze/testkit/database-global-setup'
