@NullMarked
package io.cdp.scoring.artifact;

import org.jspecify.annotations.NullMarked;
