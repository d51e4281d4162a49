package io.cdp.scoringapi.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every version of the served model, newest first. */
@Schema(name = "ModelList")
public record ModelList(
        @Schema(example = "fraud-online-card") String modelName,

        @Schema(description = "The version this instance serves; absent while none is live.") @Nullable
        String liveVersion,

        List<ModelView> models) {}
