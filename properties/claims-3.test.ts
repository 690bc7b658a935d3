// Claims shard 3 of 3 (the shards run in parallel); see claim-tests.ts.
import { registerClaimTests } from "./claim-tests.ts";

registerClaimTests(2, 3);
