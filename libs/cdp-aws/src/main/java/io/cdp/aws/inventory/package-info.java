@NullMarked
package io.cdp.aws.inventory;

import org.jspecify.annotations.NullMarked;
