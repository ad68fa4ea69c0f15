import type { SeedContext, SeedModule } from './context.js'
import { casesSeed } from './cases.js'
import { articlesSeed } from './articles.js'
import { forumSeed } from './forum.js'

/** Seed modules in order. Each runs once per version, so `npm run demo` is idempotent. */
export const seedModules: SeedModule[] = [casesSeed, articlesSeed, forumSeed]

export async function runSeeds(ctx: SeedContext, modules: SeedModule[] = seedModules): Promise<void> {
  const markers = ctx.connection.collection<{ _id: string; version: number; at: Date }>('demo_seed')
  for (const module of modules) {
    const done = await markers.findOne({ _id: module.name })
    if (done && done.version >= module.version) {
      ctx.log(`seed ${module.name}: already there`)
      continue
    }
    const summary = await module.run(ctx)
    await markers.updateOne({ _id: module.name }, { $set: { version: module.version, at: new Date() } }, { upsert: true })
    ctx.log(`seed ${module.name}: ${summary}`)
  }
}
