/** Command-line tools of ./cdp: development tokens, the OpenAPI export, the API benchmark and the fuzzer. */
@NullMarked
package io.cdp.scoringapi.tools;

import org.jspecify.annotations.NullMarked;
