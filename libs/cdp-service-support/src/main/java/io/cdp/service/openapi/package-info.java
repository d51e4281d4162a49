/** OpenAPI info, the bearer security scheme Swagger UI authorizes with, and the problem schema every error uses. */
@NullMarked
package io.cdp.service.openapi;

import org.jspecify.annotations.NullMarked;
