package io.cdp.transformer.archfixture;

import io.cdp.core.extraction.ExtractionRunner;

/** A deliberately wrong fixture: stream-transformer code using core-banking's classes. Never shipped. */
public final class ImportsCoreBanking {

    private ImportsCoreBanking() {}

    static String runnerName() {
        return ExtractionRunner.class.getName();
    }
}
