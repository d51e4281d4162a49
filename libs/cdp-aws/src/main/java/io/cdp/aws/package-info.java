/**
 * AWS SDK v2 clients configured from one switch: {@code AWS_ENDPOINT_URL} (or a service-specific
 * {@code AWS_ENDPOINT_URL_<SERVICE>}) points every client at a local emulator; without it the SDK's default
 * chains apply, as on ECS with a task role.
 */
@NullMarked
package io.cdp.aws;

import org.jspecify.annotations.NullMarked;
