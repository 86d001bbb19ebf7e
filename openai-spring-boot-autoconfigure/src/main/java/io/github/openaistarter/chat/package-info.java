/**
 * The Chat Completions operations users inject:
 * {@link io.github.openaistarter.chat.ChatCompletionsOperations} (blocking) and
 * {@link io.github.openaistarter.chat.ReactiveChatCompletionsOperations} (Reactor), both
 * backed by one implementation on Spring's reactive HTTP client ({@code WebClient}, or
 * the connector under it).
 */
@NullMarked
package io.github.openaistarter.chat;

import org.jspecify.annotations.NullMarked;
