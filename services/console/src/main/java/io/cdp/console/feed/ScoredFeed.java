package io.cdp.console.feed;

import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionScoredV1;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads {@code cdp.scored.transactions} and hands each record to every open feed.
 *
 * <p>A plain reader per console instance, not a consumer group: the feed is a view, it checkpoints nothing and needs
 * every record (not a share of the shards). It starts at the horizon of each shard so a new console shows the recent
 * past, keeps the last {@code size} items for viewers who connect later, and polls each shard once per
 * {@code poll}. A record it cannot decode is skipped with a log line (no payload in it): the feed must not stop.
 */
public final class ScoredFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScoredFeed.class);

    private final KinesisClient kinesis;
    private final String stream;
    private final EventCodec codec;
    private final int size;
    private final Duration poll;
    private final Deque<FeedItem> recent = new ArrayDeque<>();
    private final List<SseEmitter> viewers = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    public ScoredFeed(KinesisClient kinesis, String stream, EventCodec codec, int size, Duration poll) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.codec = codec;
        this.size = size;
        this.poll = poll;
        this.reader = Thread.ofVirtual().name("scored-feed").start(this::read);
    }

    /**
     * A new viewer: the recent items, then every new one. The backlog is sent from a thread of its own once the
     * request has returned the emitter (a send during the handler call is refused once the client has gone).
     */
    public SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> viewers.remove(emitter));
        emitter.onTimeout(() -> viewers.remove(emitter));
        emitter.onError(e -> viewers.remove(emitter));
        Thread.ofVirtual().name("scored-feed-viewer").start(() -> {
            List<FeedItem> backlog;
            synchronized (recent) {
                backlog = new ArrayList<>(recent);
                viewers.add(emitter);
            }
            try {
                for (FeedItem item : backlog) {
                    emitter.send(SseEmitter.event().name("scored").data(item, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                viewers.remove(emitter); // the viewer left while the backlog was sent
            }
        });
        return emitter;
    }

    public List<FeedItem> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private void read() {
        Map<String, String> iterators = new HashMap<>();
        while (running) {
            try {
                if (iterators.isEmpty()) {
                    for (Shard shard :
                            kinesis.listShards(b -> b.streamName(stream)).shards()) {
                        iterators.put(
                                shard.shardId(),
                                kinesis.getShardIterator(b -> b.streamName(stream)
                                                .shardId(shard.shardId())
                                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                                        .shardIterator());
                    }
                }
                for (Map.Entry<String, String> e : new ArrayList<>(iterators.entrySet())) {
                    GetRecordsResponse response = kinesis.getRecords(
                            b -> b.shardIterator(e.getValue()).limit(500));
                    response.records().forEach(this::publish);
                    if (response.nextShardIterator() == null) {
                        iterators.remove(e.getKey()); // a closed shard; the listing finds its children
                    } else {
                        iterators.put(e.getKey(), response.nextShardIterator());
                    }
                }
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // stream missing or emulator down: say so, start again from the listing after a pause
                log.warn("scored feed: {} ({}); retrying", e.getClass().getSimpleName(), stream);
                iterators.clear();
                try {
                    Thread.sleep(poll.multipliedBy(5));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void publish(Record record) {
        FeedItem item;
        try {
            item = FeedItem.of(codec.decode(record.data().asByteArray(), TransactionScoredV1.class)
                    .payload());
        } catch (RuntimeException e) {
            log.warn("scored feed: skipped an undecodable record at {}", record.sequenceNumber());
            return;
        }
        synchronized (recent) {
            recent.addLast(item);
            while (recent.size() > size) {
                recent.removeFirst();
            }
        }
        for (SseEmitter viewer : viewers) {
            try {
                viewer.send(SseEmitter.event().name("scored").data(item, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                viewers.remove(viewer);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        viewers.forEach(SseEmitter::complete);
    }
}
