package io.cdp.console.feed;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class FeedController {

    private final ScoredFeed feed;

    FeedController(ScoredFeed feed) {
        this.feed = feed;
    }

    /** Server-sent events named {@code scored}, each a {@link FeedItem}: the recent ones first, then live. */
    @GetMapping(path = "/console/api/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed() {
        return feed.open();
    }

    /** The same recent items as one JSON array (for the charts and for clients without streaming). */
    @GetMapping(path = "/console/api/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FeedItem> recent() {
        return feed.recent();
    }
}
