@NullMarked
package io.cdp.aws.kinesis;

import org.jspecify.annotations.NullMarked;
