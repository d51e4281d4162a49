@NullMarked
package io.cdp.core.datagen;

import org.jspecify.annotations.NullMarked;
