package io.cdp.trainer.job;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cdp.trainer.*}: which job runs and on what.
 *
 * @param job      {@code train} (build a training set, train, register the model as REGISTERED), {@code evaluate}
 *                 (the handbook protocol: ours beside the published results) or {@code publish} (register a model
 *                 artifact directory written by an earlier {@code train} with publish off)
 * @param job      {@code train}, {@code evaluate}, {@code publish} (above) or {@code backfill} (seed the feature store
 *                 with every card's state at the end of the lake's history, so live transactions are not cold starts)
 * @param source   what {@code train} learns from: {@code lake} (the history core banking exported to the lake's
 *                 {@code raw/}: the bank's own data, the default), {@code synthetic} (generated card history: a stack
 *                 with no history yet) or {@code handbook} (the Fraud-Detection-Handbook's daily CSVs under
 *                 {@code data})
 * @param data     input directory ({@code handbook} training, {@code evaluate})
 * @param artifact the artifact directory {@code publish} registers
 * @param promote  make the newly registered version live at once (local stacks and demos; in production promotion
 *                 is a person's decision through the scoring API)
 * @param seed     seed of the synthetic history
 * @param cards    cards of synthetic history
 * @param alertShare      {@code lake}: the share of transactions the thresholds review and alert, chosen on the
 *                        validation days
 * @param declineShare    {@code lake}: the share of transactions declined
 * @param validationShare {@code lake}: the last share of the history's days that validates (trees, thresholds)
 * @param options  further options passed to the handbook training or evaluation as they are ({@code --folds 3} ...)
 */
@ConfigurationProperties("cdp.trainer")
public record TrainerProperties(
        @DefaultValue("train") String job,
        @DefaultValue("synthetic") String source,
        @Nullable Path data,
        @Nullable Path artifact,
        @DefaultValue("false") boolean promote,
        @DefaultValue("17") long seed,
        @DefaultValue("300") int cards,
        @DefaultValue List<String> options,
        @DefaultValue("0.005") double alertShare,
        @DefaultValue("0.0005") double declineShare,
        @DefaultValue("0.2") double validationShare) {}
