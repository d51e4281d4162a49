/** Card velocity features after the SageMaker Feature Store streaming sample, with explicit cold-start rules. */
@NullMarked
package io.cdp.features.velocity;

import org.jspecify.annotations.NullMarked;
