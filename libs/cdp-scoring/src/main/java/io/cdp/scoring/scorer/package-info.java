@NullMarked
package io.cdp.scoring.scorer;

import org.jspecify.annotations.NullMarked;
