/**
 * customer-360: live, masked customer profiles. {@code ingest} is the Kinesis edge, {@code profile} the plain-Java
 * domain (windows, mixes, risk, consents, next best action), {@code store} the DynamoDB single table, {@code models}
 * the segment and CLV models from the registry, {@code api} the REST edge.
 */
@NullMarked
package io.cdp.c360;

import org.jspecify.annotations.NullMarked;
