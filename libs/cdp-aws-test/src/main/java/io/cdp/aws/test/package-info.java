/**
 * JUnit 5 support for integration tests against the AWS emulator: finds one (never silently skips),
 * gives each test class its own namespace of resources, and hands out configured SDK clients.
 */
@NullMarked
package io.cdp.aws.test;

import org.jspecify.annotations.NullMarked;
