/**
 * The HTTP core shared by every OpenAI operation: the
 * {@link io.github.openaistarter.core.OpenAiTransport} every call passes through, error
 * decoding into typed exceptions, response metadata and rate-limit headers.
 */
@NullMarked
package io.github.openaistarter.core;

import org.jspecify.annotations.NullMarked;
