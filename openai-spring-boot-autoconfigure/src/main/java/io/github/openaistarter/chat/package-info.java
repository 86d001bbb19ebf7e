/**
 * The Chat Completions operations users inject:
 * {@link io.github.openaistarter.chat.ChatCompletionsOperations} (blocking) and
 * {@link io.github.openaistarter.chat.ReactiveChatCompletionsOperations} (Reactor), both
 * backed by one implementation on Spring's reactive HTTP connector (the layer under
 * {@code WebClient}).
 */
@NullMarked
package io.github.openaistarter.chat;

import org.jspecify.annotations.NullMarked;
