@NullMarked
package io.cdp.cli.features;

import org.jspecify.annotations.NullMarked;
