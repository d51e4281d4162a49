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
 * @param source   what {@code train} learns from: {@code synthetic} (generated card history: a local stack with no
 *                 history yet) or {@code handbook} (the Fraud-Detection-Handbook's daily CSVs under {@code data})
 * @param data     input directory ({@code handbook} training, {@code evaluate})
 * @param artifact the artifact directory {@code publish} registers
 * @param promote  make the newly registered version live at once (local stacks and demos; in production promotion
 *                 is a person's decision through the scoring API)
 * @param seed     seed of the synthetic history
 * @param cards    cards of synthetic history
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
        @DefaultValue List<String> options) {}
