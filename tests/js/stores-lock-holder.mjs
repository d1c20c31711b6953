// Takes one lock in Redis, says "locked" and then waits to be killed (stores-redis.test.mjs).

import { createRedisStores } from '../../npm/redis/index.mjs';

const { REDIS_URL, LOCK_KEY, LOCK_TTL_MS } = process.env;
const stores = await createRedisStores({ url: REDIS_URL, keyPrefix: 'lock-test:' });
const release = await stores.tokenStore.lock(LOCK_KEY, Number(LOCK_TTL_MS));
process.stdout.write(release ? 'locked\n' : 'busy\n');
setInterval(() => {}, 60000); // holds the lock until killed
