/**
 * The analysts' console: the single-page front end (static resources built from {@code frontend/}) and the back end it
 * calls under {@code /console/api}. Features: {@code feed} (scored transactions as server-sent events),
 * {@code lake} (alert outcomes and charts through libs/cdp-lake-sql), {@code backends} (customer-360 and the scoring
 * API, called with the user's own token), {@code config} (properties and the scope of every endpoint).
 */
@NullMarked
package io.cdp.console;

import org.jspecify.annotations.NullMarked;
