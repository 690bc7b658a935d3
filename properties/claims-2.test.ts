// Claims shard 2 of 3 (the shards run in parallel); see claim-tests.ts.
import { registerClaimTests } from "./claim-tests.ts";

registerClaimTests(1, 3);
