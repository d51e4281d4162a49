package io.cdp.core.loading;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;

/** Where loaded records go: DynamoDB in the service, a list in unit tests. */
public interface LoadSink extends AutoCloseable {

    void customer(Customer customer);

    void card(Card card);

    void transaction(Transaction transaction);

    /** Waits until everything accepted is stored. */
    void flush();

    @Override
    default void close() {
        flush();
    }
}
