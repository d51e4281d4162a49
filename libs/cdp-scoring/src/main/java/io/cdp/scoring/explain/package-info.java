@NullMarked
package io.cdp.scoring.explain;

import org.jspecify.annotations.NullMarked;
