package io.cdp.transformer.features;

import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.window.ApplyOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A card's online state fed with wire transactions: {@link CardOnlineState} of libs/cdp-features, which defines the
 * state and its bytes. Kept only for the stream bench's in-memory loop; the pipeline uses {@link CardOnlineState}.
 *
 * @deprecated use {@link CardOnlineState} with {@link StreamFeatures#online(TransactionRecordedV1)}
 */
@Deprecated
public final class CardState {

    private final CardOnlineState state;

    private CardState(CardOnlineState state) {
        this.state = state;
    }

    public static CardState empty() {
        return new CardState(CardOnlineState.empty());
    }

    public record Result(ApplyOutcome outcome, double @Nullable [] features) {
    }

    public Result apply(TransactionRecordedV1 tx, TabFormerContext ctx) {
        CardOnlineState.Result r = state.apply(StreamFeatures.online(tx), ctx);
        return new Result(r.outcome(), r.features());
    }
}
