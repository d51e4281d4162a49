/** The live fraud feed: the scored transactions stream, read shard by shard, to every viewer as server-sent events. */
@NullMarked
package io.cdp.console.feed;

import org.jspecify.annotations.NullMarked;
