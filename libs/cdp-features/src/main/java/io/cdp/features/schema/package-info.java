/** Feature names and their order, defined in one place so training and serving build vectors alike. */
@NullMarked
package io.cdp.features.schema;

import org.jspecify.annotations.NullMarked;
