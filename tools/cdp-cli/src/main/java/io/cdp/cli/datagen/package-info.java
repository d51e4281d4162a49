@NullMarked
package io.cdp.cli.datagen;

import org.jspecify.annotations.NullMarked;
