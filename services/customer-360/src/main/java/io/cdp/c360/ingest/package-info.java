@NullMarked
package io.cdp.c360.ingest;

import org.jspecify.annotations.NullMarked;
