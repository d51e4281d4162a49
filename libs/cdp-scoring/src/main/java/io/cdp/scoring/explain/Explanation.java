package io.cdp.scoring.explain;

import java.util.List;

/**
 * A score with its reasons.
 *
 * @param probability   the model output
 * @param expectedMargin what the contributions start from (base margin plus the trees' mean values)
 * @param reasons       the top contributions that raised the score, largest first
 */
public record Explanation(double probability, double expectedMargin, List<ReasonCode> reasons) {

    public Explanation {
        reasons = List.copyOf(reasons);
    }
}
