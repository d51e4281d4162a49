/**
 * RFC 9457 problem details for every error a service answers: field-level validation errors, no stack traces,
 * and never a request value echoed back (it may be a card token or worse).
 */
@NullMarked
package io.cdp.service.problem;

import org.jspecify.annotations.NullMarked;
