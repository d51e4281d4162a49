/**
 * AWS for every service from one switch: {@code cdp.aws.endpoint} (or {@code AWS_ENDPOINT_URL}) set in
 * the {@code local} profile and in tests, unset in ECS where the task role and region apply.
 */
@NullMarked
package io.cdp.service.aws;

import org.jspecify.annotations.NullMarked;
