/**
 * Streaming support: server-sent events decoding into {@code ChatCompletionChunk}s and
 * the {@link io.github.openaistarter.chat.stream.ChatCompletionAccumulator} that rebuilds
 * the final completion.
 */
@NullMarked
package io.github.openaistarter.chat.stream;

import org.jspecify.annotations.NullMarked;
