@NullMarked
package io.cdp.scoring.model;

import org.jspecify.annotations.NullMarked;
