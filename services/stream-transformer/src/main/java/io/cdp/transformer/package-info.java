/** The stream transformer: Kinesis transactions in; features, scores, lake rows and alert requests out. */
@NullMarked
package io.cdp.transformer;

import org.jspecify.annotations.NullMarked;
