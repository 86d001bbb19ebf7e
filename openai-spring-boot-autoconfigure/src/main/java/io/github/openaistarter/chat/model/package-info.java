/**
 * Wire types of the Chat Completions API: immutable requests built with builders, and
 * responses that keep fields this library does not know yet
 * ({@code additionalProperties()}) and accept enum values it has never seen.
 */
@NullMarked
package io.github.openaistarter.chat.model;

import org.jspecify.annotations.NullMarked;
