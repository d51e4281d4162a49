@NullMarked
package io.cdp.cli.aws;

import org.jspecify.annotations.NullMarked;
