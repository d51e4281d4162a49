@NullMarked
package io.cdp.scoringapi;

import org.jspecify.annotations.NullMarked;
