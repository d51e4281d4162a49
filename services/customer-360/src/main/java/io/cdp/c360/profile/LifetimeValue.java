package io.cdp.c360.profile;

import java.math.BigDecimal;

/** The LIVE CLV model's prediction of the customer's spend over the next {@code horizonDays}. */
public record LifetimeValue(BigDecimal predictedSpend, int horizonDays, String modelVersion) {}
