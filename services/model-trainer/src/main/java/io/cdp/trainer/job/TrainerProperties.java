package io.cdp.trainer.job;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param job      {@code train}, {@code evaluate}, {@code publish} (above), {@code backfill} (seed the feature store
 *                 with every card's state at the end of the lake's history, so live transactions are not cold starts)
 *                 or {@code retrain} (the closed loop: labels from the lake's evidence, a challenger against the live
 *                 model on the latest fully-labelled week, the promotion policy, drift; see {@code io.cdp.trainer.loop})
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
 * @param labelDelayDays     {@code retrain}: days after which an unanswered alert or an undisputed transaction counts
 *                           as genuine (the handbook's 7)
 * @param trainDays          {@code retrain}: days the challenger learns from, ending the day before the evaluation week
 * @param validationDays     {@code retrain}: the last of them, which pick its trees and thresholds
 * @param primaryMetric      {@code retrain}: what the challenger must beat the champion on ({@code recall_at_alert},
 *                           {@code ap}, {@code auc}, {@code cp100})
 * @param promotionMargin    {@code retrain}: by how much (absolute)
 * @param promotionTolerance {@code retrain}: how much worse it may be on each other metric
 * @param autoPromote        {@code retrain}: promote when the policy says so; off, the decision is only recorded and a
 *                           person promotes through the scoring API or {@code ./cdp promote}
 * @param shadowDays         {@code retrain}: days a challenger that passed the policy shadows the live version (scored
 *                           beside it by the stream transformer, never acted on) before a later retraining measures it
 *                           again and promotes it; 0 promotes at once
 * @param schedule           {@code retrain}: run again after this long, until stopped (a local stand-in for the
 *                           scheduled task); unset: once
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
        @DefaultValue("0.2") double validationShare,
        @DefaultValue("7") int labelDelayDays,
        @DefaultValue("28") int trainDays,
        @DefaultValue("4") int validationDays,
        @DefaultValue("recall_at_alert") String primaryMetric,
        @DefaultValue("0.05") double promotionMargin,
        @DefaultValue("0.02") double promotionTolerance,
        @DefaultValue("true") boolean autoPromote,
        @DefaultValue("7") int shadowDays,
        @Nullable Duration schedule) {}
