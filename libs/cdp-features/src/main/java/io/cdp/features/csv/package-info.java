/** The one CSV line splitter of the suite, for the TabFormer and handbook files and whoever reads them. */
@NullMarked
package io.cdp.features.csv;

import org.jspecify.annotations.NullMarked;
