/** Failures as the core zone may show them: classes and frames, never messages that could quote personal data. */
@NullMarked
package io.cdp.core.errors;

import org.jspecify.annotations.NullMarked;
