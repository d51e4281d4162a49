package io.cdp.scoringapi.bench;

/** A deliberately wrong fixture: a bench entry point inside a service's package. Never shipped. */
public final class ShippedBenchMain {

    private ShippedBenchMain() {}

    public static void main(String[] args) {
        System.out.println("a bench that would ship inside the scoring API");
    }
}
