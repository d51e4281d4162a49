@NullMarked
package io.cdp.cli.stream;

import org.jspecify.annotations.NullMarked;
