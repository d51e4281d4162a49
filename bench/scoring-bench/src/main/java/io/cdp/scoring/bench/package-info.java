@NullMarked
package io.cdp.scoring.bench;

import org.jspecify.annotations.NullMarked;
