@NullMarked
package io.cdp.datagen;

import org.jspecify.annotations.NullMarked;
