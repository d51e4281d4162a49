/** REST endpoints under /v1 with their OpenAPI documentation and scope rules. */
@NullMarked
package io.cdp.scoringapi.api;

import org.jspecify.annotations.NullMarked;
