@NullMarked
package io.cdp.cli.scoring;

import org.jspecify.annotations.NullMarked;
