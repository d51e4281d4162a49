package io.cdp.events.payload;

import org.jspecify.annotations.Nullable;

/** One feature's contribution to a score (TreeSHAP, in log-odds), with the value the model saw. */
public record ReasonCode(String feature, @Nullable Double value, double contribution) {}
