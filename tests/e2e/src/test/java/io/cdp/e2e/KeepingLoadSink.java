package io.cdp.e2e;

import io.cdp.core.loading.LoadSink;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import java.util.List;

/**
 * Loads through another sink (DynamoDB) and keeps the plaintext customers and cards it passed on: what the leak checks
 * search every table, queue, object and log for.
 */
record KeepingLoadSink(LoadSink delegate, List<Customer> customers, List<Card> cards) implements LoadSink {

    @Override
    public void customer(Customer customer) {
        customers.add(customer);
        delegate.customer(customer);
    }

    @Override
    public void card(Card card) {
        cards.add(card);
        delegate.card(card);
    }

    @Override
    public void transaction(Transaction transaction) {
        delegate.transaction(transaction);
    }

    @Override
    public void flush() {
        delegate.flush();
    }
}
