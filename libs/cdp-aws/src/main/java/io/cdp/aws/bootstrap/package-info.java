@NullMarked
package io.cdp.aws.bootstrap;

import org.jspecify.annotations.NullMarked;
